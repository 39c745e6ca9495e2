import { PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ArchiveConnection, openArchive } from '../../cli/archive/open-archive.ts';
import { generateWorkbook } from '../../cli/generate/generate-workbook.ts';
import { archiveMonth } from '../../core/archive/archive-month.ts';
import type { ArchiveStore } from '../../core/archive/archive-store.ts';
import { verifyChain } from '../../core/archive/verify-chain.ts';
import type { Workbook } from '../../core/index.ts';
import { buildSnapshot } from '../../core/jobs/snapshot.ts';
import { setCell, smallBook } from '../helpers/small-book.ts';

const NOW = '2026-11-26T08:00:00.000Z';
let archive: ArchiveConnection;

beforeEach(async () => {
  archive = await openArchive({ inMemory: true }); // dynalite over its wire protocol, not a mock
});
afterEach(async () => {
  await archive.close();
});

/** A month of 20,000+ rows (made once: it takes a moment). */
let big: Workbook | undefined;
const bigMonth = () =>
  (big ??= generateWorkbook({
    groupId: 'big',
    groupName: 'big',
    households: 480,
    months: 1,
    start: '2026-07',
    seed: 2,
  }));

const archiveOf = (wb: Workbook, month: string, store: ArchiveStore = archive.store) =>
  archiveMonth(store, buildSnapshot(wb, month), NOW);

describe('archiving a month', () => {
  it('creates one snapshot, and nothing when the same content is archived again', async () => {
    const first = await archiveOf(smallBook(), '2026-07');
    const again = await archiveOf(smallBook(), '2026-07');
    expect(first).toMatchObject({ created: true, commit: { version: 1, seq: 1, prev_hash: null } });
    expect(again).toMatchObject({ created: false, items: 0, commit: { hash: first.commit.hash } });
    expect(await archive.store.history('g1')).toHaveLength(1);
  });

  it('creates exactly one snapshot when 10 archive the same month at once', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => archiveOf(smallBook(), '2026-08')));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.commit.hash)).size).toBe(1);
    expect(await archive.store.history('g1')).toHaveLength(1);
  });

  it('chains months, and makes a changed month a new version, never an overwrite', async () => {
    const july = await archiveOf(smallBook(), '2026-07');
    const august = await archiveOf(smallBook(), '2026-08');
    const edited = smallBook();
    setCell(edited, 'savings', 2, 'amount', 120);
    const july2 = await archiveOf(edited, '2026-07');
    expect(august.commit.prev_hash).toBe(july.commit.hash);
    expect(july2.commit).toMatchObject({
      month: '2026-07',
      version: 2,
      seq: 3,
      prev_hash: august.commit.hash,
    });
    expect((await archive.store.versions('g1', '2026-07')).map((c) => c.content_hash)).toEqual([
      july.commit.content_hash,
      july2.commit.content_hash,
    ]);
    expect(await verifyChain(archive.store, 'g1')).toMatchObject({ ok: true, snapshots: 3 });
  });

  it('leaves nothing visible when a write stops between the parts and the commit, and a retry completes it', async () => {
    const failing: ArchiveStore = Object.create(archive.store);
    failing.putCommit = async () => {
      throw new Error('connection lost');
    };
    await expect(archiveOf(smallBook(), '2026-07', failing)).rejects.toThrow('connection lost');
    expect(await archive.store.history('g1')).toEqual([]);
    expect(await archive.store.month('2026-07')).toEqual([]);
    const retry = await archiveOf(smallBook(), '2026-07');
    expect(retry.created).toBe(true);
    expect(await verifyChain(archive.store, 'g1')).toMatchObject({ ok: true, snapshots: 1 });
  });

  it('finds snapshots by group and month, and by month across groups', async () => {
    const other = smallBook();
    setCell(other, 'settings', 2, 'value', 'g2');
    await archiveOf(smallBook(), '2026-07');
    await archiveOf(other, '2026-07');
    await archiveOf(other, '2026-08');
    expect((await archive.store.month('2026-07')).map((c) => c.group_id)).toEqual(['g1', 'g2']);
    expect((await archive.store.versions('g2', '2026-08')).map((c) => c.month)).toEqual(['2026-08']);
  });
});

