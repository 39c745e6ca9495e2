import { utf8 } from '../sha256.ts';
import type { ArchiveStore, ClosedBy, Commit } from './archive-store.ts';
import { canonicalJson } from './canonical.ts';
import { changedFigures } from './closed-summary.ts';
import { diffRows } from './diff-rows.ts';
import { latestByMonth, readSnapshot } from './read-snapshot.ts';
import { rowsHeld, schemaOf, settingHeld } from './schema.ts';
import { chainHash } from './snapshot.ts';
import type { Snapshot } from './snapshot-content.ts';

export interface ArchiveResult {
  commit: Commit;
  /** False when the same content was already archived (nothing was written). */
  created: boolean;
  /** Items written for this snapshot (content parts, the commit and the head record); 0 when nothing was. */
  items: number;
}

/** What archiving a month answers (the CLI's `--json`, the API's /v1/archive): one shape for both. */
export function archiveAnswer(result: ArchiveResult) {
  const c = result.commit;
  return {
    group_id: c.group_id,
    month: c.month,
    version: c.version,
    hash: c.hash,
    prev_hash: c.prev_hash,
    created: result.created,
    bytes_raw: c.bytes_raw,
    bytes_stored: c.bytes_stored,
    items: result.items,
    ...(c.closed_by ? { closed_by: c.closed_by } : {}),
  };
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
  closedBy?: ClosedBy,
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
    if (last && (last.content_hash === snapshot.content_hash || (await heldAlike(store, last, snapshot)))) {
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
      ...(closedBy ? { closed_by: { key_id: closedBy.key_id, holder: closedBy.holder } } : {}),
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

/**
 * Whether a month archived in an older schema holds the same month as a new snapshot: the same
 * rows, settings, reference rows and figures, over what the older schema held. Such a month is not
 * archived again: what a later version adds (a figure, a column) does not make a new version.
 */
async function heldAlike(store: ArchiveStore, last: Commit, snapshot: Snapshot): Promise<boolean> {
  const was = await readSnapshot(store, last);
  const schema = schemaOf(was);
  if (schema >= schemaOf(snapshot.content)) return false;
  // a year's snapshot is alike only byte for byte (it has no month's rows or summary)
  if ((was as { kind?: string }).kind === 'year' || (snapshot.content as { kind?: string }).kind === 'year')
    return false;
  const is = snapshot.content;
  const settingsAlike = (a: Record<string, unknown> = {}, b: Record<string, unknown> = {}) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])].every(
      (key) => !settingHeld(key, schema) || canonicalJson(a[key]) === canonicalJson(b[key]),
    );
  return (
    diffRows(rowsHeld(was.rows, schema), rowsHeld(is.rows, schema)).length === 0 &&
    settingsAlike(was.reference?.settings, is.reference?.settings) &&
    (was.reference === undefined ||
      diffRows(rowsHeld(was.reference.rows, schema), rowsHeld(is.reference?.rows ?? {}, schema)).length ===
        0) &&
    changedFigures(was.summary, is.summary, schema).length === 0
  );
}

/** Moves the head record to a commit if it is behind (a crash between commit and head is mended). */
async function anchor(store: ArchiveStore, groupId: string, commit: Commit): Promise<void> {
  const head = await store.getHead(groupId);
  if (!head || head.seq < commit.seq) await store.putHead(groupId, { seq: commit.seq, hash: commit.hash });
}
