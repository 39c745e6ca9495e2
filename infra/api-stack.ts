import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Architecture, FunctionUrlAuthType, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { ENV } from '../lambdas/env.ts';

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
  readonly api: NodejsFunction;
  readonly alarms: Topic;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const logGroup = new LogGroup(this, 'ApiLogs', { retention: RetentionDays.THREE_MONTHS });
    this.api = new NodejsFunction(this, 'Api', {
      entry: join(ROOT, 'lambdas/api/index.ts'),
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(29),
      reservedConcurrentExecutions: props.concurrency ?? 20,
      logGroup,
      environment: {
        [ENV.table]: props.table.tableName,
        [ENV.groupSecrets]: props.groupSecrets.secretName,
        [ENV.version]: VERSION,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        forceDockerBundling: false,
        minify: true,
        sourceMap: true,
        target: 'node24',
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        // the AWS SDK v3 is in the Node 24 runtime: left out, the bundle stays small
        externalModules: ['@aws-sdk/*'],
        banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
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
        resources: [props.table.tableArn, `${props.table.tableArn}/index/byMonth`],
      }),
    );
    props.groupSecrets.grantRead(this.api);
    const url = this.api.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    new CfnOutput(this, 'ApiUrl', { value: url.url });

    this.alarms = new Topic(this, 'Alarms', {
      displayName: 'Sajja API alarms',
      enforceSSL: true,
      masterKey: new Key(this, 'AlarmsKey', { enableKeyRotation: true, description: 'Sajja alarm topic' }),
    });
    for (const [name, metric] of [
      ['Errors', this.api.metricErrors({ period: Duration.minutes(5) })],
      ['Throttles', this.api.metricThrottles({ period: Duration.minutes(5) })],
    ] as const) {
      new Alarm(this, `Api${name}`, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `Sajja API ${name.toLowerCase()} in the last 5 minutes`,
      }).addAlarmAction(new SnsAction(this.alarms));
    }

    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'AWSLambdaBasicExecutionRole only lets the function write its own logs.',
    });
  }
}
