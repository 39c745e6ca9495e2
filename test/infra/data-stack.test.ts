import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { sajjaApp } from '../../infra/app.ts';

describe('the data stack (issue 11)', () => {
  const template = Template.fromStack(sajjaApp().data);

  it('keeps the archive table: on demand, point-in-time recovery, deletion protection, retained, TTL for nonces', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'sajja-archive',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: 'expires_at', Enabled: true },
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byMonth',
          KeySchema: [
            { AttributeName: 'GSI1PK', KeyType: 'HASH' },
            { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
          ],
        },
      ],
      Replicas: [
        {
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        },
      ],
    });
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('keeps the groups’ secrets, retained', () => {
    template.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: { Name: 'sajja/group-secrets' },
    });
    expect(Object.keys(template.findResources('AWS::Lambda::Function'))).toEqual([]);
  });

  it('keeps the Google key and LINE token too: a redeploy of the job never waits for a deleted name (issue 18)', () => {
    for (const name of ['sajja/google-service-account', 'sajja/line-channel-token'])
      template.hasResource('AWS::SecretsManager::Secret', {
        DeletionPolicy: 'Retain',
        Properties: { Name: name },
      });
  });
});
