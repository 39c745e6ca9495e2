/** One archived snapshot as the store lists it (the commit record; the content is stored apart). */
export interface Commit {
  group_id: string;
  month: string;
  /** 1 for a month's first snapshot, then 2, 3… each time the month's content changes. */
  version: number;
  /** Position in the group's chain: 1, 2, 3… */
  seq: number;
  hash: string;
  prev_hash: string | null;
  content_hash: string;
  parts: number;
  bytes_raw: number;
  bytes_stored: number;
  /** When it was archived (ISO), given by the shell: the core reads no clock. */
  created: string;
  /** Whose key closed the month (a person's key, issue 19); part of the chain's hash. Absent before. */
  closed_by?: ClosedBy;
}

/** The person whose key signed the archive request: the key's id and its holder's name. */
export interface ClosedBy {
  key_id: string;
  holder: string;
}

/** A group in the archive: how many snapshots, its last month, the hash at the head of its chain. */
export interface ArchivedGroup {
  group_id: string;
  snapshots: number;
  last_month: string;
  head_hash: string;
}

/**
 * The archive port. Adapters: DynamoDB (adapters/dynamo-archive-store.ts). Content is stored
 * first, the commit last: only a committed snapshot is ever listed, so none is half-visible.
 */
export interface ArchiveStore {
  /** The group's last commit in its chain. */
  latest(groupId: string): Promise<Commit | undefined>;
  /** Every commit of a group, in chain order. */
  history(groupId: string): Promise<Commit[]>;
  /** Every version of a group's month, oldest first. */
  versions(groupId: string, month: string): Promise<Commit[]>;
  /** Every group the archive holds, with its chain's length and head. */
  groups(): Promise<ArchivedGroup[]>;
  /** The latest version of every group's snapshot of a month. */
  month(month: string): Promise<Commit[]>;
  /** Stores content under its hash (idempotent; nothing is overwritten). */
  putContent(
    groupId: string,
    contentHash: string,
    bytes: Uint8Array,
  ): Promise<{ parts: number; bytes_stored: number }>;
  /** The stored content bytes. */
  getContent(groupId: string, contentHash: string, parts: number): Promise<Uint8Array>;
  /** Writes a commit unless its chain position is taken; false when it is. */
  putCommit(commit: Commit): Promise<boolean>;
  /** The group's head record: the last position and hash the chain reached (kept apart from the chain). */
  getHead(groupId: string): Promise<ChainHead | undefined>;
  /** Moves the head forward to a commit (never back). */
  putHead(groupId: string, head: ChainHead): Promise<void>;
}

/** Where a group's chain has reached: a record kept beside the chain, so a truncated chain disagrees with it. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** Thrown by a store when stored data cannot be read back as written. */
export class ArchiveCorruptError extends Error {
  override name = 'ArchiveCorruptError';
}
