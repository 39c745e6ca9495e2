import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { sajjaApp } from '../../infra/app.ts';
import { MIN_SECONDS_PER_GROUP, WORKERS } from '../../infra/monthly-stack.ts';

describe('the monthly job’s stack (issue 12)', () => {
  const template = Template.fromStack(sajjaApp().monthly);

  it('starts at 07:00 Asia/Bangkok on the 1st, with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 1 * ? *)',
      ScheduleExpressionTimezone: 'Asia/Bangkok',
      Target: Match.objectLike({
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 21_600 },
        DeadLetterConfig: { Arn: Match.anyValue() },
      }),
    });
  });

  it('queues one message a group: dead-lettered after 5 receives, visibility 6× the worker’s timeout (issue 18)', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 1800,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.worker',
      ReservedConcurrentExecutions: Match.absent(),
      Timeout: 300,
      Runtime: 'nodejs24.x',
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: WORKERS },
    });
    // the Sheets read quota: 60 a minute for the service account; two reads a group
    expect((WORKERS * 2 * 60) / MIN_SECONDS_PER_GROUP).toBeLessThanOrEqual(60);
  });

  it('grants sending through the SES identity and reading the Google key and the LINE token', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) =>
        (
          p as {
            Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
          }
        ).Properties.PolicyDocument.Statement,
    );
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).toEqual(
      expect.arrayContaining([
        'ses:SendEmail',
        'secretsmanager:GetSecretValue',
        'sqs:SendMessage',
        'lambda:InvokeFunction',
      ]),
    );
    expect(JSON.stringify(statements)).toContain(':identity/example.org');
    expect(actions).not.toContain('ses:SendRawEmail');
  });

  it('alarms when a dead-letter queue holds a message', () => {
    const alarms = template.findResources('AWS::CloudWatch::Alarm', {
      Properties: { MetricName: 'ApproximateNumberOfMessagesVisible', Namespace: 'AWS/SQS', Threshold: 1 },
    });
    expect(Object.keys(alarms)).toHaveLength(3);
  });

  it('sends a failed dispatcher run somewhere, alarms on every function’s errors, and checks the network deadline daily (issue 18)', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      MaximumRetryAttempts: 2,
    });
    const errors = template.findResources('AWS::CloudWatch::Alarm', {
      Properties: { MetricName: 'Errors', Namespace: 'AWS/Lambda' },
    });
    expect(Object.keys(errors)).toHaveLength(2);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 9 2-5 * ? *)',
      ScheduleExpressionTimezone: 'Asia/Bangkok',
      Target: Match.objectLike({ Input: JSON.stringify({ network: true }) }),
    });
    // the dispatcher is its own entry: it does not load the worker's bundle
    const handlers = Object.values(template.findResources('AWS::Lambda::Function')).map(
      (f) => (f as { Properties: { Handler: string } }).Properties.Handler,
    );
    expect(handlers.sort()).toEqual(['index.dispatcher', 'index.worker']);
  });
});
