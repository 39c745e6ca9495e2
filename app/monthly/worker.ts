import {
  archiveMonth,
  checkBooks,
  checkForSnapshot,
  dayIn,
  formatBaht,
  groupReportData,
  groupReportText,
  networkRow,
  type RegistryGroup,
  renderGroupReport,
  snapshot,
  summarise,
  summaryTabRows,
  thaiMonth,
  verifyChain,
} from '../../core/index.ts';
import { composeMail } from './compose-mail.ts';
import { maybeSendNetwork } from './network-report.ts';
import type { GroupJob, StatusItem } from './ports.ts';
import type { WorkerDeps } from './worker-deps.ts';

export type { WorkerDeps };

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
