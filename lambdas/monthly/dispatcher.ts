import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoStatusStore } from '../../adapters/dynamo-status-store.ts';
import { registryFromTable } from '../../adapters/registry-table.ts';
import { SqsJobs } from '../../adapters/sqs-jobs.ts';
import { ENV } from '../env.ts';
import { makeDispatcher } from './make-dispatcher.ts';

/**
 * The monthly job's dispatcher Lambda: EventBridge Scheduler starts it on the 1st (one SQS message
 * per enabled group) and on the days after (`{"network": true}`: the network report's deadline
 * check). It reads the registry and writes statuses and messages; it loads no report or sheet code.
 */
const table = process.env[ENV.table] ?? 'sajja-archive';
const dynamo = new DynamoDBClient({});
const jobs = new SqsJobs(new SQSClient({}), process.env[ENV.queueUrl] ?? '');
export const dispatcher = makeDispatcher({
  worker: async () => ({
    registry: await registryFromTable(dynamo, table),
    status: new DynamoStatusStore(dynamo, table),
  }),
  send: (job) => jobs.send(job),
  flush: () => jobs.flush(),
  now: Date.now,
});
