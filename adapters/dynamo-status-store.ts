import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StatusItem, StatusStore } from '../app/monthly/ports.ts';

/**
 * The monthly job's status items in the archive table: `PK = J#<month>`, `SK = G#<group>` for a
 * group's status, `SK = NETWORK` for the network report's claim (a conditional put: sent once).
 */
export class DynamoStatusStore implements StatusStore {
  private readonly doc: DynamoDBDocumentClient;
  constructor(
    client: DynamoDBClient,
    private readonly table: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client);
  }

  async get(group: string, month: string): Promise<StatusItem | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: { PK: `J#${month}`, SK: `G#${encodeURIComponent(group)}` },
        ConsistentRead: true,
      }),
    );
    return Item ? (JSON.parse(String(Item.item)) as StatusItem) : undefined;
  }

  async put(item: StatusItem): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          PK: `J#${item.month}`,
          SK: `G#${encodeURIComponent(item.group_id)}`,
          status: item.status,
          item: JSON.stringify(item),
        },
      }),
    );
  }

  async claimNetwork(month: string): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: `J#${month}`, SK: 'NETWORK', claimed: true },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async reopen(month: string, groups: string[]): Promise<void> {
    for (const group of groups)
      await this.doc.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { PK: `J#${month}`, SK: `G#${encodeURIComponent(group)}` },
        }),
      );
    await this.doc.send(
      new DeleteCommand({ TableName: this.table, Key: { PK: `J#${month}`, SK: 'NETWORK' } }),
    );
  }
}
