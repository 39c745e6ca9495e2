import { Annotations, App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './api-stack.ts';
import { DataStack } from './data-stack.ts';
import { MonthlyStack } from './monthly-stack.ts';
import { VERSION } from './version.ts';

/**
 * The CDK app: every AWS part of Sajja. Synthesises offline (no lookups); account and region come
 * from the usual environment or context when deploying. The monthly job adds its stack here.
 */
export function sajjaApp(
  app = new App({
    // the API stack reads the table and secret of the data stack: references kept strong, said so
    context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong' },
  }),
) {
  const env =
    process.env.CDK_DEFAULT_ACCOUNT && process.env.CDK_DEFAULT_REGION
      ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION }
      : undefined;
  const alarmEmail = app.node.tryGetContext('alarmEmail') as string | undefined;
  const data = new DataStack(app, 'SajjaData', {
    env,
    description: 'Sajja: the archive table and group secrets',
  });
  const api = new ApiStack(app, 'SajjaApi', {
    env,
    description: 'Sajja: the signed API',
    table: data.table,
    groupSecrets: data.groupSecrets,
    alarmEmail,
    concurrency: app.node.tryGetContext('apiReservedConcurrency'),
  });
  const monthly = new MonthlyStack(app, 'SajjaMonthly', {
    env,
    description: 'Sajja: the monthly job (schedule, queue, workers)',
    table: data.table,
    googleKey: data.googleKey,
    lineToken: data.lineToken,
    alarmEmail,
    version: VERSION,
    sesIdentity: app.node.tryGetContext('sesIdentity') ?? 'example.org',
    mailFrom: app.node.tryGetContext('mailFrom') ?? 'sajja@example.org',
  });
  // the reports' sender is the group network's own: never a silent example.org on a real account
  if (app.node.tryGetContext('sesIdentity') === undefined || app.node.tryGetContext('mailFrom') === undefined)
    Annotations.of(monthly).addError(
      'the monthly job needs its sender: cdk deploy -c sesIdentity=<your verified SES domain or address> -c mailFrom=<address at it> (README: The API and AWS)',
    );
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, data, api, monthly };
}

if (import.meta.url === `file://${process.argv[1]}`) sajjaApp().app.synth();
