import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryArchiveStore } from '../../adapters/memory-archive-store.ts';
import { SecretsManagerSecrets } from '../../adapters/secrets-manager-secrets.ts';
import { makeHandler } from '../../app/api/handler.ts';
import { generateWorkbook } from '../../cli/generate/generate-workbook.ts';
import { EXAMPLE_WORKBOOK } from '../../cli/main.ts';
import { startServer } from '../../cli/serve.ts';
import { loadWorkbook } from '../../cli/sources/load-workbook.ts';
import { batchGetFromWorkbook, buildSnapshot, canonicalJson } from '../../core/index.ts';
import { smallBook } from '../helpers/small-book.ts';

const dir = mkdtempSync(join(tmpdir(), 'sajja-api-'));
const SECRET = randomBytes(32).toString('base64url');
const OTHER = randomBytes(32).toString('base64url');
let server: { url: string; close: () => Promise<void> };
let example: unknown;

beforeAll(async () => {
  writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ 'kamlon-m11': SECRET, g1: OTHER }));
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    secretsFile: join(dir, 'secrets.json'),
    inMemory: true,
    version: 'test',
    log: () => {},
  });
  example = batchGetFromWorkbook(await loadWorkbook(EXAMPLE_WORKBOOK));
});
afterAll(async () => {
  await server.close();
});

/** An independent signer (node:crypto), as any client would write one from SPEC §9. */
function signed(
  method: string,
  path: string,
  body: string,
  opts: { group?: string; secret?: string; timestamp?: number; nonce?: string } = {},
) {
  const group = opts.group ?? 'kamlon-m11';
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? randomBytes(16).toString('base64url');
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
  const canonical = ['v1', group, timestamp, nonce, method, path.split('?')[0], bodyHash].join('\n');
  const signature = `v1=${createHmac('sha256', Buffer.from(opts.secret ?? SECRET, 'utf8'))
    .update(canonical)
    .digest('hex')}`;
  return {
    'x-sajja-group': group,
    'x-sajja-timestamp': timestamp,
    'x-sajja-nonce': nonce,
    'x-sajja-signature': signature,
  };
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  as: { group?: string; secret?: string } = {},
) {
  const text = body === undefined ? '' : JSON.stringify(body);
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...signed(method, path, text, as), ...headers },
    ...(method === 'GET' ? {} : { body: text }),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

/** What the API answers, as far as these tests read it. */
interface Answer {
  [key: string]: unknown;
  error: { code: string; message: { th: string; en: string }; issues: { path: string }[] };
  created: boolean;
  hash: string;
  snapshots: { month: string }[];
}

