import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { NonceStore } from '../app/api/ports.ts';

/** The archive table's TTL attribute: DynamoDB deletes a nonce after it (dynalite never does). */
export const TTL_ATTRIBUTE = 'expires_at';

/**
 * Nonces in the archive table (`PK = N#<group>`, `SK = <nonce>`), written with a conditional put:
 * a nonce seen and not yet expired is a replay. DynamoDB's TTL removes old ones; an expired nonce
 * still there (TTL lags, and the embedded engine has none) is ignored by the condition.
 */
export class DynamoNonceStore implements NonceStore {
  private readonly doc: DynamoDBDocumentClient;
  constructor(
    client: DynamoDBClient,
    private readonly table: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client);
  }

  async remember(group: string, nonce: string, nowSeconds: number, expiresAt: number): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: `N#${encodeURIComponent(group)}`, SK: nonce, [TTL_ATTRIBUTE]: expiresAt },
          ConditionExpression: 'attribute_not_exists(PK) OR #expires < :now',
          ExpressionAttributeNames: { '#expires': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': nowSeconds },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /**
   * Deletes the nonces expired before `nowSeconds`, as DynamoDB's TTL would: the embedded engine
   * (`sajja serve`) has no TTL, so without this its store grows with every request. Returns how many.
   */
  async sweep(nowSeconds: number): Promise<number> {
    let swept = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new ScanCommand({
          TableName: this.table,
          ProjectionExpression: 'PK, SK',
          FilterExpression: 'begins_with(PK, :n) AND #expires < :now',
          ExpressionAttributeNames: { '#expires': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':n': 'N#', ':now': nowSeconds },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      const keys = (page.Items ?? []).map((item) => ({ PK: item.PK, SK: item.SK }));
      for (let i = 0; i < keys.length; i += 25) {
        let requests = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
        while (requests.length > 0) {
          const result = await this.doc.send(
            new BatchWriteCommand({ RequestItems: { [this.table]: requests } }),
          );
          requests = (result.UnprocessedItems?.[this.table] ?? []) as typeof requests;
        }
      }
      swept += keys.length;
      start = page.LastEvaluatedKey;
    } while (start);
    return swept;
  }
}
