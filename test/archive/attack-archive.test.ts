import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../cli/archive/open-archive.ts';
import { startServer } from '../../cli/serve.ts';
import {
  ArchiveCorruptError,
  type ArchiveStore,
  archiveMonth,
  batchGetFromWorkbook,
  buildSnapshot,
  type Commit,
  readSnapshot,
  sha256,
  utf8,
  verifyChain,
  type Workbook,
} from '../../core/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { addRow, setCell, smallBook } from '../helpers/small-book.ts';

const dir = mkdtempSync(join(tmpdir(), 'sajja-attack-archive-'));
const BIN = join(import.meta.dirname, '../../bin/sajja.js');
const NOW = '2026-11-26T08:00:00.000Z';
const save = (wb: Workbook, name: string) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(batchGetFromWorkbook(wb)));
  return path;
};
const sajja = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });

describe('a read-only command never writes (issue 9, class 1)', () => {
  it('reports a store with its CURRENT file missing as damaged, and deletes nothing', async () => {
    const dataDir = join(dir, 'current-missing');
    expect(
      (await runCli('archive', save(smallBook(), 'c.json'), '--month', '2026-07', '--data-dir', dataDir))
        .code,
    ).toBe(0);
    const store = join(dataDir, 'dynamo');
    rmSync(join(store, 'CURRENT'));
    const before = readdirSync(store).sort();
    for (const argv of [
      ['verify', 'g1', '--data-dir', dataDir],
      ['history', 'g1', '--data-dir', dataDir],
      ['archive', save(smallBook(), 'c2.json'), '--month', '2026-08', '--data-dir', dataDir],
    ]) {
      const { code, err } = await runCli(...argv);
      expect(code).toBe(2);
      expect(err).toContain('is damaged (CURRENT is missing)');
      expect(err).toContain('nothing was changed or deleted');
    }
    expect(readdirSync(store).sort()).toEqual(before);
  });
});

