import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ENV } from '../lambdas/env.ts';
import { ALARM_PERIOD, AlarmTopic } from './lib/alarm-topic.ts';
import { SajjaFunction } from './lib/sajja-function.ts';
import { grantTableCalls } from './lib/table-access.ts';

export interface MonthlyStackProps extends StackProps {
  table: TableV2;
  googleKey: Secret;
  lineToken: Secret;
  /** The operator's address for the alarms (CDK context `alarmEmail`). */
  alarmEmail?: string;
  /** The version the functions log (the package's). */
  version: string;
  /** The verified SES identity the reports are sent from (a domain or an address). */
  sesIdentity: string;
  mailFrom: string;
}

/** Sheets API: 60 read requests a minute for one user (the service account). Two reads a group. */
export const WORKERS = 2;
/** Each worker spends at least this long a group: 2 workers × 2 reads / 5 s = 48 reads a minute < 60. */
export const MIN_SECONDS_PER_GROUP = 5;
const WORKER_TIMEOUT = Duration.minutes(5);
/** AWS: a queue's visibility timeout at least six times its function's timeout (retries within a batch). */
export const VISIBILITY = Duration.minutes(30);
/** Receives before a group's message is dead-lettered (AWS: at least five). */
export const MAX_RECEIVES = 5;

/**
 * The calls each function's code makes, on the table: the archive (commits, parts, heads), the
 * registry, the monthly job's records. Exactly these, tied to the SDK commands by a test.
 */
export const TABLE_ACTIONS = {
  dispatcher: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query'],
  worker: [
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:Query',
    'dynamodb:BatchGetItem',
    'dynamodb:BatchWriteItem',
  ],
};

/**
 * The monthly job (SPEC §10): EventBridge Scheduler at 07:00 Asia/Bangkok on the 1st (retries, a
 * dead-letter queue) → the dispatcher → one SQS message per group → the worker (partial batch
 * failures, a dead-letter queue after 3 receives, concurrency sized to the Sheets read quota) →
 * the network report after the last group. Alarms on both dead-letter queues.
 */
export class MonthlyStack extends Stack {
  readonly dispatcher: SajjaFunction;
  readonly worker: SajjaFunction;
  readonly queue: Queue;

  constructor(scope: Construct, id: string, props: MonthlyStackProps) {
    super(scope, id, props);
    const fn = (
      name: string,
      entry: string,
      handler: string,
      timeout: Duration,
      environment: Record<string, string>,
    ) =>
      new SajjaFunction(this, name, {
        entry,
        handler,
        timeout,
        environment: { [ENV.table]: props.table.tableName, [ENV.version]: props.version, ...environment },
      });

    const deadLetters = new Queue(this, 'WorkerDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Groups', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // six times the worker's timeout: a group being worked on is never handed to a second worker,
      // and a temporary failure (a throttle) comes back after a wait
      visibilityTimeout: VISIBILITY,
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: MAX_RECEIVES },
    });
    const { googleKey, lineToken } = props;

    // a failed asynchronous run of the dispatcher (the schedule invokes it so) lands here
    const dispatcherFailures = new Queue(this, 'DispatcherFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.dispatcher = fn('Dispatcher', 'lambdas/monthly/dispatcher.ts', 'dispatcher', Duration.minutes(1), {
      [ENV.queueUrl]: this.queue.queueUrl,
    });
    this.dispatcher.configureAsyncInvoke({
      onFailure: new SqsDestination(dispatcherFailures),
      retryAttempts: 2,
    });
    this.worker = fn('Worker', 'lambdas/monthly/worker.ts', 'worker', WORKER_TIMEOUT, {
      [ENV.mailFrom]: props.mailFrom,
      [ENV.googleKeySecret]: googleKey.secretName,
      [ENV.lineTokenSecret]: lineToken.secretName,
      [ENV.minSecondsPerGroup]: String(MIN_SECONDS_PER_GROUP),
    });
    // two workers at most (the event source's maximum concurrency), each paced: the Sheets API read
    // quota is never exceeded. No reserved concurrency by default: a new account's quota is often 10
    const reserved = this.node.tryGetContext('workerReservedConcurrency');
    if (reserved !== undefined)
      (this.worker.node.defaultChild as CfnFunction).reservedConcurrentExecutions = Number(reserved);
    this.worker.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: WORKERS,
      }),
    );

    // least privilege: the calls each function's code makes, on the table alone (no index is queried)
    // writes only to the job's records (J#) and, for the worker, the archive (G#): never the registry
    grantTableCalls(this.dispatcher, props.table, TABLE_ACTIONS.dispatcher, ['J#*']);
    grantTableCalls(this.worker, props.table, TABLE_ACTIONS.worker, ['G#*', 'J#*']);
    this.queue.grantSendMessages(this.dispatcher);
    googleKey.grantRead(this.worker);
    lineToken.grantRead(this.worker);
    this.worker.addToRolePolicy(
      new PolicyStatement({
        // SESv2 SendEmail, raw content included, is authorised as ses:SendEmail
        actions: ['ses:SendEmail'],
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

    // the network report's deadline check, daily from the 2nd to the 5th at 09:00 in Bangkok
    new CfnSchedule(this, 'NetworkDeadline', {
      description: 'Sajja: the network report goes by its deadline, every group done or not',
      scheduleExpression: 'cron(0 9 2-5 * ? *)',
      scheduleExpressionTimezone: 'Asia/Bangkok',
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: this.dispatcher.functionArn,
        roleArn: schedulerRole.roleArn,
        input: JSON.stringify({ network: true }),
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 6 * 3600 },
        deadLetterConfig: { arn: scheduleDeadLetters.queueArn },
      },
    });

    const alarms = new AlarmTopic(this, 'Alarms', {
      displayName: 'Sajja monthly job alarms',
      keyDescription: 'Sajja monthly alarm topic',
      email: props.alarmEmail,
    });
    for (const [name, queue] of [
      ['WorkerDeadLetters', deadLetters],
      ['ScheduleDeadLetters', scheduleDeadLetters],
      ['DispatcherFailures', dispatcherFailures],
    ] as const)
      alarms.alarmOn(
        `${name}Depth`,
        queue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD }),
        `a message in ${name}: a group (or the month's run) failed after its retries`,
      );
    for (const [name, f] of [
      ['Dispatcher', this.dispatcher],
      ['Worker', this.worker],
    ] as const)
      alarms.alarmOn(
        `${name}Errors`,
        f.metricErrors({ period: ALARM_PERIOD }),
        `Sajja ${name.toLowerCase()} errors`,
      );

    for (const q of [deadLetters, scheduleDeadLetters, dispatcherFailures])
      Validations.of(q).acknowledge({
        id: 'AwsSolutions::AwsSolutions-SQS3',
        reason: 'This queue is itself a dead-letter queue.',
      });
    for (const f of [this.dispatcher, this.worker])
      Validations.of(f).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'AWSLambdaBasicExecutionRole: CreateLogGroup/CreateLogStream/PutLogEvents on any log group; the function has its own log group (SajjaFunction), and the managed policy is what Lambda documents for it.',
      });
  }
}
