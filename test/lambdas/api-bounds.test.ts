import { spawn } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoNonceStore } from '../../adapters/dynamo-nonce-store.ts';
import { type ArchiveConnection, openArchive } from '../../cli/archive/open-archive.ts';
import { EXAMPLE_WORKBOOK } from '../../cli/main.ts';
import { startServer } from '../../cli/serve.ts';
import { loadWorkbook } from '../../cli/sources/load-workbook.ts';
import { batchGetFromWorkbook } from '../../core/index.ts';
import { runCli } from '../helpers/run-cli.ts';

/**
 * Issue 19, points 13–16: one signed request cannot stop `sajja serve`; its files are private from
 * the start; a malformed target is a 400; nonces do not pile up.
 */
const dir = mkdtempSync(join(tmpdir(), 'sajja-bounds-'));
const SECRET = randomBytes(32).toString('base64url');
const logs: string[] = [];
let server: { url: string; close: () => Promise<void> };
let example: { valueRanges: { range: string; values: unknown[][] }[] };

beforeAll(async () => {
  writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ 'kamlon-m11': SECRET, g1: SECRET }));
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    secretsFile: join(dir, 'secrets.json'),
    inMemory: true,
    version: 'test',
    log: (line) => logs.push(line),
  });
  example = batchGetFromWorkbook(await loadWorkbook(EXAMPLE_WORKBOOK)) as typeof example;
});
afterAll(async () => {
  await server.close();
});

function signedHeaders(method: string, path: string, body: string, group = 'kamlon-m11', secret = SECRET) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('base64url');
  const hash = createHash('sha256').update(body, 'utf8').digest('hex');
  const canonical = ['v1', group, timestamp, nonce, method, path, hash].join('\n');
  return {
    'content-type': 'application/json',
    'x-sajja-group': group,
    'x-sajja-timestamp': timestamp,
    'x-sajja-nonce': nonce,
    'x-sajja-signature': `v1=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(canonical).digest('hex')}`,
  };
}

async function post(path: string, body: string, group?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: signedHeaders('POST', path, body, group),
    body,
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Answer };
}

interface Answer {
  error: { code: string; message: { th: string; en: string }; issues: unknown[] };
  findings: unknown[];
  findings_more: number;
  counts: { error: number; warning: number };
}

const withTabs = (valueRanges: unknown[]) => JSON.stringify({ workbook: { valueRanges } });

describe('one signed request cannot hold sajja serve (issue 19, point 13)', () => {
  it('refuses a tab title over 100 characters and a cell over 50,000, at once, in Thai and English', async () => {
    const longTitle = await post(
      '/v1/check',
      withTabs([{ range: `'${'x'.repeat(2_000_000)}'!A1`, values: [] }]),
    );
    expect(longTitle.status).toBe(400);
    expect(longTitle.text.length).toBeLessThan(2_000);
    const titled = await post('/v1/check', withTabs([{ range: `'${'x'.repeat(101)}'!A1`, values: [['a']] }]));
    expect(titled.status).toBe(400);
    expect(titled.body.error.message.en).toContain('100 characters');
    const header = [...example.valueRanges];
    header[1] = { ...header[1]!, values: [['x'.repeat(50_001)], ...header[1]!.values.slice(1)] };
    const cell = await post('/v1/check', withTabs(header));
    expect(cell.status).toBe(400);
    expect(cell.body.error.message.th).toContain('50,000 ตัวอักษร');
    expect(cell.body.error.message.en).toContain('50,000 characters');
  });

  it('answers a 3 MB list of empty objects in a few kilobytes: the first issues and a count', async () => {
    const body = withTabs(Array.from({ length: 1_050_000 }, () => ({})));
    expect(body.length).toBeGreaterThan(3_000_000);
    const answer = await post('/v1/check', body);
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(5_000);
    const few = await post(
      '/v1/check',
      JSON.stringify({ workbook: { valueRanges: [{}, {}, {}] }, as_of: 5 }),
    );
    expect(few.status).toBe(400);
    expect(few.body.error.issues.length).toBeGreaterThan(0);
    expect(few.body.error.issues.length).toBeLessThanOrEqual(20);
  });

  it("compares the workbook's group with the signer before checking it", async () => {
    // another group's workbook whose savings tab is huge: refused from its settings alone
    const tabs = example.valueRanges.map((r) =>
      r.range.includes('savings')
        ? { ...r, values: [...r.values, ...Array.from({ length: 200_000 }, () => ['bad'])] }
        : r,
    );
    const answer = await post('/v1/check', withTabs(tabs), 'g1');
    expect(answer.status).toBe(403);
    expect(answer.body.error.message.en).toContain('not g1');
  });

  it('lists at most 1,000 findings with their whole counts, and how many more there are', async () => {
    const tabs = example.valueRanges.map((r) =>
      r.range.includes('savings')
        ? {
            ...r,
            values: [
              ...r.values,
              ...Array.from({ length: 3_000 }, () => ['31/2/2569', 'M0001', 'ฝาก', '12,5O']),
            ],
          }
        : r,
    );
    const answer = await post('/v1/check', withTabs(tabs));
    expect(answer.status).toBe(200);
    expect(answer.body.findings).toHaveLength(1_000);
    expect(answer.body.counts.error).toBeGreaterThan(3_000);
    expect(answer.body.findings_more).toBe(answer.body.counts.error + answer.body.counts.warning - 1_000);
  });
});

