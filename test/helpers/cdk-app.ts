import { App } from 'aws-cdk-lib';
import { sajjaApp } from '../../infra/app.ts';

/** The CDK app as a deploy would make it: with the monthly job's SES sender in context. */
export function deployableApp(context: Record<string, unknown> = {}) {
  return sajjaApp(
    new App({
      context: {
        '@aws-cdk/core:defaultCrossStackReferences': 'strong',
        sesIdentity: 'example.org',
        mailFrom: 'sajja@example.org',
        ...context,
      },
    }),
  );
}
