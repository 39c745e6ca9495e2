import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Registry, RegistrySchema } from '../core/index.ts';

/** The registry on AWS: items in the archive table, `PK = REGISTRY`, `SK = NETWORK` and `G#<group>`. */
export async function registryFromTable(client: DynamoDBClient, table: string): Promise<Registry> {
  const doc = DynamoDBDocumentClient.from(client);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'PK = :r',
        ExpressionAttributeValues: { ':r': 'REGISTRY' },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const network = items.find((i) => i.SK === 'NETWORK');
  return RegistrySchema.parse({
    network: network ? JSON.parse(String(network.json)) : { coordinators: [] },
    groups: items.filter((i) => String(i.SK).startsWith('G#')).map((i) => JSON.parse(String(i.json))),
  });
}
