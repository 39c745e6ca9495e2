import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { BY_MONTH_INDEX } from '../adapters/archive-table.ts';
import { ENV } from '../lambdas/env.ts';
import { ALARM_PERIOD, AlarmTopic } from './lib/alarm-topic.ts';
import { SajjaFunction } from './lib/sajja-function.ts';

export interface MonthlyStackProps extends StackProps {
  table: TableV2;
  /** The verified SES identity the reports are sent from (a domain or an address). */
  sesIdentity: string;
  mailFrom: string;
}

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
  readonly dispatcher: SajjaFunction;
  readonly worker: SajjaFunction;
  readonly queue: Queue;

  constructor(scope: Construct, id: string, props: MonthlyStackProps) {
    super(scope, id, props);
    const fn = (name: string, handler: string, timeout: Duration, environment: Record<string, string>) =>
      new SajjaFunction(this, name, {
        entry: 'lambdas/monthly/index.ts',
        handler,
        timeout,
        environment: { [ENV.table]: props.table.tableName, ...environment },
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
          resources: [props.table.tableArn, `${props.table.tableArn}/index/${BY_MONTH_INDEX}`],
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

    const alarms = new AlarmTopic(this, 'Alarms', {
      displayName: 'Sajja monthly job alarms',
      keyDescription: 'Sajja monthly alarm topic',
    });
    for (const [name, queue] of [
      ['WorkerDeadLetters', deadLetters],
      ['ScheduleDeadLetters', scheduleDeadLetters],
    ] as const)
      alarms.alarmOn(
        `${name}Depth`,
        queue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD }),
        `a message in ${name}: a group (or the month's run) failed after its retries`,
      );

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
