import { sha256 } from '../sha256.ts';
import { ArchiveCorruptError, type ArchiveStore, type Commit } from './archive-store.ts';
import { chainHash } from './snapshot.ts';

export interface ChainBreak {
  seq: number;
  month: string;
  version: number;
  problem:
    | 'seq_gap'
    | 'prev_hash'
    | 'hash'
    | 'content'
    | 'unreadable'
    | 'truncated'
    | 'head_missing'
    | 'head_hash';
  message: { th: string; en: string };
}

export interface ChainReport {
  group_id: string;
  ok: boolean;
  snapshots: number;
  /** The hash at the chain's head (its last snapshot), to compare with what coordinators received. */
  head_hash: string | null;
  breaks: ChainBreak[];
}

const PROBLEMS: Record<ChainBreak['problem'], { th: string; en: string }> = {
  seq_gap: { th: 'ลำดับในสายโซ่ขาดหาย', en: 'a position in the chain is missing' },
  prev_hash: { th: 'ไม่ได้ต่อจากสแนปช็อตก่อนหน้า', en: "does not name the previous snapshot's hash" },
  hash: { th: 'ค่าแฮชของสแนปช็อตไม่ตรง', en: 'the snapshot hash does not match its record' },
  content: { th: 'ข้อมูลที่เก็บถูกแก้ไข (แฮชไม่ตรง)', en: 'stored content was altered (hash differs)' },
  unreadable: { th: 'อ่านข้อมูลที่เก็บไม่ได้', en: 'stored content cannot be read' },
  truncated: {
    th: 'สายโซ่สั้นกว่าที่บันทึกหัวสายโซ่ไว้: สแนปช็อตท้ายสายถูกลบ',
    en: 'the chain is shorter than its head record says: snapshots at its end were deleted',
  },
  head_missing: { th: 'ไม่พบบันทึกหัวสายโซ่', en: "the chain's head record is missing" },
  head_hash: {
    th: 'แฮชที่หัวสายโซ่ไม่ตรงกับสแนปช็อตล่าสุด',
    en: "the head record's hash differs from the last snapshot's",
  },
};

const HASH = /^[0-9a-f]{64}$/;

function wellFormed(c: Commit): boolean {
  return (
    [c.seq, c.version, c.parts].every((n) => Number.isInteger(n) && n >= 1) &&
    HASH.test(c.hash) &&
    HASH.test(c.content_hash) &&
    (c.prev_hash === null || HASH.test(c.prev_hash)) &&
    typeof c.month === 'string'
  );
}

/**
 * Re-reads every snapshot of a group, recomputes each content hash and chain hash, and checks
 * that each names its predecessor: any edit to stored data breaks it, and is named.
 */
export async function verifyChain(store: ArchiveStore, groupId: string): Promise<ChainReport> {
  const commits = await store.history(groupId);
  const breaks: ChainBreak[] = [];
  const broke = (c: Commit, problem: ChainBreak['problem']) =>
    breaks.push({ seq: c.seq, month: c.month, version: c.version, problem, message: PROBLEMS[problem] });
  let previous: Commit | undefined;
  for (const c of commits) {
    // a commit whose fields are not what a commit holds (altered in the store) is a break, not a crash
    if (!wellFormed(c)) {
      broke(c, 'unreadable');
      previous = c;
      continue;
    }
    if (c.seq !== (previous?.seq ?? 0) + 1) broke(c, 'seq_gap');
    if (c.prev_hash !== (previous?.hash ?? null)) broke(c, 'prev_hash');
    const { group_id, month, version, seq, prev_hash, content_hash } = c;
    const link = { group_id, month, version, seq, prev_hash, content_hash };
    if (chainHash(c.closed_by ? { ...link, closed_by: c.closed_by } : link) !== c.hash) broke(c, 'hash');
    try {
      const bytes = await store.getContent(groupId, c.content_hash, c.parts);
      if (sha256(bytes) !== c.content_hash) broke(c, 'content');
    } catch (error) {
      if (!(error instanceof ArchiveCorruptError)) throw error;
      broke(c, 'unreadable');
    }
    previous = c;
  }
  // the head record, kept beside the chain: deleting the last snapshots leaves a chain that agrees
  // with itself, but not with its head
  const head = await store.getHead(groupId);
  const last = commits[commits.length - 1];
  const at = (seq: number) => ({ seq, month: last?.month ?? '', version: last?.version ?? 0 });
  if (last && !head)
    breaks.push({ ...at(last.seq), problem: 'head_missing', message: PROBLEMS.head_missing });
  else if (head && (!last || head.seq > last.seq))
    breaks.push({ ...at(head.seq), problem: 'truncated', message: PROBLEMS.truncated });
  else if (head && last && head.seq === last.seq && head.hash !== last.hash)
    breaks.push({ ...at(head.seq), problem: 'head_hash', message: PROBLEMS.head_hash });
  return {
    group_id: groupId,
    ok: breaks.length === 0,
    snapshots: commits.length,
    head_hash: last?.hash ?? null,
    breaks,
  };
}
