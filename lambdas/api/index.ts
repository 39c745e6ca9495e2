import { createHash, createHmac } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoArchiveStore } from '../../adapters/dynamo-archive-store.ts';
import { DynamoNonceStore } from '../../adapters/dynamo-nonce-store.ts';
import { SecretsManagerSecrets } from '../../adapters/secrets-manager-secrets.ts';
import { makeHandler } from '../../app/api/handler.ts';
import { ENV } from '../env.ts';

/**
 * The API's Lambda entry: the table and the secret named by the environment the CDK app sets
 * (TABLE_NAME, SECRET_ID), clients made once per container, and the one handler.
 */
const table = process.env[ENV.table] ?? 'sajja-archive';
const dynamo = new DynamoDBClient({});
export const handler = makeHandler({
  store: new DynamoArchiveStore(dynamo, { tableName: table }),
  nonces: new DynamoNonceStore(dynamo, table),
  secrets: new SecretsManagerSecrets(
    new SecretsManagerClient({}),
    process.env[ENV.groupSecrets] ?? 'sajja/group-secrets',
  ),
  now: Date.now,
  log: (entry) =>
    console.log(JSON.stringify({ timestamp: new Date().toISOString(), service: 'sajja-api', ...entry })),
  version: process.env[ENV.version] ?? '0.1.0',
  sha256Hex: (bytes) => createHash('sha256').update(bytes).digest('hex'),
  hmacHex: (key, message) => createHmac('sha256', key).update(message).digest('hex'),
});
