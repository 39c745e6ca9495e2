import { join } from 'node:path';
import type { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

const ROOT = join(import.meta.dirname, '../..');

export interface SajjaFunctionProps {
  /** The Lambda entry, from the project root (`lambdas/api/index.ts`). */
  entry: string;
  handler: string;
  timeout: Duration;
  environment: Record<string, string>;
  /** Ship a source map (and turn it on): stack traces name the TypeScript lines. */
  sourceMap?: boolean;
  reservedConcurrentExecutions?: number;
}

/**
 * A Sajja Lambda as every stack wants one: Node 24 on ARM64, 1 GiB, its own log group kept three
 * months (`<id>Logs` beside it), bundled by the local esbuild (no Docker) as ESM, the AWS SDK
 * inside (the version the tests ran).
 */
export class SajjaFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: SajjaFunctionProps) {
    super(scope, id, {
      entry: join(ROOT, props.entry),
      handler: props.handler,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: props.timeout,
      ...(props.reservedConcurrentExecutions === undefined
        ? {}
        : { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
      logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.THREE_MONTHS }),
      environment: {
        ...props.environment,
        ...(props.sourceMap ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
      },
      bundling: {
        forceDockerBundling: false,
        minify: true,
        ...(props.sourceMap ? { sourceMap: true } : {}),
        target: 'node24',
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        // the AWS SDK is bundled: the functions run the version the tests ran (package.json), not
        // whatever the runtime ships that month (the API's bundle stays under 1 MB)
        externalModules: [],
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
  }
}
