import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { sajjaApp } from '../../infra/app.ts';

/** Issue 18, point 9: an alarm that reaches no one is no alarm. */
describe('the alarms reach someone', () => {
  const { api, monthly } = sajjaApp(
    new App({
      context: {
        '@aws-cdk/core:defaultCrossStackReferences': 'strong',
        alarmEmail: 'ops@example.org',
        workerReservedConcurrency: 2,
      },
    }),
  );

  it.each([
    ['api', api],
    ['monthly', monthly],
  ])(
    '%s: CloudWatch may use the topic’s key, the operator is subscribed, the topic ARN is an output',
    (_name, stack) => {
      const template = Template.fromStack(stack);
      const keys = Object.values(template.findResources('AWS::KMS::Key'));
      expect(keys).toHaveLength(1);
      const statements = (keys[0] as { Properties: { KeyPolicy: { Statement: unknown[] } } }).Properties
        .KeyPolicy.Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Effect: 'Allow',
        }),
      );
      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: 'ops@example.org',
      });
      expect(Object.keys(template.findOutputs('*')).some((k) => k.startsWith('AlarmsArn'))).toBe(true);
    },
  );

  it('reserves worker concurrency only when the context asks', () => {
    Template.fromStack(monthly).hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.worker',
      ReservedConcurrentExecutions: 2,
    });
    Template.fromStack(api).hasResourceProperties('AWS::Lambda::Function', {
      ReservedConcurrentExecutions: Match.absent(),
    });
  });
});
