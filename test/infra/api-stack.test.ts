import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { sajjaApp } from '../../infra/app.ts';

describe('the API stack (issue 11)', () => {
  const template = Template.fromStack(sajjaApp().api);

  it('runs the API on Node 24, ARM64, logs kept three months; reserved concurrency only when asked (issue 18)', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      ReservedConcurrentExecutions: Match.absent(),
      Handler: 'index.handler',
      Environment: {
        Variables: Match.objectLike({ TABLE_NAME: Match.anyValue(), SECRET_ID: Match.anyValue() }),
      },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('answers on a Function URL with auth NONE: the handler verifies every signature', () => {
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE' });
  });

  it('grants least privilege: the table and its one index, and reading the group secrets', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    const statements = Object.values(policies).flatMap(
      (p) =>
        (
          p as {
            Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
          }
        ).Properties.PolicyDocument.Statement,
    );
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query', 'secretsmanager:GetSecretValue']),
    );
    expect(actions.some((a) => a.endsWith('*'))).toBe(false);
    expect(actions).not.toContain('dynamodb:DeleteItem');
    expect(JSON.stringify(statements)).not.toContain('index/*');
  });

  it('alarms on errors and throttles to an encrypted SNS topic', () => {
    for (const metric of ['Errors', 'Throttles'])
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: metric,
        Namespace: 'AWS/Lambda',
        Threshold: 1,
        AlarmActions: [Match.anyValue()],
      });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });

  it('alarms on a surge of refused signatures, counted from the JSON logs (issue 18)', () => {
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.status = 401 }',
      MetricTransformations: [Match.objectLike({ MetricNamespace: 'Sajja/Api', MetricName: 'Unauthorized' })],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Unauthorized', Threshold: 100 });
  });
});
