import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './api-stack.ts';
import { DataStack } from './data-stack.ts';

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
  const data = new DataStack(app, 'SajjaData', {
    env,
    description: 'Sajja: the archive table and group secrets',
  });
  const api = new ApiStack(app, 'SajjaApi', {
    env,
    description: 'Sajja: the signed API',
    table: data.table,
    groupSecrets: data.groupSecrets,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, data, api };
}

if (import.meta.url === `file://${process.argv[1]}`) sajjaApp().app.synth();
