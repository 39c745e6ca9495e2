import { sha256 } from '../sha256.ts';
import { ArchiveCorruptError, type ArchiveStore, type Commit } from './archive-store.ts';
import type { SnapshotContent } from './snapshot-content.ts';

const Decoder = (globalThis as { TextDecoder?: new () => { decode(bytes: Uint8Array): string } }).TextDecoder;

/** Text of UTF-8 bytes (TextDecoder where there is one; by hand in Apps Script). */
export function utf8Decode(bytes: Uint8Array): string {
  if (Decoder !== undefined) return new Decoder().decode(bytes);
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    let code: number;
    if (b < 0x80) {
      code = b;
      i += 1;
    } else if (b >= 0xf0) {
      code =
        ((b & 7) << 18) | ((bytes[i + 1]! & 63) << 12) | ((bytes[i + 2]! & 63) << 6) | (bytes[i + 3]! & 63);
      i += 4;
    } else if (b >= 0xe0) {
      code = ((b & 15) << 12) | ((bytes[i + 1]! & 63) << 6) | (bytes[i + 2]! & 63);
      i += 3;
    } else {
      code = ((b & 31) << 6) | (bytes[i + 1]! & 63);
      i += 2;
    }
    out += String.fromCodePoint(code);
  }
  return out;
}

/**
 * A snapshot's content, verified on every read: the stored bytes must hash to the commit's
 * `content_hash` and be JSON, or the archive is damaged at that snapshot (ArchiveCorruptError) —
 * never a workbook blamed for what the store altered.
 */
export async function readSnapshot(store: ArchiveStore, commit: Commit): Promise<SnapshotContent> {
  const bytes = await store.getContent(commit.group_id, commit.content_hash, commit.parts);
  const where = `${commit.group_id} ${commit.month} v${commit.version} (#${commit.seq})`;
  if (sha256(bytes) !== commit.content_hash)
    throw new ArchiveCorruptError(`the archive is damaged at ${where}: its content does not match its hash`);
  try {
    return JSON.parse(utf8Decode(bytes)) as SnapshotContent;
  } catch (error) {
    throw new ArchiveCorruptError(`the archive is damaged at ${where}: its content is not JSON`, {
      cause: error,
    });
  }
}

/**
 * The latest snapshot of each month in a group's chain: the one furthest along the chain (highest
 * `seq`). Every reader picks the latest this way, so check, diff and archive agree.
 */
export function latestByMonth(commits: readonly Commit[]): Map<string, Commit> {
  const latest = new Map<string, Commit>();
  for (const c of commits) if ((latest.get(c.month)?.seq ?? 0) < c.seq) latest.set(c.month, c);
  return latest;
}
