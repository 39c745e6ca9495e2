import {
  type ArchiveStore,
  archiveMonth,
  checkBooks,
  checkForSnapshot,
  DEFAULT_ZONE,
  dayIn,
  formatBaht,
  groupReportData,
  groupReportText,
  networkReportOfRows,
  networkReportText,
  networkRow,
  type Registry,
  type RegistryGroup,
  renderGroupReport,
  renderNetworkReport,
  snapshot,
  summarise,
  summaryTabRows,
  thaiMonth,
  verifyChain,
} from '../../core/index.ts';
import { composeMail } from './compose-mail.ts';
import type { GroupJob, LinePush, Mailer, StatusItem, StatusStore, WorkbookSource } from './ports.ts';

/** What the worker needs, passed in: the same code on AWS (SQS) and in `sajja monthly` (in-process). */
export interface WorkerDeps {
  registry: Registry;
  source: WorkbookSource;
  store: ArchiveStore;
  status: StatusStore;
  mailer: Mailer;
  line: LinePush;
  /** The sender's address (a verified SES identity on AWS). */
  from: string;
  now: () => number;
  /** A crash injected after archiving, before sending (tests of at-least-once delivery). */
  crashAfterArchive?: (group: string) => boolean;
}

/** Why a group failed, in Thai and English, from what went wrong (a sheet not shared, a bad file…). */
function reasonOf(error: unknown): { th: string; en: string } {
  const status = Number((error as { status?: unknown }).status ?? (error as { code?: unknown }).code);
  if (status === 403)
    return {
      th: 'อ่าน Google Sheet ไม่ได้: ยังไม่ได้แชร์ให้บัญชีบริการของ Sajja',
      en: "cannot read the Google Sheet: it is not shared with Sajja's service account",
    };
  if (status === 404) return { th: 'ไม่พบ Google Sheet นี้', en: 'no such Google Sheet' };
  const message = (error as Error)?.message ?? String(error);
  return { th: `ทำงานไม่สำเร็จ: ${message.slice(0, 200)}`, en: `failed: ${message.slice(0, 200)}` };
}

/**
 * One group's month (SPEC §10): read, check as of today, archive as of the month's end, write the
 * summary tab, send the report, record the status. Safe to run again: a finished month sends
 * nothing (unless resend), a re-run never makes a second snapshot. A failure is recorded as the
 * group's `failed` status; an error thrown is a crash the queue will retry.
 */
export async function runWorker(deps: WorkerDeps, job: GroupJob): Promise<StatusItem> {
  const group = deps.registry.groups.find((g) => g.group_id === job.group_id);
  if (!group) throw new Error(`no group ${job.group_id} in the registry`);
  const known = await deps.status.get(group.group_id, job.month);
  if (known?.status === 'sent' && !job.resend) return known;
  let item: StatusItem;
  try {
    item = await processGroup(deps, group, job);
  } catch (error) {
    if (error instanceof CrashInjected) throw error;
    item = {
      group_id: group.group_id,
      month: job.month,
      status: 'failed',
      errors: 0,
      warnings: 0,
      snapshot: null,
      sent_to: [],
      error: reasonOf(error),
    };
  }
  await deps.status.put(item);
  await maybeSendNetwork(deps, job.month);
  return item;
}

class CrashInjected extends Error {}