describe('a malformed target, and which group is registered (issue 19, point 15)', () => {
  it('answers a malformed % escape with 400 in Thai and English, and logs it', async () => {
    const response = await fetch(`${server.url}/v1/groups/%E0%A4/snapshots`, {
      headers: signedHeaders('GET', '/v1/groups/%E0%A4/snapshots', ''),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: { th: string; en: string } } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message.th).toContain('%');
    expect(body.error.message.en).toContain('malformed');
  });

  it('answers a request target that is no URL with 400 and a log line, never an empty 500', async () => {
    const { port } = new URL(server.url);
    const before = logs.length;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('GET http://[oops/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      });
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(raw).toContain('"bad_request"');
    expect(logs.slice(before).some((line) => line.includes('"status":400'))).toBe(true);
  });

  it('gives an unknown group and a wrong signature the same 401 message', async () => {
    const wrong = await fetch(`${server.url}/v1/check`, {
      method: 'POST',
      headers: signedHeaders('POST', '/v1/check', '{}', 'kamlon-m11', 'not-the-secret'),
      body: '{}',
    });
    const unknown = await fetch(`${server.url}/v1/check`, {
      method: 'POST',
      headers: signedHeaders('POST', '/v1/check', '{}', 'nosuch-group', 'not-the-secret'),
      body: '{}',
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const message = async (r: Response) =>
      ((await r.json()) as { error: { message: unknown } }).error.message;
    expect(await message(unknown)).toEqual(await message(wrong));
  });
});

describe('private files from the start (issue 19, point 14)', () => {
  it('never lets secrets.json be read by others while it is made, and makes the data folder 0700', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'sajja-perm-')), 'data');
    const file = join(data, 'secrets.json');
    // watch the file as `sajja secret new` makes it, in another process
    const watcher = spawn(
      process.execPath,
      [
        '-e',
        `const fs=require('fs');const seen=new Set();const end=Date.now()+20000;(function look(){try{seen.add((fs.statSync(${JSON.stringify(file)}).mode&0o777).toString(8))}catch{}if(Date.now()<end&&!fs.existsSync(${JSON.stringify(join(data, 'stop'))}))setImmediate(look);else console.log([...seen].join(','))})()`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let modes = '';
    watcher.stdout.on('data', (chunk) => {
      modes += chunk;
    });
    const done = new Promise((resolve) => watcher.once('exit', resolve));
    for (let i = 0; i < 8; i++) {
      const made = await runCli('secret', 'new', `g${i}`, '--data-dir', data);
      expect(made.code, made.err).toBe(0);
    }
    writeFileSync(join(data, 'stop'), '');
    await done;
    expect(modes.trim().split(',').filter(Boolean)).toEqual(['600']);
    expect(statSync(data).mode & 0o777).toBe(0o700);
  });

  it('keeps the archive files 0600 in a 0700 folder', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'sajja-perm-')), 'data');
    const archived = await runCli('archive', EXAMPLE_WORKBOOK, '--month', '2026-10', '--data-dir', data);
    expect(archived.code, archived.err).toBe(0);
    const engine = join(data, 'dynamo');
    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(statSync(engine).mode & 0o777).toBe(0o700);
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(engine);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect([f, statSync(join(engine, f)).mode & 0o077]).toEqual([f, 0]);
  });
});