describe('the signed API through sajja serve (issue 11)', () => {
  it('answers health unsigned', async () => {
    const response = await fetch(`${server.url}/v1/health`);
    expect(await response.json()).toEqual({ ok: true, version: 'test' });
  });

  it('checks, summarises and archives the example (twice: created, then not)', async () => {
    const check = await call('POST', '/v1/check', { workbook: example, as_of: '2026-11-01' });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ group_id: 'kamlon-m11', ok: true, counts: { error: 0, warning: 0 } });
    const summary = await call('POST', '/v1/summary', {
      workbook: example,
      month: '2569-10',
      as_of: '2026-11-01',
    });
    expect(summary.body).toMatchObject({ group_id: 'kamlon-m11', month: '2026-10' });
    const first = await call('POST', '/v1/archive', { workbook: example, month: '2026-09' });
    const again = await call('POST', '/v1/archive', { workbook: example, month: '2026-09' });
    expect([first.status, first.body.created, again.status, again.body.created]).toEqual([
      200,
      true,
      200,
      false,
    ]);
    expect(again.body.hash).toBe(first.body.hash);
    const list = await call('GET', '/v1/groups/kamlon-m11/snapshots');
    expect(list.body.snapshots.map((s: { month: string }) => s.month)).toContain('2026-09');
    const one = await call('GET', '/v1/groups/kamlon-m11/snapshots/2026-09');
    expect(one.body).toMatchObject({ month: '2026-09', version: 1, summary: { month: '2026-09' } });
    const verify = await call('GET', '/v1/groups/kamlon-m11/verify');
    expect(verify.body).toMatchObject({ ok: true, problems: [] });
  });

  it.each([
    ['a bad signature', { 'x-sajja-signature': `v1=${'0'.repeat(64)}` }, 'does not match'],
    [
      'a stale timestamp',
      signed('POST', '/v1/check', '{}', { timestamp: Math.floor(Date.now() / 1000) - 400 }),
      '300 s',
    ],
    [
      'a future timestamp',
      signed('POST', '/v1/check', '{}', { timestamp: Math.floor(Date.now() / 1000) + 400 }),
      '300 s',
    ],
    [
      'an unknown group',
      signed('POST', '/v1/check', '{}', { group: 'nosuch', secret: 'x'.repeat(43) }),
      'not registered',
    ],
    ['a missing header', { 'x-sajja-nonce': '' }, 'missing'],
  ])('refuses %s with 401', async (_name, headers, said) => {
    const response = await fetch(`${server.url}/v1/check`, {
      method: 'POST',
      headers: { ...signed('POST', '/v1/check', '{}'), ...(headers as Record<string, string>) },
      body: '{}',
    });
    const body = (await response.json()) as { error: { code: string; message: { en: string } } };
    expect(response.status).toBe(401);
    expect(body.error.code).toBe('unauthorized');
    expect(body.error.message.en).toContain(said);
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it('refuses a replayed nonce', async () => {
    const headers = signed('GET', '/v1/groups/kamlon-m11/snapshots', '');
    const first = await fetch(`${server.url}/v1/groups/kamlon-m11/snapshots`, { headers });
    const replay = await fetch(`${server.url}/v1/groups/kamlon-m11/snapshots`, { headers });
    expect([first.status, replay.status]).toEqual([200, 401]);
    expect(((await replay.json()) as { error: { message: { en: string } } }).error.message.en).toContain(
      'replay',
    );
  });

  it('refuses another group’s workbook (403), a wrong method (405), a body that fits no schema (400)', async () => {
    const other = await call('POST', '/v1/check', { workbook: batchGetFromWorkbook(smallBook()) });
    expect([other.status, other.body.error.code]).toEqual([403, 'forbidden']);
    const path = await call('GET', '/v1/groups/g1/snapshots');
    expect(path.status).toBe(403);
    const method = await call('GET', '/v1/check');
    expect([method.status, method.body.error.code]).toEqual([405, 'method_not_allowed']);
    const bad = await call('POST', '/v1/summary', { workbook: example });
    expect([bad.status, bad.body.error.issues[0]?.path]).toEqual([400, 'month']);
    const future = await call('POST', '/v1/archive', { workbook: example, month: '2099-01' });
    expect([future.status, future.body.error.code]).toEqual([422, 'month_out_of_range']);
  });

  it('refuses a 7 MB body with 413 without reading it whole', async () => {
    const { port } = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/check',
          method: 'POST',
          headers: { 'content-length': 7 * 1024 * 1024 },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on('error', () => {}); // the server stops reading: the rest of the upload is cut short
      req.write(Buffer.alloc(64 * 1024, 0x20)); // only 64 KB of the 7 MB announced is ever sent
      setTimeout(() => reject(new Error('no answer before the body was sent')), 5_000);
    });
    expect(status).toBe(413);
  });

  it('answers 20 signed checks at once, each the same answer as one alone (load: npm run bench)', async () => {
    const alone = await call('POST', '/v1/check', { workbook: example, as_of: '2026-11-01' });
    expect(alone.status).toBe(200);
    const together = await Promise.all(
      Array.from({ length: 20 }, () => call('POST', '/v1/check', { workbook: example, as_of: '2026-11-01' })),
    );
    expect(together.map((r) => r.status)).toEqual(Array(20).fill(200));
    for (const r of together) expect(r.body).toEqual(alone.body);
  });

  it('creates exactly one version when 12 archive the same month at once', async () => {
    // enough at once to race on the conditional writes; how fast many are is npm run bench's
    const results = await Promise.all(
      Array.from({ length: 12 }, () => call('POST', '/v1/archive', { workbook: example, month: '2026-08' })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.hash)).size).toBe(1);
  });
});

