import type { ArchiveStore, Commit } from './archive-store.ts';
import { utf8 } from './sha256.ts';
import { chainHash, type Snapshot } from './snapshot.ts';

export interface ArchiveResult {
  commit: Commit;
  /** False when the same content was already archived (nothing was written). */
  created: boolean;
  /** Items written for this snapshot (content parts and the commit); 0 when nothing was. */
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
    const versions = await store.versions(group_id, month);
    const last = versions[versions.length - 1];
    if (last && last.content_hash === snapshot.content_hash)
      return { commit: last, created: false, items: 0 };
    const head = await store.latest(group_id);
    stored ??= await store.putContent(group_id, snapshot.content_hash, bytes);
    const link = {
      group_id,
      month,
      version: (last?.version ?? 0) + 1,
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
    if (await store.putCommit(commit)) return { commit, created: true, items: stored.parts + 1 };
  }
  throw new Error(`could not archive ${group_id} ${month}: the chain kept moving`);
}
