import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { archiveTableDefinition, DEFAULT_TABLE } from '../../adapters/archive-table.ts';
import { DynamoArchiveStore } from '../../adapters/dynamo-archive-store.ts';
import { CliError } from '../commands/command.ts';
import { dataDirOf } from './data-dir.ts';

export { dataDirOf };

export interface ArchiveConnection {
  store: DynamoArchiveStore;
  client: DynamoDBClient;
  endpoint: string;
  /** Stops the embedded engine and lets go of the data folder, if one was opened. */
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
  /** How long to wait for another sajja using the same data folder (default 10 s). */
  lockWaitMs?: number;
  /**
   * Let other sajja commands on the same data folder in while this one runs (`sajja serve`): the
   * lock file names this process's embedded engine, and they reach the same store through it.
   */
  share?: boolean;
}

/** The archive cannot be used: busy, damaged, unreachable. Exit 2, with what to do. */
export class ArchiveUnavailableError extends CliError {
  override name = 'ArchiveUnavailableError';
}

/** Connect and request timeouts for a real endpoint: a server that never answers does not hang us. */
const CONNECT_TIMEOUT_MS = Number(process.env.SAJJA_CONNECT_TIMEOUT_MS ?? 5_000);
const REQUEST_TIMEOUT_MS = Number(process.env.SAJJA_REQUEST_TIMEOUT_MS ?? 30_000);
const MAX_ATTEMPTS = 3;

/**
 * Opens the archive: the given endpoint, or an embedded DynamoDB-compatible engine (dynalite,
 * persistent in LevelDB under the data folder) started in-process. An existing store is opened,
 * never re-created: one that cannot be opened is reported as damaged (its files are left alone).
 * One sajja at a time uses a data folder: another waits for it (a bounded time), then says the
 * archive is busy. Creates the table if missing. Every failure closes what was opened.
 */
