import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/**
 * An SNS topic for a stack's alarms, encrypted with its own rotating key (`<id>Key` beside it),
 * SSL only; `alarmOn` raises an alarm on it when a metric reaches 1 in five minutes.
 */
export class AlarmTopic extends Topic {
  constructor(
    private readonly scope: Construct,
    id: string,
    props: { displayName: string; keyDescription: string },
  ) {
    super(scope, id, {
      displayName: props.displayName,
      enforceSSL: true,
      masterKey: new Key(scope, `${id}Key`, { enableKeyRotation: true, description: props.keyDescription }),
    });
  }

  /** An alarm at the first occurrence of `metric` in five minutes, sent to this topic. */
  alarmOn(id: string, metric: IMetric, description: string): Alarm {
    const alarm = new Alarm(this.scope, id, {
      metric,
      threshold: 1,
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
