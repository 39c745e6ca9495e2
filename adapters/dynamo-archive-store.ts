import { gunzipSync, gzipSync } from 'node:zlib';
import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  ArchiveCorruptError,
  type ArchivedGroup,
  type ArchiveStore,
  type ChainHead,
  type Commit,
} from '../core/index.ts';
import { BY_MONTH_INDEX } from './archive-table.ts';

/** Largest content part: well under DynamoDB's 400 KB item limit, keys and attributes included. */
export const PART_BYTES = 64 * 1024;
const BATCH_WRITE_MAX = 25;
const BATCH_GET_MAX = 100;
const RETRIES = 10;

export interface DynamoArchiveOptions {
  tableName: string;
  /** Waits between retries of unprocessed items (injected by tests). */
  sleep?: (ms: number) => Promise<void>;
}

const key = (id: string) => encodeURIComponent(id);
const groupKey = (groupId: string) => `G#${key(groupId)}`;
const partKey = (contentHash: string, n: number) => `P#${contentHash}#${String(n).padStart(4, '0')}`;
const commitKey = (seq: number) => `S#${String(seq).padStart(8, '0')}`;
/** The head record's sort key: `H` sorts before `P#` and `S#`, outside the commits' `S#` range. */
const HEAD_KEY = 'HEAD';

/** Truncated exponential backoff with full jitter. */
const backoff = (attempt: number) => Math.random() * Math.min(2_000, 25 * 2 ** attempt);