describe('verify', () => {
  it('catches a stored part that was altered', async () => {
    const { commit } = await archiveOf(smallBook(), '2026-07');
    await archive.client.send(
      new PutItemCommand({
        TableName: 'sajja-archive',
        Item: {
          PK: { S: 'G#g1' },
          SK: { S: `P#${commit.content_hash}#0000` },
          data: { B: new Uint8Array([31, 139, 8, 0]) },
        },
      }),
    );
    const report = await verifyChain(archive.store, 'g1');
    expect(report.ok).toBe(false);
    expect(report.breaks).toMatchObject([{ seq: 1, month: '2026-07', problem: 'unreadable' }]);
  });

  it('catches a commit whose record was edited, and the link after it', async () => {
    await archiveOf(smallBook(), '2026-07');
    await archiveOf(smallBook(), '2026-08');
    await archive.client.send(
      new UpdateItemCommand({
        TableName: 'sajja-archive',
        Key: { PK: { S: 'G#g1' }, SK: { S: 'S#00000001' } },
        UpdateExpression: 'SET #h = :h',
        ExpressionAttributeNames: { '#h': 'hash' },
        ExpressionAttributeValues: { ':h': { S: 'f'.repeat(64) } },
      }),
    );
    const report = await verifyChain(archive.store, 'g1');
    expect(report.breaks.map((b) => [b.seq, b.problem])).toEqual([
      [1, 'hash'],
      [2, 'prev_hash'],
    ]);
  });
});

describe('large snapshots', () => {
  it('split a month of 20,000+ rows across items under the 400 KB limit', async () => {
    const snapshot = buildSnapshot(bigMonth(), '2026-07');
    const rows = Object.values(snapshot.content.rows).reduce((n, list) => n + list!.length, 0);
    expect(rows).toBeGreaterThan(20_000);
    const { commit, created } = await archiveMonth(archive.store, snapshot, NOW);
    expect(created).toBe(true);
    expect(commit.parts).toBeGreaterThan(1);
    expect(commit.bytes_stored * 5).toBeLessThan(commit.bytes_raw);
    expect(await verifyChain(archive.store, 'big')).toMatchObject({ ok: true });
  });
});

describe('throttling', () => {
  it('retries UnprocessedItems that DynamoDB hands back', async () => {
    let throttled = 0;
    archive.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'BatchWriteItemCommand') return next(args);
        const input = args.input as { RequestItems: Record<string, unknown[]> };
        const [table, requests] = Object.entries(input.RequestItems)[0]!;
        if (requests.length < 2) return next(args);
        // the engine is sent half; the other half comes back unprocessed, as under throttling
        const kept = requests.slice(0, Math.ceil(requests.length / 2));
        const dropped = requests.slice(kept.length);
        throttled += dropped.length;
        const result = await next({ ...args, input: { ...input, RequestItems: { [table]: kept } } });
        (result.output as { UnprocessedItems: Record<string, unknown[]> }).UnprocessedItems = {
          [table]: dropped,
        };
        return result;
      },
      { step: 'initialize', name: 'throttle' },
    );
    const { DynamoArchiveStore } = await import('../../adapters/dynamo-archive-store.ts');
    const waits: number[] = [];
    const store = new DynamoArchiveStore(archive.client, {
      tableName: 'sajja-archive',
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const { commit } = await archiveMonth(store, buildSnapshot(bigMonth(), '2026-07'), NOW);
    expect(throttled).toBeGreaterThan(0);
    expect(waits.length).toBeGreaterThan(0);
    expect(await verifyChain(store, 'big')).toMatchObject({ ok: true, snapshots: 1 });
    expect(commit.parts).toBeGreaterThan(1);
  });
});
