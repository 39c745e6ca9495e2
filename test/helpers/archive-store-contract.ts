import { describe, expect, it } from 'vitest';
import { archiveMonth } from '../../core/archive/archive-month.ts';
import { readSnapshot } from '../../core/archive/read-snapshot.ts';
import { verifyChain } from '../../core/archive/verify-chain.ts';
import { ArchiveCorruptError, type ArchiveStore, type Commit } from '../../core/index.ts';
import { buildSnapshot } from '../../core/jobs/snapshot.ts';
import { utf8 } from '../../core/sha256.ts';
import { setCell, smallBook } from './small-book.ts';

const NOW = '2026-11-26T08:00:00.000Z';

const commit = (group: string, month: string, seq: number, version = 1): Commit => ({
  group_id: group,
  month,
  version,
  seq,
  hash: `h${group}${seq}`,
  prev_hash: seq === 1 ? null : `h${group}${seq - 1}`,
  content_hash: `c${seq}`,
  parts: 1,
  bytes_raw: 1,
  bytes_stored: 1,
  created: NOW,
});

/**
 * What every ArchiveStore must answer, whatever keeps it: run against the in-memory store (unit)
 * and the DynamoDB adapter over the embedded engine (integration), so the fake cannot drift.
 */
export function archiveStoreContract(
  name: string,
  open: () => Promise<{ store: ArchiveStore; close(): Promise<void> }>,
) {
  const withStore = (test: (store: ArchiveStore) => Promise<void>) => async () => {
    const { store, close } = await open();
    try {
      await test(store);
    } finally {
      await close();
    }
  };

  describe(`ArchiveStore contract: ${name}`, () => {
    it(
      'keeps content under its hash, unchanged, and a second put of it is harmless',
      withStore(async (store) => {
        const bytes = utf8('สัจจะ '.repeat(1000));
        const stored = await store.putContent('g1', 'abc', bytes);
        expect(stored.parts).toBeGreaterThan(0);
        expect(await store.putContent('g1', 'abc', bytes)).toEqual(stored);
        expect(new Uint8Array(await store.getContent('g1', 'abc', stored.parts))).toEqual(bytes);
        await expect(store.getContent('g1', 'missing', 1)).rejects.toBeInstanceOf(ArchiveCorruptError);
        await expect(store.getContent('g2', 'abc', stored.parts)).rejects.toBeInstanceOf(ArchiveCorruptError);
      }),
    );

    it(
      'takes each chain position once, lists commits in chain order, versions oldest first',
      withStore(async (store) => {
        expect(await store.putCommit(commit('g1', '2026-07', 1))).toBe(true);
        expect(await store.putCommit(commit('g1', '2026-08', 2))).toBe(true);
        expect(await store.putCommit({ ...commit('g1', '2026-09', 2), hash: 'other' })).toBe(false);
        expect(await store.putCommit(commit('g1', '2026-07', 3, 2))).toBe(true);
        expect(await store.putCommit(commit('g2', '2026-07', 1))).toBe(true);
        expect((await store.history('g1')).map((c) => c.seq)).toEqual([1, 2, 3]);
        expect((await store.latest('g1'))?.seq).toBe(3);
        expect(await store.latest('nobody')).toBeUndefined();
        expect((await store.versions('g1', '2026-07')).map((c) => c.version)).toEqual([1, 2]);
        expect(await store.history('g1')).toContainEqual(commit('g1', '2026-08', 2));
        expect((await store.month('2026-07')).map((c) => [c.group_id, c.version])).toEqual([
          ['g1', 2],
          ['g2', 1],
        ]);
        expect(await store.groups()).toEqual([
          { group_id: 'g1', snapshots: 3, last_month: '2026-08', head_hash: 'hg13' },
          { group_id: 'g2', snapshots: 1, last_month: '2026-07', head_hash: 'hg21' },
        ]);
      }),
    );

    it(
      'moves the head forward only',
      withStore(async (store) => {
        expect(await store.getHead('g1')).toBeUndefined();
        await store.putHead('g1', { seq: 2, hash: 'b' });
        await store.putHead('g1', { seq: 1, hash: 'a' });
        expect(await store.getHead('g1')).toEqual({ seq: 2, hash: 'b' });
        await store.putHead('g1', { seq: 3, hash: 'c' });
        expect(await store.getHead('g1')).toEqual({ seq: 3, hash: 'c' });
      }),
    );

    it(
      'archives, re-archives nothing, versions a changed month and verifies, through the core',
      withStore(async (store) => {
        const july = await archiveMonth(store, buildSnapshot(smallBook(), '2026-07'), NOW);
        const again = await archiveMonth(store, buildSnapshot(smallBook(), '2026-07'), NOW);
        const edited = smallBook();
        setCell(edited, 'savings', 2, 'amount', 120);
        const july2 = await archiveMonth(store, buildSnapshot(edited, '2026-07'), NOW);
        expect([july.created, again.created, july2.created]).toEqual([true, false, true]);
        expect(july2.commit).toMatchObject({ version: 2, seq: 2, prev_hash: july.commit.hash });
        expect((await readSnapshot(store, july2.commit)).rows.savings?.[0]?.values.amount).toBe(12_000);
        expect(await verifyChain(store, 'g1')).toMatchObject({ ok: true, snapshots: 2 });
      }),
    );

    it(
      'gives one version when ten archive the same month at once',
      withStore(async (store) => {
        const results = await Promise.all(
          Array.from({ length: 10 }, () => archiveMonth(store, buildSnapshot(smallBook(), '2026-08'), NOW)),
        );
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(await store.history('g1')).toHaveLength(1);
      }),
    );
  });
}
