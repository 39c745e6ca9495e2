import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FunctionUrlAuthType } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern } from 'aws-cdk-lib/aws-logs';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { ENV } from '../lambdas/env.ts';
import { ALARM_PERIOD, AlarmTopic } from './lib/alarm-topic.ts';
import { SajjaFunction } from './lib/sajja-function.ts';
import { grantTableCalls } from './lib/table-access.ts';
import { VERSION } from './version.ts';

export interface ApiStackProps extends StackProps {
  table: TableV2;
  groupSecrets: Secret;
  /** Requests at once the API may serve (reserved concurrency; none by default: a new account's quota is often 10). */
  concurrency?: number;
  /** The operator's address for the alarms (CDK context `alarmEmail`). */
  alarmEmail?: string;
}

/**
 * The signed API (SPEC §9): one function behind a Function URL (auth NONE — the handler verifies
 * every request's signature), bundled by the local esbuild (no Docker), ARM64, Node 24; least
 * privilege (read the group secrets, read and write the table); alarms on errors and throttles.
 */
/** The calls the API's code makes on the table (tied to its SDK commands by a test). */
export const API_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
] as const;

/** Refused signatures in five minutes that raise the alarm (a sheet retries a few, a flood is thousands). */
export const UNAUTHORIZED_SURGE = 100;

export class ApiStack extends Stack {
  readonly api: SajjaFunction;
  readonly alarms: AlarmTopic;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    this.api = new SajjaFunction(this, 'Api', {
      entry: 'lambdas/api/index.ts',
      handler: 'handler',
      timeout: Duration.seconds(29),
      ...(props.concurrency === undefined ? {} : { reservedConcurrentExecutions: Number(props.concurrency) }),
      environment: {
        [ENV.table]: props.table.tableName,
        [ENV.groupSecrets]: props.groupSecrets.secretName,
        [ENV.version]: VERSION,
      },
    });
    // least privilege: the calls the archive and the nonces make, on the table alone; writes only to
    // the archive (G#) and the nonces (N#), never the registry
    grantTableCalls(this.api, props.table, API_TABLE_ACTIONS, ['G#*', 'N#*']);
    props.groupSecrets.grantRead(this.api);
    const url = this.api.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    new CfnOutput(this, 'ApiUrl', { value: url.url });

    this.alarms = new AlarmTopic(this, 'Alarms', {
      displayName: 'Sajja API alarms',
      keyDescription: 'Sajja alarm topic',
      email: props.alarmEmail,
    });
    for (const [name, metric] of [
      ['Errors', this.api.metricErrors({ period: ALARM_PERIOD })],
      ['Throttles', this.api.metricThrottles({ period: ALARM_PERIOD })],
    ] as const)
      this.alarms.alarmOn(`Api${name}`, metric, `Sajja API ${name.toLowerCase()} in the last 5 minutes`);
    // the Function URL is open to anyone: a surge of refused signatures is someone knocking
    const refused = this.api.logGroup.addMetricFilter('Unauthorized', {
      filterPattern: FilterPattern.numberValue('$.status', '=', 401),
      metricNamespace: 'Sajja/Api',
      metricName: 'Unauthorized',
      metricValue: '1',
    });
    this.alarms.alarmOn(
      'ApiUnauthorizedSurge',
      refused.metric({ period: ALARM_PERIOD, statistic: 'Sum' }),
      `Sajja API: ${UNAUTHORIZED_SURGE} or more refused signatures in 5 minutes`,
      UNAUTHORIZED_SURGE,
    );

    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'AWSLambdaBasicExecutionRole: CreateLogGroup/CreateLogStream/PutLogEvents on any log group; the function has its own log group (SajjaFunction), and the managed policy is what Lambda documents for it.',
    });
  }
}
