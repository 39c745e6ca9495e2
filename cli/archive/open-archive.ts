import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { archiveTableDefinition, DEFAULT_TABLE } from '../../adapters/archive-table.ts';
import { DynamoArchiveStore } from '../../adapters/dynamo-archive-store.ts';

export interface ArchiveConnection {
  store: DynamoArchiveStore;
  client: DynamoDBClient;
  endpoint: string;
  /** Stops the embedded engine, if one was started. */
  close(): Promise<void>;
}

export interface ArchiveOptions {
  /** Real DynamoDB (or any compatible endpoint); credentials and region from the usual AWS environment. */
  endpoint?: string;
  /** Where the embedded engine keeps its data (default: the user's data folder, see dataDirOf). */
  dataDir?: string;
  tableName?: string;
  /** Keep the embedded engine's data in memory only (tests). */
  inMemory?: boolean;
}

/**
 * The data folder: --data-dir, else SAJJA_DATA_DIR, else the user's data folder
 * (`$XDG_DATA_HOME/sajja`, by default `~/.local/share/sajja`) — never the working folder, so the
 * archive is the same wherever the command is run from.
 */
export function dataDirOf(option?: string): string {
  if (option) return option;
  if (process.env.SAJJA_DATA_DIR) return process.env.SAJJA_DATA_DIR;
  const dataHome = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'sajja');
}

/**
 * Opens the archive: the given endpoint, or an embedded DynamoDB-compatible engine (dynalite,
 * persistent in LevelDB under the data folder) started in-process. Creates the table if missing.
 */
export async function openArchive(options: ArchiveOptions = {}): Promise<ArchiveConnection> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const tableName = options.tableName ?? process.env.SAJJA_TABLE ?? DEFAULT_TABLE;
  let endpoint = options.endpoint;
  let stop = async () => {};
  if (!endpoint) {
    const { default: dynalite } = await import('dynalite');
    let path: string | undefined;
    if (!options.inMemory) {
      path = join(dataDirOf(options.dataDir), 'dynamo');
      mkdirSync(path, { recursive: true });
    }
    const server = dynalite({
      createTableMs: 0,
      deleteTableMs: 0,
      updateTableMs: 0,
      ...(path ? { path } : {}),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stop = () => new Promise((resolve) => server.close(() => resolve()));
  }
  const embedded = !options.endpoint;
  const client = new DynamoDBClient({
    endpoint,
    ...(embedded ? { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  await ensureTable(client, tableName);
  return {
    store: new DynamoArchiveStore(client, { tableName }),
    client,
    endpoint,
    async close() {
      client.destroy();
      await stop();
    },
  };
}

async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(new CreateTableCommand(archiveTableDefinition(tableName)));
    for (let i = 0; i < 100; i++) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (Table?.TableStatus === 'ACTIVE') return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
