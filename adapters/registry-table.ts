import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Registry, readRegistryItems } from '../core/index.ts';

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
  const parse = (text: unknown) => {
    try {
      return JSON.parse(String(text)) as unknown;
    } catch {
      return { unreadable: String(text).slice(0, 40) };
    }
  };
  // item by item: a bad one is logged and left out, the others run
  const { registry, problems } = readRegistryItems({
    network: network ? parse(network.json) : { coordinators: [] },
    groups: items.filter((i) => String(i.SK).startsWith('G#')).map((i) => parse(i.json)),
  });
  for (const p of problems)
    console.log(
      JSON.stringify({
        level: 'warn',
        message: 'registry item left out',
        group_id: p.group_id,
        reason: p.reason.en,
      }),
    );
  return registry;
}