export async function openArchive(options: ArchiveOptions = {}): Promise<ArchiveConnection> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const tableName = options.tableName ?? process.env.SAJJA_TABLE ?? DEFAULT_TABLE;
  let endpoint = options.endpoint;
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
  };
  try {
    let path: string | undefined;
    let lock: Lock | undefined;
    if (!endpoint) {
      if (!options.inMemory) {
        const dataDir = dataDirOf(options.dataDir);
        path = join(dataDir, 'dynamo');
        await makeDataDir(path);
        const held = await lockDataDir(
          dataDir,
          options.lockWaitMs ?? Number(process.env.SAJJA_LOCK_WAIT_MS ?? 10_000),
        );
        if ('shared' in held) {
          // a running sajja serve holds the folder: use its engine, the same store
          endpoint = held.shared;
        } else {
          lock = held;
          closers.push(held.release);
          await checkNotDamaged(path);
        }
      }
    }
    if (!endpoint) {
      const { default: dynalite } = await import('dynalite');
      const server = dynalite({
        createTableMs: 0,
        deleteTableMs: 0,
        updateTableMs: 0,
        ...(path ? { path } : {}),
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
      endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      closers.push(() => new Promise((resolve) => server.close(() => resolve())));
      if (options.share && lock) await lock.advertise(endpoint);
    }
    // the engine is ours or a running serve's: local either way, with local credentials
    const embedded = !options.endpoint;
    const client = new DynamoDBClient({
      endpoint,
      maxAttempts: MAX_ATTEMPTS,
      requestHandler: {
        connectionTimeout: CONNECT_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
        throwOnRequestTimeout: true,
      },
      ...(embedded
        ? { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
    closers.push(async () => client.destroy());
    await ensureTable(client, tableName).catch((error) => {
      throw unreachable(endpoint!, error);
    });
    return {
      store: new DynamoArchiveStore(client, { tableName }),
      client,
      endpoint: endpoint!,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * The data folder (when this makes it) and the engine's folder, readable by this user only (0700):
 * the archive holds names and amounts. An engine folder an older version made 0755 is tightened;
 * files the engine makes from now on are 0600 (the process's umask).
 */
async function makeDataDir(path: string): Promise<void> {
  try {
    tightenUmask();
    await mkdir(path, { recursive: true, mode: 0o700 });
    // only the engine's own folder is tightened: a --data-dir the user named may be any folder of theirs
    await chmod(path, 0o700).catch(() => {});
    for (const file of readdirSync(path)) await chmod(join(path, file), 0o600).catch(() => {});
  } catch (error) {
    throw new ArchiveUnavailableError('archive_unavailable', {
      th: `สร้างโฟลเดอร์คลังข้อมูล ${path} ไม่ได้ (${(error as NodeJS.ErrnoException).code ?? 'error'}) — ตรวจ --data-dir และสิทธิ์การเขียน`,
      en: `cannot create the archive folder ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}) — check --data-dir and write permission`,
    });
  }
}

/** Files made from now on are this user's only (a worker thread may not set the umask: the folder still is). */
function tightenUmask(): void {
  try {
    process.umask(process.umask() | 0o077);
  } catch {
    // the 0700 folder keeps others out
  }
}

/** The data folder held by this process: let it go, or name the engine others may use. */
interface Lock {
  release(): Promise<void>;
  advertise(endpoint: string): Promise<void>;
}

/** What the lock file says: the holder's pid, and the engine it shares (`sajja serve`), if any. */
function lockHolder(text: string): { pid: number; endpoint?: string } {
  try {
    const json = JSON.parse(text) as { pid?: unknown; endpoint?: unknown };
    if (typeof json === 'number') return { pid: json };
    const endpoint =
      typeof json.endpoint === 'string' && /^http:\/\/127\.0\.0\.1:\d+$/.test(json.endpoint)
        ? json.endpoint
        : undefined;
    return { pid: Number(json.pid), ...(endpoint ? { endpoint } : {}) };
  } catch {
    return { pid: Number(text) };
  }
}

/**
 * Holds `sajja.lock` in the data folder while the archive is open (written exclusively, with this
 * process's id). A running `sajja serve` also writes its engine's local endpoint there: another
 * sajja then uses that engine (the same store, over DynamoDB's protocol) instead of waiting.
 * Otherwise another sajja waits up to `waitMs`, then the archive is busy; a lock left by a process
 * that no longer runs is taken over.
 */
async function lockDataDir(dataDir: string, waitMs: number): Promise<Lock | { shared: string }> {
  const file = join(dataDir, 'sajja.lock');
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(JSON.stringify({ pid: process.pid }));
      await handle.close();
      return {
        release: () => rm(file, { force: true }),
        advertise: (endpoint) => writeFile(file, JSON.stringify({ pid: process.pid, endpoint })),
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST')
        throw new ArchiveUnavailableError('archive_unavailable', {
          th: `ใช้คลังข้อมูลที่ ${dataDir} ไม่ได้ (${code}) — ตรวจสิทธิ์การเขียนและพื้นที่ดิสก์`,
          en: `cannot use the archive at ${dataDir} (${code ?? (error as Error).message}) — check write permission and disk space`,
        });
      const holder = lockHolder(await readFile(file, 'utf8').catch(() => ''));
      if (Number.isInteger(holder.pid) && holder.pid > 0 && !alive(holder.pid)) {
        await rm(file, { force: true }); // left by a process that died
        continue;
      }
      if (holder.endpoint && (await answers(holder.endpoint))) return { shared: holder.endpoint };
      if (Date.now() >= deadline)
        throw new ArchiveUnavailableError('archive_busy', {
          th: `คลังข้อมูลที่ ${dataDir} กำลังถูกใช้โดย sajja อีกตัว (pid ${holder.pid || '?'}) — ลองใหม่เมื่อเสร็จ`,
          en: `the archive at ${dataDir} is busy: another sajja (pid ${holder.pid || '?'}) is using it — try again when it is done`,
        });
      await new Promise((resolve) => setTimeout(resolve, Math.min(500, 50 * 2 ** attempt)));
    }
  }
}

/** Whether a shared engine still answers (a serve that is stopping does not). */
async function answers(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A LevelDB folder with files but no `CURRENT` (or one that will not open) is damaged: LevelDB
 * would start a new, empty store there and delete the old files. Refuse, and leave them alone.
 */
async function checkNotDamaged(path: string): Promise<void> {
  const files = existsSync(path) ? readdirSync(path) : [];
  if (files.length === 0) return;
  const damaged = (why: string) =>
    new ArchiveUnavailableError('archive_damaged', {
      th: `คลังข้อมูลที่ ${path} เสียหาย (${why}) — ไม่ได้แก้ไขหรือลบอะไร: กู้จากสำเนา หรือย้ายโฟลเดอร์ออกแล้วเก็บเดือนใหม่`,
      en: `the archive at ${path} is damaged (${why}) — nothing was changed or deleted: restore it from a copy, or move the folder away and archive again`,
    });
  if (!files.includes('CURRENT')) throw damaged('CURRENT is missing');
  const { ClassicLevel } = await import('classic-level');
  const db = new ClassicLevel(path, { createIfMissing: false });
  try {
    await db.open({ createIfMissing: false, passive: false });
  } catch (error) {
    const cause = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
    throw damaged(cause.slice(0, 200));
  } finally {
    await db.close().catch(() => {});
  }
}

/** A real endpoint that cannot be reached or used, in one line (no region, refused, timed out). */
function unreachable(endpoint: string, error: unknown): Error {
  if (error instanceof CliError) return error;
  const message = (error as Error).message ?? String(error);
  const code =
    (error as { code?: string; name?: string }).code ?? (error as { name?: string }).name ?? 'error';
  return new ArchiveUnavailableError('archive_unavailable', {
    th: `ติดต่อคลังข้อมูลที่ ${endpoint} ไม่ได้ (${code}: ${message.slice(0, 160)}) — ตรวจ --endpoint, AWS_REGION และสิทธิ์`,
    en: `cannot reach the archive at ${endpoint} (${code}: ${message.slice(0, 160)}) — check --endpoint, AWS_REGION and credentials`,
  });
}

async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  try {
    await client.send(new CreateTableCommand(archiveTableDefinition(tableName)));
  } catch (error) {
    // another process created it first (concurrent first use): wait for it like our own
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (let i = 0; i < 100; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
