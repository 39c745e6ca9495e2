import { RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { archiveTableDefinition, DEFAULT_TABLE } from '../adapters/archive-table.ts';
import { TTL_ATTRIBUTE } from '../adapters/dynamo-nonce-store.ts';

/**
 * What must outlive every deploy: the archive table (snapshots, the chain's heads, nonces) and the
 * groups' signing secrets. Kept apart from the functions, retained, protected from deletion.
 */
export class DataStack extends Stack {
  readonly table: TableV2;
  readonly groupSecrets: Secret;
  /** The Google service account's key and the LINE token: retained here, so a redeploy of the job never waits 7–30 days for a deleted name. */
  readonly googleKey: Secret;
  readonly lineToken: Secret;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    // the same keys and index the archive already queries (adapters/archive-table.ts)
    const definition = archiveTableDefinition(DEFAULT_TABLE);
    const index = definition.GlobalSecondaryIndexes![0]!;
    this.table = new TableV2(this, 'Archive', {
      tableName: DEFAULT_TABLE,
      partitionKey: { name: 'PK', type: AttributeType.STRING },
      sortKey: { name: 'SK', type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      globalSecondaryIndexes: [
        {
          indexName: index.IndexName!,
          partitionKey: { name: 'GSI1PK', type: AttributeType.STRING },
          sortKey: { name: 'GSI1SK', type: AttributeType.STRING },
        },
      ],
    });
    this.groupSecrets = new Secret(this, 'GroupSecrets', {
      secretName: 'sajja/group-secrets',
      description:
        'Sajja: each group\'s signing secret, as JSON {"<group_id>": "<secret>"} (sajja secret new)',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.googleKey = new Secret(this, 'GoogleKey', {
      secretName: 'sajja/google-service-account',
      description: "Sajja: the Google service account's JSON key (the groups' sheets are shared with it)",
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.lineToken = new Secret(this, 'LineToken', {
      secretName: 'sajja/line-channel-token',
      description: 'Sajja: the LINE Messaging API channel access token',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const s of [this.googleKey, this.lineToken])
      Validations.of(s).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'A Google service-account key and a LINE channel token are rotated in their own consoles, then pasted here.',
      });
    Validations.of(this.groupSecrets).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        "A group secret is also typed into that group's sheet: it is rotated by issuing a new one with the group (sajja secret new), not by a rotation Lambda that would lock the sheet out.",
    });
  }
}
