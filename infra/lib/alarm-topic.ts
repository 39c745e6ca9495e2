import { CfnOutput, Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

/**
 * An SNS topic for a stack's alarms, encrypted with its own rotating key (`<id>Key` beside it),
 * SSL only. CloudWatch may use the key (without it, an alarm cannot publish to an encrypted topic
 * and reaches no one); the operator's address (CDK context `alarmEmail`) is subscribed; the
 * topic's ARN is an output. `alarmOn` raises an alarm on it when a metric reaches a threshold in
 * five minutes.
 */
export class AlarmTopic extends Topic {
  constructor(
    private readonly scope: Construct,
    id: string,
    props: { displayName: string; keyDescription: string; email?: string },
  ) {
    const key = new Key(scope, `${id}Key`, { enableKeyRotation: true, description: props.keyDescription });
    // AWS: "CloudWatch alarm actions to encrypted SNS topics" need kms:Decrypt and GenerateDataKey*
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    super(scope, id, { displayName: props.displayName, enforceSSL: true, masterKey: key });
    if (props.email) this.addSubscription(new EmailSubscription(props.email));
    new CfnOutput(scope, `${id}Arn`, {
      value: this.topicArn,
      description: `${props.displayName}: subscribe to it (the alarmEmail context subscribes one address)`,
    });
  }

  /** An alarm at `threshold` occurrences of `metric` in five minutes (the first, by default), sent to this topic. */
  alarmOn(id: string, metric: IMetric, description: string, threshold = 1): Alarm {
    const alarm = new Alarm(this.scope, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new SnsAction(this));
    return alarm;
  }
}

/** The period the alarms' metrics are read over. */
export const ALARM_PERIOD = Duration.minutes(5);
