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

  it('queues one message a group: a dead-letter queue after 3 receives, visibility above the worker’s timeout', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 360,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 3 },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.worker',
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
        'ses:SendRawEmail',
        'secretsmanager:GetSecretValue',
        'sqs:SendMessage',
        'lambda:InvokeFunction',
      ]),
    );
    expect(JSON.stringify(statements)).toContain(':identity/example.org');
  });

  it('alarms when a dead-letter queue holds a message', () => {
    const alarms = template.findResources('AWS::CloudWatch::Alarm', {
      Properties: { MetricName: 'ApproximateNumberOfMessagesVisible', Namespace: 'AWS/SQS', Threshold: 1 },
    });
    expect(Object.keys(alarms)).toHaveLength(2);
  });
});
