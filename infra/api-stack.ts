import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FunctionUrlAuthType } from 'aws-cdk-lib/aws-lambda';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { BY_MONTH_INDEX } from '../adapters/archive-table.ts';
import { ENV } from '../lambdas/env.ts';
import { ALARM_PERIOD, AlarmTopic } from './lib/alarm-topic.ts';
import { SajjaFunction } from './lib/sajja-function.ts';

export interface ApiStackProps extends StackProps {
  table: TableV2;
  groupSecrets: Secret;
  /** Requests at once the API may serve (reserved concurrency). */
  concurrency?: number;
}

const ROOT = join(import.meta.dirname, '..');
/** The version the API reports at /v1/health: the package's. */
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The signed API (SPEC §9): one function behind a Function URL (auth NONE — the handler verifies
 * every request's signature), bundled by the local esbuild (no Docker), ARM64, Node 24; least
 * privilege (read the group secrets, read and write the table); alarms on errors and throttles.
 */
export class ApiStack extends Stack {
  readonly api: SajjaFunction;
  readonly alarms: AlarmTopic;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    this.api = new SajjaFunction(this, 'Api', {
      entry: 'lambdas/api/index.ts',
      handler: 'handler',
      timeout: Duration.seconds(29),
      reservedConcurrentExecutions: props.concurrency ?? 20,
      sourceMap: true,
      environment: {
        [ENV.table]: props.table.tableName,
        [ENV.groupSecrets]: props.groupSecrets.secretName,
        [ENV.version]: VERSION,
      },
    });
    // least privilege: the calls the archive and the nonces make, on the table and its one index
    this.api.addToRolePolicy(
      new PolicyStatement({
        actions: [
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:Query',
          'dynamodb:Scan',
          'dynamodb:BatchGetItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:DescribeTable',
        ],
        resources: [props.table.tableArn, `${props.table.tableArn}/index/${BY_MONTH_INDEX}`],
      }),
    );
    props.groupSecrets.grantRead(this.api);
    const url = this.api.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    new CfnOutput(this, 'ApiUrl', { value: url.url });

    this.alarms = new AlarmTopic(this, 'Alarms', {
      displayName: 'Sajja API alarms',
      keyDescription: 'Sajja alarm topic',
    });
    for (const [name, metric] of [
      ['Errors', this.api.metricErrors({ period: ALARM_PERIOD })],
      ['Throttles', this.api.metricThrottles({ period: ALARM_PERIOD })],
    ] as const)
      this.alarms.alarmOn(`Api${name}`, metric, `Sajja API ${name.toLowerCase()} in the last 5 minutes`);

    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'AWSLambdaBasicExecutionRole only lets the function write its own logs.',
    });
  }
}
