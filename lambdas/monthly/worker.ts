import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { auth } from '@googleapis/sheets';
import { DynamoArchiveStore } from '../../adapters/dynamo-archive-store.ts';
import { DynamoStatusStore } from '../../adapters/dynamo-status-store.ts';
import { googleAuthOptions } from '../../adapters/google-auth-options.ts';
import { LineMessaging, tokenFromSecret } from '../../adapters/line-push.ts';
import { registryFromTable } from '../../adapters/registry-table.ts';
import { SesMailer } from '../../adapters/ses-mailer.ts';
import { SheetsSource } from '../../adapters/sheets-source.ts';
import type { WorkerDeps } from '../../app/monthly/worker.ts';
import { ENV } from '../env.ts';
import { googleCredentials, keepSetup, makeWorker } from './handlers.ts';

/**
 * The monthly job's worker Lambda (the CDK app's MonthlyStack): one group's month per SQS message.
 * Clients made once per container; the registry and status in the archive table, the Google
 * service account's key and the LINE token in Secrets Manager. The dispatcher is its own entry
 * (dispatcher.ts), so it loads none of this.
 */
const table = process.env[ENV.table] ?? 'sajja-archive';
const dynamo = new DynamoDBClient({});
const secrets = new SecretsManagerClient({});
async function workerDeps(): Promise<WorkerDeps> {
  const secretName = process.env[ENV.googleKeySecret] ?? 'sajja/google-service-account';
  const key = await secrets.send(new GetSecretValueCommand({ SecretId: secretName }));
  const credentials = googleCredentials(key.SecretString, secretName);
  // the token request has the same limits as the Sheets calls, and may be pointed at a stand-in
  const google = new auth.GoogleAuth(
    googleAuthOptions(credentials, { tokenUrl: process.env[ENV.googleTokenUrl] || undefined }),
  );
  const sheets = new SheetsSource({
    auth: google,
    ...(process.env[ENV.sheetsUrl] ? { rootUrl: process.env[ENV.sheetsUrl] } : {}),
  });
  return {
    registry: await registryFromTable(dynamo, table),
    source: { read: (g) => sheets.read(g), writeSummary: (g, rows) => sheets.writeSummary(g, rows) },
    store: new DynamoArchiveStore(dynamo, { tableName: table }),
    status: new DynamoStatusStore(dynamo, table),
    mailer: new SesMailer(new SESv2Client({}), process.env[ENV.mailFrom] ?? 'sajja@example.org'),
    line: new LineMessaging(
      tokenFromSecret(secrets, process.env[ENV.lineTokenSecret] ?? 'sajja/line-channel-token'),
      undefined,
      process.env[ENV.lineUrl] || undefined,
    ),
    from: process.env[ENV.mailFrom] ?? 'sajja@example.org',
    now: Date.now,
  };
}

export const worker = makeWorker(keepSetup(workerDeps), {
  minMillisPerGroup: Number(process.env[ENV.minSecondsPerGroup] ?? 5) * 1000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});