describe('expired nonces are swept from the embedded store (issue 19, point 16)', () => {
  let archive: ArchiveConnection;
  beforeAll(async () => {
    archive = await openArchive({ inMemory: true });
  });
  afterAll(async () => {
    await archive.close();
  });

  it('deletes the expired nonces only, over several pages', async () => {
    const doc = DynamoDBDocumentClient.from(archive.client);
    const nonces = new DynamoNonceStore(archive.client, 'sajja-archive');
    for (let i = 0; i < 1_200; i++) await nonces.remember('g1', `expired-nonce-${i}-0000`, 1_000, 1_500);
    for (let i = 0; i < 30; i++) await nonces.remember('g1', `fresh-nonce-${i}-000000`, 1_000, 9_000);
    await doc.send(
      new PutCommand({ TableName: 'sajja-archive', Item: { PK: 'G#g1', SK: 'keep', expires_at: 1 } }),
    );
    expect(await nonces.sweep(2_000)).toBe(1_200);
    const left = await doc.send(new ScanCommand({ TableName: 'sajja-archive' }));
    expect(left.Items!.filter((item) => String(item.PK).startsWith('N#'))).toHaveLength(30);
    expect(left.Items!.some((item) => item.PK === 'G#g1')).toBe(true);
    // a fresh nonce is still a replay; an expired one swept may be used again
    expect(await nonces.remember('g1', 'fresh-nonce-0-000000', 2_000, 9_000)).toBe(false);
  });

  it('sweeps while sajja serve runs', async () => {
    let clock = Date.now();
    const swept = await startServer({
      host: '127.0.0.1',
      port: 0,
      secretsFile: join(dir, 'secrets.json'),
      inMemory: true,
      version: 'test',
      log: () => {},
      sweepEveryMs: 20,
      now: () => clock,
    });
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const doc = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: swept.endpoint,
        region: 'local',
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      }),
    );
    const nonceCount = async () =>
      ((await doc.send(new ScanCommand({ TableName: 'sajja-archive' }))).Items ?? []).filter((item) =>
        String(item.PK).startsWith('N#'),
      ).length;
    try {
      const path = '/v1/groups/kamlon-m11/snapshots';
      for (let i = 0; i < 5; i++)
        expect((await fetch(`${swept.url}${path}`, { headers: signedHeaders('GET', path, '') })).status).toBe(
          200,
        );
      expect(await nonceCount()).toBe(5);
      clock += 3_600_000; // an hour later every one of them has expired
      while ((await nonceCount()) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await nonceCount()).toBe(0);
    } finally {
      await swept.close();
    }
  });
});

