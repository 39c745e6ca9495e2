import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Claim, StatusItem, StatusStore } from '../app/monthly/ports.ts';

const group = (id: string) => `G#${encodeURIComponent(id)}`;
const delivery = (key: string) => `D#${key}`;

/**
 * The monthly job's records in the archive table, one partition a month (`PK = J#<month>`):
 * `G#<group>` a group's outcome, `COUNT` the set of groups done (a group added once, however often
 * its outcome is written), `D#<key>` a delivery's claim (`state = claimed` with `lease_until`)
 * or its record (`state = delivered`).
 */
export class DynamoStatusStore implements StatusStore {
  private readonly doc: DynamoDBDocumentClient;
  constructor(
    client: DynamoDBClient,
    private readonly table: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client);
  }

  async get(id: string, month: string): Promise<StatusItem | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: { PK: `J#${month}`, SK: group(id) },
        ConsistentRead: true,
      }),
    );
    return Item ? (JSON.parse(String(Item.item)) as StatusItem) : undefined;
  }

  async put(item: StatusItem): Promise<boolean> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          PK: `J#${item.month}`,
          SK: group(item.group_id),
          status: item.status,
          item: JSON.stringify(item),
        },
      }),
    );
    // the month's set of groups done: adding is idempotent, so a crash between the two writes is
    // mended by the retry, and a group is counted once whatever happens
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: `J#${item.month}`, SK: 'COUNT' },
          UpdateExpression: 'ADD done_groups :g',
          ConditionExpression: 'attribute_not_exists(done_groups) OR NOT contains(done_groups, :id)',
          ExpressionAttributeValues: { ':g': new Set([item.group_id]), ':id': item.group_id },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async doneCount(month: string): Promise<number> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: `J#${month}`, SK: 'COUNT' }, ConsistentRead: true }),
    );
    return (Item?.done_groups as Set<string> | undefined)?.size ?? 0;
  }

  /** Every item of a month whose sort key starts with `prefix`, page after page. */
  private async itemsOf(
    month: string,
    prefix: string,
    projection?: string,
  ): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          ExpressionAttributeValues: { ':pk': `J#${month}`, ':p': prefix },
          ConsistentRead: true,
          ...(projection ? { ProjectionExpression: projection } : {}),
          ExclusiveStartKey: start,
        }),
      );
      out.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async all(month: string): Promise<StatusItem[]> {
    return (await this.itemsOf(month, 'G#')).map((item) => JSON.parse(String(item.item)) as StatusItem);
  }

  async claim(month: string, key: string, now: number, leaseMs: number): Promise<Claim> {
    try {
      const { Attributes } = await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: `J#${month}`, SK: delivery(key), state: 'claimed', lease_until: now + leaseMs },
          // free, or claimed by someone whose lease ran out (it died between claim and send), or
          // let go after an attempt whose outcome is unknown (lease 0)
          ConditionExpression: 'attribute_not_exists(PK) OR (#s = :claimed AND lease_until < :now)',
          ExpressionAttributeNames: { '#s': 'state' },
          ExpressionAttributeValues: { ':claimed': 'claimed', ':now': now },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return Attributes?.attempted === true ? 'retry' : 'mine';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item } = await this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { PK: `J#${month}`, SK: delivery(key) },
          ConsistentRead: true,
        }),
      );
      return Item?.state === 'delivered' ? 'done' : 'held';
    }
  }

  async delivered(month: string, key: string, at: number): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { PK: `J#${month}`, SK: delivery(key) },
        UpdateExpression: 'SET #s = :delivered, delivered_at = :at REMOVE lease_until',
        ExpressionAttributeNames: { '#s': 'state' },
        ExpressionAttributeValues: { ':delivered': 'delivered', ':at': at },
      }),
    );
  }

  async release(month: string, key: string, options: { attempted?: boolean } = {}): Promise<void> {
    const claimed = {
      ConditionExpression: '#s = :claimed',
      ExpressionAttributeNames: { '#s': 'state' },
    };
    const ignoreGone = (error: unknown) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    };
    if (options.attempted) {
      // kept, its lease over, marked: the next claim is a retry of what may have gone
      await this.doc
        .send(
          new UpdateCommand({
            TableName: this.table,
            Key: { PK: `J#${month}`, SK: delivery(key) },
            UpdateExpression: 'SET lease_until = :zero, attempted = :yes',
            ...claimed,
            ExpressionAttributeValues: { ':claimed': 'claimed', ':zero': 0, ':yes': true },
          }),
        )
        .catch(ignoreGone);
      return;
    }
    await this.doc
      .send(
        new DeleteCommand({
          TableName: this.table,
          Key: { PK: `J#${month}`, SK: delivery(key) },
          ...claimed,
          ExpressionAttributeValues: { ':claimed': 'claimed' },
        }),
      )
      .catch(ignoreGone);
  }

  async reopen(month: string, groups: string[]): Promise<void> {
    const keys: string[] = ['COUNT', delivery('NETWORK')];
    for (const id of groups) keys.push(group(id));
    // every delivery of the month: the groups' channels (what resend sends again) — but never a
    // member's own statement on LINE: a member is told once a month, however often it is resent
    for (const item of await this.itemsOf(month, 'D#G#', 'SK')) {
      const sk = String(item.SK);
      if (sk.includes('#member:')) continue;
      if (groups.some((id) => sk.startsWith(delivery(`${group(id)}#`)))) keys.push(sk);
    }
    // the disabled groups stay done: the count is what is left of them
    const kept = (await this.all(month)).filter((s) => !groups.includes(s.group_id)).length;
    for (const SK of keys)
      await this.doc.send(new DeleteCommand({ TableName: this.table, Key: { PK: `J#${month}`, SK } }));
    if (kept > 0)
      await this.doc.send(
        new PutCommand({ TableName: this.table, Item: { PK: `J#${month}`, SK: 'COUNT', done: kept } }),
      );
  }
}