async function processGroup(deps: WorkerDeps, group: RegistryGroup, job: GroupJob): Promise<StatusItem> {
  const workbook = await deps.source.read(group);
  const now = deps.now();
  const checked = checkBooks(workbook, { asOf: (zone) => dayIn(zone, now) });
  if (checked.book.settings.group_id !== group.group_id)
    throw new Error(`the workbook belongs to "${checked.book.settings.group_id}", not ${group.group_id}`);
  const archived = await archiveMonth(
    deps.store,
    snapshot(checkForSnapshot(workbook, job.month), job.month),
    new Date(now).toISOString(),
  );
  if (deps.crashAfterArchive?.(group.group_id))
    throw new CrashInjected(`crash injected after archiving ${group.group_id}`);
  const head = (await verifyChain(deps.store, group.group_id)).head_hash ?? archived.commit.hash;
  const note = { version: archived.commit.version, hash: archived.commit.hash, head_hash: head };
  const today = dayIn(checked.book.settings.timezone, now);
  await deps.source.writeSummary(group, summaryTabRows(summarise(checked, job.month), note, today));
  const report = groupReportData(checked, job.month, today, note);
  const to = [...new Set([...group.coordinators, ...(group.treasurer ? [group.treasurer] : [])])];
  if (to.length > 0) {
    const raw = await composeMail({
      from: deps.from,
      to,
      subject: `สัจจะ: รายงาน ${checked.book.settings.group_name} เดือน ${thaiMonth(job.month)} / Sajja report ${job.month}`,
      html: renderGroupReport(report),
      text: groupReportText(report),
      date: new Date(now),
    });
    await deps.mailer.send({ to, raw, name: `${group.group_id}-${job.month}` });
  }
  for (const [i, recipient] of group.line_to.entries()) {
    const s = report.summary;
    const text =
      `สัจจะ ${checked.book.settings.group_name} ${thaiMonth(job.month)}: เงินออม ${formatBaht(s.savings.balance)} บาท, ` +
      `เงินกู้คงค้าง ${formatBaht(s.loans.outstanding)} บาท, ข้อผิดพลาด ${checked.result.counts.error}`;
    await deps.line.push(recipient, text, `${group.group_id}-${job.month}-${i + 1}`);
  }
  return {
    group_id: group.group_id,
    month: job.month,
    status: 'sent',
    errors: checked.result.counts.error,
    warnings: checked.result.counts.warning,
    snapshot: { version: archived.commit.version, hash: archived.commit.hash, created: archived.created },
    sent_to: [...to, ...group.line_to.map((u) => `line:${u}`)],
    network_row: networkRow({ group_id: group.group_id, checked, archived: true }, job.month),
  };
}

/** After the last group of a month is done (sent, failed or disabled), the network report, once. */
export async function maybeSendNetwork(deps: WorkerDeps, month: string): Promise<string[]> {
  const items: StatusItem[] = [];
  for (const g of deps.registry.groups) {
    const item = await deps.status.get(g.group_id, month);
    if (!item) return [];
    items.push(item);
  }
  const to = deps.registry.network.coordinators;
  if (to.length === 0 || !(await deps.status.claimNetwork(month))) return [];
  const today = dayIn(DEFAULT_ZONE, deps.now());
  // each group's row was kept with its status: the network report reads no sheet again
  const rows = items.map(
    (item) =>
      item.network_row ??
      networkRow({ group_id: item.group_id, error: item.error ?? { th: 'ปิดใช้งาน', en: 'disabled' } }, month),
  );
  const report = networkReportOfRows(deps.registry.network.name, rows, month, today);
  const raw = await composeMail({
    from: deps.from,
    to,
    subject: `สัจจะ: รายงานเครือข่าย ${thaiMonth(month)} / Sajja network report ${month}`,
    html: renderNetworkReport(report),
    text: networkReportText(report),
    date: new Date(deps.now()),
  });
  await deps.mailer.send({ to, raw, name: `network-${month}` });
  return to;
}

/** The dispatcher (SPEC §10): one message per enabled group; a disabled group's status is recorded. */
export async function runDispatcher(
  deps: Pick<WorkerDeps, 'registry' | 'status'>,
  month: string,
  send: (job: GroupJob) => Promise<void>,
  resend = false,
): Promise<number> {
  // a resend sends every enabled group's report again, then the network report once more
  if (resend)
    await deps.status.reopen(
      month,
      deps.registry.groups.filter((g) => g.enabled).map((g) => g.group_id),
    );
  let sent = 0;
  for (const g of deps.registry.groups) {
    if (!g.enabled) {
      await deps.status.put({
        group_id: g.group_id,
        month,
        status: 'disabled',
        errors: 0,
        warnings: 0,
        snapshot: null,
        sent_to: [],
      });
      continue;
    }
    await send({ group_id: g.group_id, month, resend });
    sent++;
  }
  return sent;
}