describe("each person's key (issue 19, point 8)", () => {
  it('reads people’s keys beside the shared secret, and leaves a revoked key out', async () => {
    const { secretsOf } = await import('../../adapters/secrets-json.ts');
    const keys = secretsOf(
      JSON.stringify({
        g1: {
          secret: 'shared',
          keys: [
            { id: 'k-aaaaaaaa', holder: 'สมศรี', secret: 's1', created_at: '2026-12-01T00:00:00Z' },
            {
              id: 'k-bbbbbbbb',
              holder: 'สมชาย',
              created_at: '2026-12-01T00:00:00Z',
              revoked_at: '2026-12-02T00:00:00Z',
            },
            { id: 'not an id', holder: 'x', secret: 's3' },
          ],
        },
      }),
    ).get('g1');
    expect(keys).toEqual([
      { id: 'k-aaaaaaaa', holder: 'สมศรี', secret: 's1' },
      { id: null, holder: null, secret: 'shared' },
    ]);
  });

  it('verifies with the key the request names, and records its holder in the chain', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sajja-keys-')), 'secrets.json');
    writeFileSync(
      file,
      JSON.stringify({
        'kamlon-m11': { keys: [{ id: 'k-aaaaaaaa', holder: 'สมศรี', secret: SECRET, created_at: 'x' }] },
      }),
    );
    const keyed = await startServer({
      host: '127.0.0.1',
      port: 0,
      secretsFile: file,
      inMemory: true,
      version: 't',
      log: () => {},
    });
    try {
      const body = JSON.stringify({ workbook: example, month: '2026-10' });
      const headers = (key?: string) => ({
        ...signedHeaders('POST', '/v1/archive', body),
        ...(key ? { 'x-sajja-key': key } : {}),
      });
      const other = await fetch(`${keyed.url}/v1/archive`, {
        method: 'POST',
        headers: headers('k-bbbbbbbb'),
        body,
      });
      expect(other.status).toBe(401);
      const named = await fetch(`${keyed.url}/v1/archive`, {
        method: 'POST',
        headers: headers('k-aaaaaaaa'),
        body,
      });
      expect(named.status).toBe(200);
      expect(((await named.json()) as { closed_by: unknown }).closed_by).toEqual({
        key_id: 'k-aaaaaaaa',
        holder: 'สมศรี',
      });
      const path = '/v1/groups/kamlon-m11/snapshots';
      const listed = await fetch(`${keyed.url}${path}`, { headers: signedHeaders('GET', path, '') });
      const snapshots = ((await listed.json()) as { snapshots: { closed_by?: unknown }[] }).snapshots;
      expect(snapshots[0]!.closed_by).toEqual({ key_id: 'k-aaaaaaaa', holder: 'สมศรี' });
    } finally {
      await keyed.close();
    }
  });
});

describe('POST /v1/year-end (issue 20)', () => {
  it("answers the year's share-out in SPEC §13's JSON, as sajja year-end gives it", async () => {
    const { handYear } = await import('../helpers/year-book.ts');
    const { batchGetFromWorkbook: toJson, checkBooks, yearEnd } = await import('../../core/index.ts');
    const book = handYear();
    book.tabs[0]!.rows[1] = ['รหัสกลุ่ม (group_id)', 'g1'];
    const body = JSON.stringify({ workbook: toJson(book), year: 2569, as_of: '2027-01-15' });
    const answer = await post('/v1/year-end', body, 'g1');
    expect(answer.status, answer.text).toBe(200);
    expect(JSON.parse(answer.text)).toEqual(yearEnd(checkBooks(book, { asOf: '2027-01-15' }), 2026));
    const wrong = await post('/v1/year-end', JSON.stringify({ workbook: toJson(book), year: 'last' }), 'g1');
    expect(wrong.status).toBe(400);
  });
});

describe('POST /v1/archive of a year (issue 20)', () => {
  it('keeps an ended year as a snapshot of its own, and refuses a year not ended', async () => {
    const { handYear } = await import('../helpers/year-book.ts');
    const { batchGetFromWorkbook: toJson } = await import('../../core/index.ts');
    const book = handYear();
    book.tabs[0]!.rows[1] = ['รหัสกลุ่ม (group_id)', 'g1'];
    const ended = await post('/v1/archive', JSON.stringify({ workbook: toJson(book), year: 2568 }), 'g1');
    expect(ended.status, ended.text).toBe(200);
    expect(JSON.parse(ended.text)).toMatchObject({
      group_id: 'g1',
      month: '2025-year',
      version: 1,
      created: true,
    });
    const open = await post('/v1/archive', JSON.stringify({ workbook: toJson(book), year: 2100 }), 'g1');
    expect(open.status).toBe(422);
    expect(JSON.parse(open.text).error.message.en).toContain('has not ended');
  });
});
