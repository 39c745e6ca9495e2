import type { ArchiveStore, Commit } from './archive-store.ts';
import { latestByMonth } from './read-snapshot.ts';
import { utf8 } from './sha256.ts';
import { chainHash, type Snapshot } from './snapshot.ts';

export interface ArchiveResult {
  commit: Commit;
  /** False when the same content was already archived (nothing was written). */
  created: boolean;
  /** Items written for this snapshot (content parts, the commit and the head record); 0 when nothing was. */
  items: number;
}

/** How many times to take the next chain position when others keep taking it first. */
const MAX_ATTEMPTS = 50;

/**
 * Archives a snapshot: idempotent (identical content creates nothing), never overwriting (a
 * changed month becomes a new version), chained (each commit names the group's previous hash).
 * Content is written before the commit, so an interrupted archive leaves nothing visible and a
 * retry completes it.
 */
export async function archiveMonth(
  store: ArchiveStore,
  snapshot: Snapshot,
  created: string,
): Promise<ArchiveResult> {
  const { group_id, month } = snapshot.content;
  const bytes = utf8(snapshot.canonical);
  let stored: { parts: number; bytes_stored: number } | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // one read of the chain gives both the version and the position: the conditional write on
    // the next position succeeds only if nobody committed since, so the version is never taken twice
    const history = await store.history(group_id);
    const head = history[history.length - 1];
    const last = latestByMonth(history).get(month);
    if (last && last.content_hash === snapshot.content_hash) {
      if (head) await anchor(store, group_id, head);
      return { commit: last, created: false, items: 0 };
    }
    stored ??= await store.putContent(group_id, snapshot.content_hash, bytes);
    let version = 0;
    for (const c of history) if (c.month === month && c.version > version) version = c.version;
    const link = {
      group_id,
      month,
      version: version + 1,
      seq: (head?.seq ?? 0) + 1,
      prev_hash: head?.hash ?? null,
      content_hash: snapshot.content_hash,
    };
    const commit: Commit = {
      ...link,
      hash: chainHash(link),
      parts: stored.parts,
      bytes_raw: bytes.length,
      bytes_stored: stored.bytes_stored,
      created,
    };
    if (await store.putCommit(commit)) {
      await anchor(store, group_id, commit);
      return { commit, created: true, items: stored.parts + 2 };
    }
  }
  throw new Error(`could not archive ${group_id} ${month}: the chain kept moving`);
}

/** Moves the head record to a commit if it is behind (a crash between commit and head is mended). */
async function anchor(store: ArchiveStore, groupId: string, commit: Commit): Promise<void> {
  const head = await store.getHead(groupId);
  if (!head || head.seq < commit.seq) await store.putHead(groupId, { seq: commit.seq, hash: commit.hash });
}