/** The archive in one DynamoDB table (see archive-table.ts): content parts first, the commit last. */
export class DynamoArchiveStore implements ArchiveStore {
  private readonly doc: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(client: DynamoDBClient, options: DynamoArchiveOptions) {
    this.doc = DynamoDBDocumentClient.from(client);
    this.table = options.tableName;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async latest(groupId: string): Promise<Commit | undefined> {
    const [last] = await this.query(
      { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)', ScanIndexForward: false, Limit: 1 },
      groupId,
      true,
    );
    return last;
  }

  async history(groupId: string): Promise<Commit[]> {
    return this.query({ KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)' }, groupId);
  }

  async versions(groupId: string, month: string): Promise<Commit[]> {
    // from the base table with a consistent read: the index may lag just after a write
    return (await this.history(groupId))
      .filter((c) => c.month === month)
      .sort((a, b) => a.version - b.version);
  }

  async groups(): Promise<ArchivedGroup[]> {
    // the commits only (parts are many and large): a scan is fine for listing what the archive holds
    const heads = new Map<string, ArchivedGroup & { seq: number }>();
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new ScanCommand({
          TableName: this.table,
          FilterExpression: 'begins_with(SK, :s)',
          ProjectionExpression: 'group_id, #month, seq, #hash',
          ExpressionAttributeNames: { '#month': 'month', '#hash': 'hash' },
          ExpressionAttributeValues: { ':s': 'S#' },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const group = String(item.group_id);
        const seq = Number(item.seq);
        const known = heads.get(group);
        const month = String(item.month);
        const snapshots = (known?.snapshots ?? 0) + 1;
        const lastMonth = known && known.last_month > month ? known.last_month : month;
        if (!known || seq > known.seq)
          heads.set(group, {
            group_id: group,
            snapshots,
            last_month: lastMonth,
            head_hash: String(item.hash),
            seq,
          });
        else heads.set(group, { ...known, snapshots, last_month: lastMonth });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return [...heads.values()]
      .map(({ seq: _seq, ...group }) => group)
      .sort((a, b) => (a.group_id < b.group_id ? -1 : 1));
  }

  async month(month: string): Promise<Commit[]> {
    const items: Commit[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: BY_MONTH_INDEX,
          KeyConditionExpression: 'GSI1PK = :m',
          ExpressionAttributeValues: { ':m': `M#${month}` },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) items.push(toCommit(item));
      start = page.LastEvaluatedKey;
    } while (start);
    const latest = new Map<string, Commit>();
    for (const c of items) if ((latest.get(c.group_id)?.version ?? 0) < c.version) latest.set(c.group_id, c);
    return [...latest.values()].sort((a, b) => (a.group_id < b.group_id ? -1 : 1));
  }

  async putContent(
    groupId: string,
    contentHash: string,
    bytes: Uint8Array,
  ): Promise<{ parts: number; bytes_stored: number }> {
    const packed = gzipSync(bytes, { level: 9 });
    const parts: Uint8Array[] = [];
    for (let at = 0; at < packed.length || parts.length === 0; at += PART_BYTES)
      parts.push(packed.subarray(at, at + PART_BYTES));
    const keys = parts.map((_, n) => ({ PK: groupKey(groupId), SK: partKey(contentHash, n) }));
    const existing = new Set((await this.getItems(keys)).map((item) => item.SK as string));
    const missing = parts
      .map((data, n) => ({ ...keys[n]!, data, n }))
      .filter((item) => !existing.has(item.SK))
      .map(({ n: _n, ...item }) => item);
    await this.writeItems(missing);
    return { parts: parts.length, bytes_stored: packed.length };
  }

  async getContent(groupId: string, contentHash: string, parts: number): Promise<Uint8Array> {
    const keys = Array.from({ length: parts }, (_, n) => ({
      PK: groupKey(groupId),
      SK: partKey(contentHash, n),
    }));
    const items = new Map(
      (await this.getItems(keys)).map((item) => [item.SK as string, item.data as Uint8Array]),
    );
    const chunks = keys.map((k) => items.get(k.SK));
    if (chunks.some((c) => c === undefined))
      throw new ArchiveCorruptError(`missing content part of ${contentHash}`);
    try {
      return gunzipSync(Buffer.concat(chunks as Uint8Array[]));
    } catch (error) {
      throw new ArchiveCorruptError(`content of ${contentHash} is not readable`, { cause: error });
    }
  }

  async getHead(groupId: string): Promise<ChainHead | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: { PK: groupKey(groupId), SK: HEAD_KEY },
        ConsistentRead: true,
      }),
    );
    if (!Item) return undefined;
    return { seq: Number(Item.seq), hash: String(Item.hash) };
  }

  async putHead(groupId: string, head: ChainHead): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: groupKey(groupId), SK: HEAD_KEY, group_id: groupId, seq: head.seq, hash: head.hash },
          // the head only moves forward
          ConditionExpression: 'attribute_not_exists(PK) OR seq < :seq',
          ExpressionAttributeValues: { ':seq': head.seq },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async putCommit(commit: Commit): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            PK: groupKey(commit.group_id),
            SK: commitKey(commit.seq),
            GSI1PK: `M#${commit.month}`,
            GSI1SK: `${key(commit.group_id)}#${String(commit.version).padStart(6, '0')}`,
            ...commit,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private async query(input: Partial<QueryCommandInput>, groupId: string, once = false): Promise<Commit[]> {
    const commits: Commit[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          ConsistentRead: true,
          ExpressionAttributeValues: { ':pk': groupKey(groupId), ':s': 'S#' },
          ExclusiveStartKey: start,
          ...input,
        }),
      );
      for (const item of page.Items ?? []) commits.push(toCommit(item));
      start = once ? undefined : page.LastEvaluatedKey;
    } while (start);
    return commits;
  }

  /** BatchWriteItem in 25s, retrying UnprocessedItems with backoff. */
  private async writeItems(items: Record<string, unknown>[]): Promise<void> {
    for (let i = 0; i < items.length; i += BATCH_WRITE_MAX) {
      let pending = items.slice(i, i + BATCH_WRITE_MAX).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > RETRIES)
          throw new Error(`DynamoDB left ${pending.length} items unprocessed after ${RETRIES} retries`);
        if (attempt > 0) await this.sleep(backoff(attempt));
        const result = await this.doc.send(
          new BatchWriteCommand({ RequestItems: { [this.table]: pending } }),
        );
        pending = (result.UnprocessedItems?.[this.table] ?? []) as typeof pending;
      }
    }
  }

  /** BatchGetItem in 100s (consistent reads), retrying UnprocessedKeys with backoff. */
  private async getItems(keys: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
    const found: Record<string, unknown>[] = [];
    for (let i = 0; i < keys.length; i += BATCH_GET_MAX) {
      let pending = keys.slice(i, i + BATCH_GET_MAX);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > RETRIES)
          throw new Error(`DynamoDB left ${pending.length} keys unprocessed after ${RETRIES} retries`);
        if (attempt > 0) await this.sleep(backoff(attempt));
        const result = await this.doc.send(
          new BatchGetCommand({ RequestItems: { [this.table]: { Keys: pending, ConsistentRead: true } } }),
        );
        found.push(...(result.Responses?.[this.table] ?? []));
        pending = (result.UnprocessedKeys?.[this.table]?.Keys ?? []) as typeof pending;
      }
    }
    return found;
  }
}

function toCommit(item: Record<string, unknown>): Commit {
  return {
    group_id: item.group_id as string,
    month: item.month as string,
    version: Number(item.version),
    seq: Number(item.seq),
    hash: item.hash as string,
    prev_hash: (item.prev_hash as string | null) ?? null,
    content_hash: item.content_hash as string,
    parts: Number(item.parts),
    bytes_raw: Number(item.bytes_raw),
    bytes_stored: Number(item.bytes_stored),
    created: item.created as string,
    ...(item.closed_by ? { closed_by: item.closed_by as Commit['closed_by'] } : {}),
  };
}
