import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The archive table. Items of a group share `PK = G#<group>`:
 * - content parts `SK = P#<content_hash>#<nn>` (gzip, split to stay well under 400 KB);
 * - commits `SK = S#<seq>`, written last, also indexed by month (`byMonth`: `GSI1PK = M#<month>`,
 *   `GSI1SK = <group>#<version>`) for "this group's month" and "this month across groups".
 */
/** The index of commits by month ("this month across groups"). */
export const BY_MONTH_INDEX = 'byMonth';

export function archiveTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'PK', AttributeType: 'S' },
      { AttributeName: 'SK', AttributeType: 'S' },
      { AttributeName: 'GSI1PK', AttributeType: 'S' },
      { AttributeName: 'GSI1SK', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: BY_MONTH_INDEX,
        KeySchema: [
          { AttributeName: 'GSI1PK', KeyType: 'HASH' },
          { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}

export const DEFAULT_TABLE = 'sajja-archive';
