import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { DynamoStatusStore } from '../adapters/dynamo-status-store.ts';
import { LineMessaging } from '../adapters/line-push.ts';
import { SheetsSource } from '../adapters/sheets-source.ts';
import { runDispatcher } from '../app/monthly/dispatch.ts';
import { ServiceStatusError } from '../app/monthly/errors.ts';
import { InProcessQueue } from '../app/monthly/in-process-queue.ts';
import { maybeSendNetwork } from '../app/monthly/network-report.ts';
import type { StatusItem, WorkbookSource } from '../app/monthly/ports.ts';
import { runWorker, type WorkerDeps } from '../app/monthly/worker.ts';
import {
  type GroupOutcome,
  type MonthlyResult,
  type PlainCell,
  type Registry,
  type RegistryProblem,
  readRegistryItems,
} from '../core/index.ts';
import { type ArchiveConnection, openArchive } from './archive/open-archive.ts';
import { UsageError } from './commands/command.ts';
import { loadWorkbook } from './sources/load-workbook.ts';

export interface MonthlyOptions {
  registryFile: string;
  month: string;
  outbox: string;
  sheetsUrl?: string;
  dataDir?: string;
  inMemory?: boolean;
  resend?: boolean;
  now?: () => number;
  /** Each group as it finishes. */
  progress?: (line: string) => void;
  crashAfterArchive?: WorkerDeps['crashAfterArchive'];
  sleep?: (ms: number) => Promise<void>;
  /**
   * LINE's API base (a stand-in, or https://api.line.me with the channel token in SAJJA_LINE_TOKEN):
   * the messages are pushed there instead of written to the outbox.
   */
  lineUrl?: string;
  /** Sees every DynamoDB command the job sends (the bench counts them). */
  onDynamoCommand?: (name: string) => void;
}

/** What became of the members' LINE statements, on the group's line: who the quota left out, by id. */
function lineSaid(l: StatusItem['line_statements']): string {
  if (!l) return '';
  const out = l.left_out.length;
  return (
    ` · LINE: ส่ง ${l.sent} คน${l.already ? ` (ส่งไปก่อนแล้ว ${l.already})` : ''} / ${l.sent} sent${l.already ? ` (${l.already} before)` : ''}` +
    (out > 0
      ? ` · ไม่ได้ส่ง ${out} คน (โควตา LINE เดือนนี้ไม่พอ): ${l.left_out.join(', ')} / ${out} left out by the month's LINE quota`
      : '')
  );
}