describe('the groups’ secrets in Secrets Manager (aws-sdk-client-mock)', () => {
  it('reads the secret once per container, and again for a group it does not know (at most once a minute)', async () => {
    const mock = mockClient(SecretsManagerClient);
    mock
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: '{"a":"sa"}' })
      .resolves({ SecretString: '{"a":"sa","b":"sb"}' });
    let now = 1_000_000;
    const secrets = new SecretsManagerSecrets(
      new SecretsManagerClient({ region: 'ap-southeast-1' }),
      'sajja/group-secrets',
      () => now,
    );
    expect(await secrets.secretsOf('a')).toEqual([{ id: null, holder: null, secret: 'sa' }]);
    expect(await secrets.secretsOf('a')).toEqual([{ id: null, holder: null, secret: 'sa' }]);
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(mock.commandCalls(GetSecretValueCommand)[0]!.args[0].input).toEqual({
      SecretId: 'sajja/group-secrets',
    });
    expect(await secrets.secretsOf('b')).toEqual([]); // just read: not again within 10 s
    now += 11_000;
    expect(await secrets.secretsOf('b')).toEqual([{ id: null, holder: null, secret: 'sb' }]); // a group added since: read again
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    mock.restore();
  });
});

describe('closing a month sends the month, not the whole workbook (issue 17)', () => {
  const G1 = { group: 'g1', secret: OTHER };
  const zipped = (content: unknown) =>
    gzipSync(Buffer.from(canonicalJson(content), 'utf8')).toString('base64');

  it('archives a month from its snapshot: the same snapshot, hash and version as from the workbook', async () => {
    const workbook = await loadWorkbook(EXAMPLE_WORKBOOK);
    const made = buildSnapshot(workbook, '2026-09');
    const body = {
      month: '2026-09',
      snapshot: { gzip_base64: zipped(made.content), content_hash: made.content_hash },
    };
    const sent = await call('POST', '/v1/archive', body);
    expect(sent.status).toBe(200);
    expect(sent.body.hash).toBeDefined();
    // the same month from the whole workbook is the same content: nothing new
    const again = await call('POST', '/v1/archive', { workbook: example, month: '2026-09' });
    expect(again.body).toMatchObject({ created: false, hash: sent.body.hash });
    expect(JSON.stringify(body).length * 5).toBeLessThan(JSON.stringify({ workbook: example }).length);
  });

  it('stays far below 6 MB for a 60-household group after years, whose workbook is refused', async () => {
    const big = generateWorkbook({
      groupId: 'kamlon-m11',
      groupName: 'กลุ่มใหญ่',
      households: 60,
      months: 40,
      start: '2023-09',
      seed: 7,
      usuriousRates: false,
    });
    const whole = JSON.stringify({ workbook: batchGetFromWorkbook(big), month: '2026-12' });
    expect(whole.length).toBeGreaterThan(6 * 1024 * 1024);
    const made = buildSnapshot(big, '2026-12');
    const body = { month: '2026-12', snapshot: { gzip_base64: zipped(made.content) } };
    expect(JSON.stringify(body).length).toBeLessThan(1024 * 1024);
    const sent = await call('POST', '/v1/archive', body);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const refused = await call('POST', '/v1/archive', JSON.parse(whole));
    expect(refused.status).toBe(413);
    expect(refused.body.error.message.en).toContain('5 MB');
    expect(refused.body.error.message.th).toContain('5 MB');
  });

  it("refuses a snapshot that is another group's or month's, holds another month's row, lacks a figure, or is damaged", async () => {
    const made = buildSnapshot(smallBook(), '2026-08').content;
    const as = (content: unknown, month = '2026-08', extra = {}) =>
      call('POST', '/v1/archive', { month, snapshot: { gzip_base64: zipped(content), ...extra } }, {}, G1);
    const other = await as({
      ...made,
      group_id: 'kamlon-m11',
      summary: { ...made.summary, group_id: 'kamlon-m11' },
    });
    expect(other.status).toBe(403);
    expect((await as(made, '2026-07')).status).toBe(400);
    const july = { ...made, rows: { ...made.rows, savings: [{ row: 2, values: { date: '2026-07-02' } }] } };
    expect((await as(july)).body.error.message.en).toContain('not dated in 2026-08');
    const { savings: _savings, ...noSavings } = made.summary;
    expect((await as({ ...made, summary: noSavings })).body.error.message.en).toContain('savings.balance');
    expect((await as(made, '2026-08', { content_hash: 'f'.repeat(64) })).body.error.message.en).toContain(
      'does not match',
    );
    const bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024, 32)).toString('base64');
    const boom = await call(
      'POST',
      '/v1/archive',
      { month: '2026-08', snapshot: { gzip_base64: bomb } },
      {},
      G1,
    );
    expect(boom.status).toBe(400);
    expect(boom.body.error.message.en).toContain('at most 64 MB unzipped');
  });
});

