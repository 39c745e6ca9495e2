import { join } from 'node:path';
import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Architecture, type CfnFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ENV } from '../lambdas/env.ts';

export interface MonthlyStackProps extends StackProps {
  table: TableV2;
  /** The verified SES identity the reports are sent from (a domain or an address). */
  sesIdentity: string;
  mailFrom: string;
}

const ROOT = join(import.meta.dirname, '..');
/** Sheets API: 60 read requests a minute for one user (the service account). Two reads a group. */
export const WORKERS = 2;
/** Each worker spends at least this long a group: 2 workers × 2 reads / 5 s = 48 reads a minute < 60. */
export const MIN_SECONDS_PER_GROUP = 5;
const WORKER_TIMEOUT = Duration.minutes(5);

/**
 * The monthly job (SPEC §10): EventBridge Scheduler at 07:00 Asia/Bangkok on the 1st (retries, a
 * dead-letter queue) → the dispatcher → one SQS message per group → the worker (partial batch
 * failures, a dead-letter queue after 3 receives, concurrency sized to the Sheets read quota) →
 * the network report after the last group. Alarms on both dead-letter queues.
 */
export class MonthlyStack extends Stack {
  readonly dispatcher: NodejsFunction;
  readonly worker: NodejsFunction;
  readonly queue: Queue;

  constructor(scope: Construct, id: string, props: MonthlyStackProps) {
    super(scope, id, props);
    const fn = (name: string, handler: string, timeout: Duration, environment: Record<string, string>) =>
      new NodejsFunction(this, name, {
        entry: join(ROOT, 'lambdas/monthly/index.ts'),
        handler,
        runtime: Runtime.NODEJS_24_X,
        architecture: Architecture.ARM_64,
        memorySize: 1024,
        timeout,
        logGroup: new LogGroup(this, `${name}Logs`, { retention: RetentionDays.THREE_MONTHS }),
        environment: { [ENV.table]: props.table.tableName, ...environment },
        bundling: {
          forceDockerBundling: false,
          minify: true,
          target: 'node24',
          format: OutputFormat.ESM,
          mainFields: ['module', 'main'],
          externalModules: ['@aws-sdk/*'],
          banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        },
      });

    const deadLetters = new Queue(this, 'WorkerDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Groups', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // above the worker's timeout, so a group being worked on is not handed to a second worker
      visibilityTimeout: WORKER_TIMEOUT.plus(Duration.minutes(1)),
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 3 },
    });
    const googleKey = new Secret(this, 'GoogleKey', {
      secretName: 'sajja/google-service-account',
      description: "Sajja: the Google service account's JSON key (the groups' sheets are shared with it)",
    });
    const lineToken = new Secret(this, 'LineToken', {
      secretName: 'sajja/line-channel-token',
      description: 'Sajja: the LINE Messaging API channel access token',
    });

    this.dispatcher = fn('Dispatcher', 'dispatcher', Duration.minutes(1), {
      [ENV.queueUrl]: this.queue.queueUrl,
    });
    this.worker = fn('Worker', 'worker', WORKER_TIMEOUT, {
      [ENV.mailFrom]: props.mailFrom,
      [ENV.googleKeySecret]: googleKey.secretName,
      [ENV.lineTokenSecret]: lineToken.secretName,
      [ENV.minSecondsPerGroup]: String(MIN_SECONDS_PER_GROUP),
    });
    // two workers at most, each paced: the Sheets API read quota is never exceeded
    (this.worker.node.defaultChild as CfnFunction).reservedConcurrentExecutions = WORKERS;
    this.worker.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: WORKERS,
      }),
    );

    // least privilege: the table's registry, status and archive calls; send; read the two secrets
    const tableActions = [
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
    ];
    for (const f of [this.dispatcher, this.worker])
      f.addToRolePolicy(
        new PolicyStatement({
          actions: tableActions,
          resources: [props.table.tableArn, `${props.table.tableArn}/index/byMonth`],
        }),
      );
    this.queue.grantSendMessages(this.dispatcher);
    googleKey.grantRead(this.worker);
    lineToken.grantRead(this.worker);
    this.worker.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [`arn:${this.partition}:ses:${this.region}:${this.account}:identity/${props.sesIdentity}`],
      }),
    );

    // 07:00 in Bangkok on the 1st, for the month just ended; retried, then dead-lettered
    const scheduleDeadLetters = new Queue(this, 'ScheduleDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
    });
    // the function itself, not its versions and aliases (`arn:*`): the schedule calls $LATEST
    schedulerRole.addToPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.dispatcher.functionArn] }),
    );
    scheduleDeadLetters.grantSendMessages(schedulerRole);
    new CfnSchedule(this, 'Monthly', {
      description: 'Sajja: the monthly job, 07:00 Asia/Bangkok on the 1st',
      scheduleExpression: 'cron(0 7 1 * ? *)',
      scheduleExpressionTimezone: 'Asia/Bangkok',
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: this.dispatcher.functionArn,
        roleArn: schedulerRole.roleArn,
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 6 * 3600 },
        deadLetterConfig: { arn: scheduleDeadLetters.queueArn },
      },
    });

    const alarms = new Topic(this, 'Alarms', {
      displayName: 'Sajja monthly job alarms',
      enforceSSL: true,
      masterKey: new Key(this, 'AlarmsKey', {
        enableKeyRotation: true,
        description: 'Sajja monthly alarm topic',
      }),
    });
    for (const [name, queue] of [
      ['WorkerDeadLetters', deadLetters],
      ['ScheduleDeadLetters', scheduleDeadLetters],
    ] as const) {
      new Alarm(this, `${name}Depth`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `a message in ${name}: a group (or the month's run) failed after its retries`,
      }).addAlarmAction(new SnsAction(alarms));
    }

    for (const q of [deadLetters, scheduleDeadLetters])
      Validations.of(q).acknowledge({
        id: 'AwsSolutions::AwsSolutions-SQS3',
        reason: 'This queue is itself a dead-letter queue.',
      });
    for (const s of [googleKey, lineToken])
      Validations.of(s).acknowledge({
        id: 'AwsSolutions::AwsSolutions-SMG4',
        reason:
          'A Google service-account key and a LINE channel token are rotated in their own consoles, then pasted here.',
      });
    for (const f of [this.dispatcher, this.worker])
      Validations.of(f).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'AWSLambdaBasicExecutionRole only lets the function write its own logs.',
      });
  }
}
