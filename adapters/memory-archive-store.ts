import {
  ArchiveCorruptError,
  type ArchivedGroup,
  type ArchiveStore,
  type ChainHead,
  type Commit,
} from '../core/index.ts';

/**
 * The archive port in memory: the same answers as the DynamoDB adapter (one contract suite runs
 * against both), for tests and tools that need an archive in milliseconds. Content is kept as
 * given, one part; the chain's positions are taken once, the head never moves back.
 */
export class MemoryArchiveStore implements ArchiveStore {
  private readonly contents = new Map<string, Uint8Array>();
  private readonly chains = new Map<string, Commit[]>();
  private readonly heads = new Map<string, ChainHead>();

  async latest(groupId: string): Promise<Commit | undefined> {
    const chain = this.chain(groupId);
    return chain[chain.length - 1];
  }

  async history(groupId: string): Promise<Commit[]> {
    return [...this.chain(groupId)];
  }

  async versions(groupId: string, month: string): Promise<Commit[]> {
    return this.chain(groupId)
      .filter((c) => c.month === month)
      .sort((a, b) => a.version - b.version);
  }

  async groups(): Promise<ArchivedGroup[]> {
    return [...this.chains.entries()]
      .filter(([, chain]) => chain.length > 0)
      .map(([group_id, chain]) => ({
        group_id,
        snapshots: chain.length,
        last_month: chain.map((c) => c.month).sort()[chain.length - 1]!,
        head_hash: chain[chain.length - 1]!.hash,
      }))
      .sort((a, b) => (a.group_id < b.group_id ? -1 : 1));
  }

  async month(month: string): Promise<Commit[]> {
    const out: Commit[] = [];
    for (const chain of this.chains.values()) {
      let latest: Commit | undefined;
      for (const c of chain) if (c.month === month && (latest?.version ?? 0) < c.version) latest = c;
      if (latest) out.push(latest);
    }
    return out.sort((a, b) => (a.group_id < b.group_id ? -1 : 1));
  }

  async putContent(groupId: string, contentHash: string, bytes: Uint8Array) {
    const key = `${groupId}\u0000${contentHash}`;
    if (!this.contents.has(key)) this.contents.set(key, bytes.slice());
    return { parts: 1, bytes_stored: bytes.length };
  }

  async getContent(groupId: string, contentHash: string, _parts: number): Promise<Uint8Array> {
    const bytes = this.contents.get(`${groupId}\u0000${contentHash}`);
    if (!bytes) throw new ArchiveCorruptError(`missing content part of ${contentHash}`);
    return bytes.slice();
  }

  async putCommit(commit: Commit): Promise<boolean> {
    const chain = this.chain(commit.group_id);
    if (chain.some((c) => c.seq === commit.seq)) return false;
    chain.push({ ...commit });
    chain.sort((a, b) => a.seq - b.seq);
    this.chains.set(commit.group_id, chain);
    return true;
  }

  async getHead(groupId: string): Promise<ChainHead | undefined> {
    const head = this.heads.get(groupId);
    return head && { ...head };
  }

  async putHead(groupId: string, head: ChainHead): Promise<void> {
    const known = this.heads.get(groupId);
    if (!known || known.seq < head.seq) this.heads.set(groupId, { ...head });
  }

  private chain(groupId: string): Commit[] {
    return this.chains.get(groupId) ?? [];
  }
}
