import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
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
}