describe('a rotated or missing secret (issue 18)', () => {
  it('answers 503 "not configured yet" while the secret holds its placeholder, and never keeps a failed read', async () => {
    const mock = mockClient(SecretsManagerClient);
    mock
      .on(GetSecretValueCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolvesOnce({ SecretString: 'x7Kq!generated-by-cdk' })
      .resolves({ SecretString: JSON.stringify({ g: 'the-secret-0123456789abcdefghijklmnop' }) });
    const secrets = new SecretsManagerSecrets(
      new SecretsManagerClient({ region: 'ap-southeast-1' }),
      's',
      () => 0,
    );
    await expect(secrets.secretsOf('g')).rejects.toThrow('Rate exceeded');
    await expect(secrets.secretsOf('g')).rejects.toMatchObject({ status: 503, code: 'not_configured' });
    expect(await secrets.secretsOf('g')).toEqual([
      { id: null, holder: null, secret: 'the-secret-0123456789abcdefghijklmnop' },
    ]);
    mock.restore();
  });

  it('takes a rotated secret at once, and the previous one until its grace ends', async () => {
    let stored: unknown = { g: 'old-secret-0123456789abcdefghijklmnopq' };
    let now = Date.UTC(2026, 11, 1);
    const reads: number[] = [];
    const source = new SecretsManagerSecrets(
      {
        send: async () => {
          reads.push(now);
          return { SecretString: JSON.stringify(stored) };
        },
      } as never,
      's',
      () => now,
    );
    const handle = makeHandler({
      store: new MemoryArchiveStore(),
      secrets: source,
      nonces: { remember: async () => true },
      now: () => now,
      log: () => {},
      version: 'test',
    });
    const ask = (secret: string) =>
      handle({
        rawPath: '/v1/groups/g/snapshots',
        requestContext: { http: { method: 'GET' }, requestId: 'r' },
        headers: signed('GET', '/v1/groups/g/snapshots', '', {
          group: 'g',
          secret,
          timestamp: Math.floor(now / 1000),
        }),
        isBase64Encoded: false,
      } as never);
    const first = await ask('old-secret-0123456789abcdefghijklmnopq');
    expect(first.statusCode, String(first.body)).toBe(200);
    // rotated: the warm container still holds the old copy, and reads again on the new signature
    stored = {
      g: {
        secret: 'new-secret-0123456789abcdefghijklmnopq',
        previous: 'old-secret-0123456789abcdefghijklmnopq',
        previous_until: '2026-12-08T00:00:00Z',
      },
    };
    now += 20_000;
    expect((await ask('new-secret-0123456789abcdefghijklmnopq')).statusCode).toBe(200);
    expect((await ask('old-secret-0123456789abcdefghijklmnopq')).statusCode).toBe(200);
    // after the grace the old one is refused
    now = Date.UTC(2026, 11, 9);
    expect((await ask('old-secret-0123456789abcdefghijklmnopq')).statusCode).toBe(401);
    expect((await ask('new-secret-0123456789abcdefghijklmnopq')).statusCode).toBe(200);
    expect(reads.length).toBeLessThanOrEqual(4);
  });
});

describe('the signature before the body (issue 18)', () => {
  it('refuses an unsigned request without reading its body, however large or broken', async () => {
    const handle = makeHandler({
      store: new MemoryArchiveStore(),
      secrets: { secretsOf: async () => [] },
      nonces: { remember: async () => true },
      now: () => Date.now(),
      log: () => {},
      version: 'test',
    });
    let read = 0;
    const body = {
      get length() {
        read++;
        return 7 * 1024 * 1024;
      },
    };
    const answer = await handle({
      rawPath: '/v1/check',
      body,
      isBase64Encoded: true,
      requestContext: { http: { method: 'POST' }, requestId: 'r' },
      headers: { 'content-length': String(7 * 1024 * 1024) },
    } as never);
    expect(answer.statusCode).toBe(401);
    expect(read).toBe(0);
    // signed but stale: also refused before the body
    const stale = await handle({
      rawPath: '/v1/check',
      body,
      isBase64Encoded: true,
      requestContext: { http: { method: 'POST' }, requestId: 'r' },
      headers: {
        'x-sajja-group': 'g',
        'x-sajja-timestamp': '1000',
        'x-sajja-nonce': 'n'.repeat(20),
        'x-sajja-signature': `v1=${'0'.repeat(64)}`,
      },
    } as never);
    expect(stale.statusCode).toBe(401);
    expect(read).toBe(0);
  });
});