/** Reads and checks the registry (SPEC §10): a bad one is a usage error naming the field. */
export async function readRegistry(
  path: string,
): Promise<{ registry: Registry; problems: RegistryProblem[] }> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError({
      th: `อ่านทะเบียนกลุ่ม ${path} ไม่ได้`,
      en: `cannot read the registry ${path}: ${(error as Error).message}`,
    });
  }
  try {
    return readRegistryItems(json);
  } catch (error) {
    const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
    throw new UsageError({
      th: `ทะเบียนกลุ่มไม่ถูกต้อง: ${issues.map((i) => i.path.join('.')).join(', ')}`,
      en: `the registry does not fit SPEC §10: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    });
  }
}

/** Groups from files (`workbook`, relative to the registry) or from Sheets (`spreadsheet_id`). */
function sources(
  registryFile: string,
  sheetsUrl: string | undefined,
  sleep?: (ms: number) => Promise<void>,
): WorkbookSource {
  const base = dirname(registryFile);
  const sheets = sheetsUrl ? new SheetsSource({ rootUrl: sheetsUrl }, sleep) : undefined;
  return {
    async read(group) {
      if (group.workbook)
        return loadWorkbook(isAbsolute(group.workbook) ? group.workbook : join(base, group.workbook));
      if (!sheets)
        throw new ServiceStatusError(
          'a group on Google Sheets needs --sheets-url locally (or the AWS job)',
          400,
        );
      return sheets.read(group);
    },
    async writeSummary(group, rows: PlainCell[][]) {
      if (group.spreadsheet_id && sheets) await sheets.writeSummary(group, rows);
    },
  };
}

/**
 * The monthly job on one computer (`sajja monthly`): the same dispatcher and worker as on AWS, an
 * in-process queue with SQS's at-least-once delivery, retries and dead letters, emails as `.eml`
 * and LINE messages as JSON in the outbox, the embedded archive.
 */
export async function runMonthly(
  options: MonthlyOptions,
): Promise<MonthlyResult & { dead_letters: string[] }> {
  const { registry, problems } = await readRegistry(options.registryFile);
  for (const p of problems)
    options.progress?.(`✗ ${p.group_id ?? `#${p.index + 1}`} — ${p.reason.th} / ${p.reason.en}`);
  await mkdir(options.outbox, { recursive: true });
  let archive: ArchiveConnection | undefined;
  let networkSentTo: string[] = [];
  try {
    archive = await openArchive({ dataDir: options.dataDir, inMemory: options.inMemory });
    if (options.onDynamoCommand) {
      const seen = options.onDynamoCommand;
      archive.client.middlewareStack.add(
        (next, context) => async (args) => {
          seen(String(context.commandName));
          return next(args);
        },
        { step: 'initialize', name: 'count-commands' },
      );
    }
    const deps: WorkerDeps = {
      registry,
      source: sources(options.registryFile, options.sheetsUrl, options.sleep),
      store: archive.store,
      status: new DynamoStatusStore(archive.client, process.env.SAJJA_TABLE ?? 'sajja-archive'),
      mailer: {
        async send(mail) {
          if (mail.name.startsWith('network-')) networkSentTo = mail.to;
          await writeFile(join(options.outbox, `${mail.name}.eml`), mail.raw);
        },
      },
      line: options.lineUrl
        ? new LineMessaging(async () => process.env.SAJJA_LINE_TOKEN, undefined, options.lineUrl)
        : {
            // the outbox: the request body LINE's push would get, and no monthly limit
            async push(to, text, name, retryKey) {
              await writeFile(
                join(options.outbox, `${name}.line.json`),
                `${JSON.stringify({ to, messages: [{ type: 'text', text }], ...(retryKey ? { retry_key: retryKey } : {}) }, null, 2)}\n`,
              );
            },
            quota: async () => ({ limit: null, used: 0 }),
          },
      from: process.env.SAJJA_MAIL_FROM ?? 'Sajja <sajja@localhost>',
      now: options.now ?? Date.now,
      crashAfterArchive: options.crashAfterArchive,
    };
    const queue = new InProcessQueue(3);
    await runDispatcher(deps, options.month, (job) => queue.send(job), options.resend === true);
    await queue.drain(async (job) => {
      const item = await runWorker(deps, job);
      options.progress?.(
        `${item.status === 'sent' ? '✓' : '✗'} ${item.group_id} ${item.status}${item.error ? ` — ${item.error.th} / ${item.error.en}` : ''}${lineSaid(item.line_statements)}`,
      );
    });
    await maybeSendNetwork(deps, options.month);
    const groups: StatusItem[] = [];
    for (const g of registry.groups) {
      const item = await deps.status.get(g.group_id, options.month);
      groups.push(
        item ?? {
          group_id: g.group_id,
          month: options.month,
          status: 'failed',
          errors: 0,
          warnings: 0,
          snapshot: null,
          sent_to: [],
          error: { th: 'ทำซ้ำแล้วไม่สำเร็จ', en: 'failed after retries' },
        },
      );
    }
    return {
      month: options.month,
      groups: groups.map((g): GroupOutcome => {
        const { month: _month, ...outcome } = g;
        return outcome;
      }),
      network: { sent_to: networkSentTo },
      ...(problems.length > 0 ? { invalid: problems } : {}),
      dead_letters: queue.deadLetters.map((d) => `${d.job.group_id}: ${d.error}`),
    };
  } finally {
    await archive?.close();
  }
}