describe('damaged stores (issue 9, class 6)', () => {
  it('reports damaged LevelDB files as a damaged archive through the command users run (exit 2)', async () => {
    const dataDir = join(dir, 'damaged-files');
    expect(
      (await sajja(['archive', save(smallBook(), 'd.json'), '--month', '2026-07', '--data-dir', dataDir]))
        .code,
    ).toBe(0);
    const store = join(dataDir, 'dynamo');
    for (const file of readdirSync(store))
      if (/^(MANIFEST-|\d+\.(log|ldb))/.test(file))
        writeFileSync(join(store, file), Buffer.alloc(2_000, 0x5a));
    const { code, err } = await sajja(['verify', 'g1', '--data-dir', dataDir]);
    expect(code).toBe(2);
    expect(err).toContain('is damaged');
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe('one chain position, one version (issue 9, class 2)', () => {
  it('gives every version of a month one position, with 8 rounds of 6 writers of different content', async () => {
    const archive = await openArchive({ inMemory: true });
    try {
      for (let round = 0; round < 8; round++) {
        await Promise.all(
          Array.from({ length: 6 }, (_, writer) => {
            const wb = smallBook();
            setCell(wb, 'savings', 2, 'amount', 100 + round * 10 + writer); // each writer its own content
            return archiveMonth(archive.store, buildSnapshot(wb, '2026-07'), NOW);
          }),
        );
      }
      const history = await archive.store.history('g1');
      expect(history).toHaveLength(48);
      expect(history.map((c) => c.seq)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
      expect(new Set(history.map((c) => c.version)).size).toBe(48);
      expect((await verifyChain(archive.store, 'g1')).ok).toBe(true);
    } finally {
      await archive.close();
    }
  });

  it('lets six processes create a new table at once (ResourceInUseException is not a failure)', async () => {
    const engine = await openArchive({ inMemory: true });
    // the embedded engine takes any credentials; the SDK wants some, and a region
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_REGION: 'local',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    });
    try {
      const opened = await Promise.all(
        Array.from({ length: 6 }, () => openArchive({ endpoint: engine.endpoint, tableName: 'fresh-table' })),
      );
      await Promise.all(opened.map((a) => a.close()));
      expect(opened).toHaveLength(6);
    } finally {
      for (const key of ['AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
      await engine.close();
    }
  });
});

describe('archived content is verified on every read (issue 9, class 3)', () => {
  /** A store whose parts an attacker has altered: content that no longer matches its hash. */
  const tampered = (bytes: Uint8Array) => ({ getContent: async () => bytes }) as unknown as ArchiveStore;
  const commit = { group_id: 'g1', month: '2026-07', version: 1, seq: 1, parts: 1 } as Commit;

  it('calls altered content a damaged archive at that snapshot, never the workbook', async () => {
    const altered = utf8('{"rows":{"savings":[{"row":2,"values":{"amount":440000}}]}}');
    await expect(
      readSnapshot(tampered(altered), { ...commit, content_hash: sha256('the original') }),
    ).rejects.toThrow(/damaged at g1 2026-07 v1 \(#1\): its content does not match its hash/);
  });

  it('calls content that is not JSON a damaged archive, not a crash', async () => {
    const garbage = utf8('\u0000not json');
    await expect(
      readSnapshot(tampered(garbage), { ...commit, content_hash: sha256(garbage) }),
    ).rejects.toThrow(ArchiveCorruptError);
  });

  it('makes diff and check say the archive is damaged when a stored part was altered (exit 2)', async () => {
    const dataDir = join(dir, 'altered');
    const wb = smallBook();
    wb.tabs[0]!.rows.push(['closed_through', '2026-07']);
    const path = save(wb, 'altered.json');
    await runCli('archive', path, '--month', '2026-07', '--data-dir', dataDir);
    const archive = await openArchive({ dataDir });
    try {
      const [c] = await archive.store.history('g1');
      // overwrite the content part with other (valid gzip) bytes
      const { gzipSync } = await import('node:zlib');
      await archive.client.send(
        new PutItemCommand({
          TableName: 'sajja-archive',
          Item: {
            PK: { S: 'G#g1' },
            SK: { S: `P#${c!.content_hash}#0000` },
            data: { B: gzipSync(Buffer.from('{"rows":{}}')) },
          },
        }),
      );
    } finally {
      await archive.close();
    }
    for (const argv of [
      ['diff', path, '--month', '2026-07', '--data-dir', dataDir],
      ['check', path, '--as-of', '2026-11-26', '--data-dir', dataDir],
    ]) {
      const { code, err } = await runCli(...argv);
      expect(code).toBe(2);
      expect(err).toContain('damaged at g1 2026-07 v1');
    }
  });
});

describe('the chain’s head is anchored (issue 9, class 4)', () => {
  it('finds a chain whose last snapshot was deleted truncated, and prints the head hash', async () => {
    const dataDir = join(dir, 'truncated');
    for (const month of ['2026-07', '2026-08'])
      await runCli('archive', save(smallBook(), `t-${month}.json`), '--month', month, '--data-dir', dataDir);
    const intact = await runCli('verify', 'g1', '--data-dir', dataDir);
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/head: [0-9a-f]{64}/);
    const archive = await openArchive({ dataDir });
    try {
      await archive.client.send(
        new DeleteItemCommand({
          TableName: 'sajja-archive',
          Key: { PK: { S: 'G#g1' }, SK: { S: 'S#00000002' } },
        }),
      );
    } finally {
      await archive.close();
    }
    const broken = await runCli('verify', 'g1', '--data-dir', dataDir, '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out).breaks.map((b: { problem: string }) => b.problem)).toEqual(['truncated']);
  });
});

describe('faults give clear errors and the right exit status (issue 9, classes 6–7)', () => {
  it('lets a second archive on one data folder wait its turn: both finish, one chain', async () => {
    const dataDir = join(dir, 'two-writers');
    const [a, b] = await Promise.all([
      sajja(['archive', save(smallBook(), 'w1.json'), '--month', '2026-07', '--data-dir', dataDir]),
      sajja(['archive', save(smallBook(), 'w2.json'), '--month', '2026-08', '--data-dir', dataDir]),
    ]);
    expect([a.code, b.code, a.err, b.err]).toEqual([0, 0, '', '']);
    const history = await runCli('history', 'g1', '--data-dir', dataDir, '--json');
    expect(JSON.parse(history.out)).toHaveLength(2);
  });

  it('says the archive is busy (exit 2) when another sajja holds it too long', async () => {
    const dataDir = join(dir, 'busy');
    await runCli('archive', save(smallBook(), 'busy.json'), '--month', '2026-07', '--data-dir', dataDir);
    writeFileSync(join(dataDir, 'sajja.lock'), String(process.pid)); // this live process holds it
    try {
      const { code, err } = await sajja(['history', 'g1', '--data-dir', dataDir], {
        SAJJA_LOCK_WAIT_MS: '300',
      });
      expect(code).toBe(2);
      expect(err).toContain('is busy');
    } finally {
      rmSync(join(dataDir, 'sajja.lock'));
    }
    // a lock left by a process that is gone is taken over
    writeFileSync(join(dataDir, 'sajja.lock'), '999999');
    expect((await runCli('history', 'g1', '--data-dir', dataDir)).code).toBe(0);
  });

  it('lets every other command in while sajja serve runs on the same data folder (issue 17)', async () => {
    const dataDir = join(dir, 'served');
    await runCli('archive', save(smallBook(), 'served.json'), '--month', '2026-07', '--data-dir', dataDir);
    writeFileSync(join(dir, 'served-secrets.json'), JSON.stringify({ g1: 'x'.repeat(32) }));
    const served = await startServer({
      host: '127.0.0.1',
      port: 0,
      secretsFile: join(dir, 'served-secrets.json'),
      dataDir,
      version: 'test',
      log: () => {},
    });
    try {
      // a short wait: were the folder locked, each of these would fail "busy" at once
      const env = { SAJJA_LOCK_WAIT_MS: '200' };
      const history = await sajja(['history', 'g1', '--data-dir', dataDir, '--json'], env);
      expect([history.code, history.err]).toEqual([0, '']);
      expect(JSON.parse(history.out)).toHaveLength(1);
      expect((await sajja(['verify', 'g1', '--data-dir', dataDir], env)).code).toBe(0);
      expect((await sajja(['groups', '--data-dir', dataDir], env)).code).toBe(0);
      const wb = smallBook();
      const august = await sajja(
        ['archive', save(wb, 'served-8.json'), '--month', '2026-08', '--data-dir', dataDir],
        env,
      );
      expect([august.code, august.err]).toEqual([0, '']);
      const closed = smallBook();
      addRow(closed, 'settings', { key: 'closed_through', value: '2026-07' });
      const check = await sajja(
        ['check', save(closed, 'served-closed.json'), '--as-of', '2026-11-26', '--data-dir', dataDir],
        env,
      );
      expect(check.err).not.toContain('busy');
      expect(check.out).not.toContain('closed months not compared');
      expect(check.code).toBe(0);
    } finally {
      await served.close();
    }
    // what they wrote went to the same store, and the folder is free again
    const after = await runCli('history', 'g1', '--data-dir', dataDir, '--json');
    expect(JSON.parse(after.out).map((c: { month: string }) => c.month)).toEqual(['2026-07', '2026-08']);
    expect(existsSync(join(dataDir, 'sajja.lock'))).toBe(false);
  });

  it('gives up on an endpoint that never answers, in bounded time, with one line (exit 2)', async () => {
    const silent = createServer(() => {}); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = Date.now();
      const { code, err } = await sajja(['verify', 'g1', '--endpoint', `http://127.0.0.1:${port}`], {
        SAJJA_REQUEST_TIMEOUT_MS: '300',
        AWS_REGION: 'ap-southeast-1',
        AWS_ACCESS_KEY_ID: 'x',
        AWS_SECRET_ACCESS_KEY: 'x',
      });
      expect(code).toBe(2);
      expect(err).toContain('cannot reach the archive');
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      silent.close();
    }
  });

  it('closes the embedded engine and exits when the table cannot be created (a bad SAJJA_TABLE)', () => {
    const run = spawnSync(process.execPath, [BIN, 'groups', '--data-dir', join(dir, 'bad-table')], {
      env: { ...process.env, SAJJA_TABLE: 'x' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.signal).toBeNull(); // it ended by itself
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says "Region is missing" in one line for an endpoint without a region', async () => {
    const env = { AWS_REGION: '', AWS_DEFAULT_REGION: '', AWS_PROFILE: 'none-such', HOME: dir };
    const { code, err } = await sajja(['verify', 'g1', '--endpoint', 'http://127.0.0.1:9'], env);
    expect(code).toBe(2);
    expect(err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, '.sajja'))).toBe(false);
  });
});
