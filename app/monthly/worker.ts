import { createHash } from 'node:crypto';
import {
  archiveMonth,
  checkBooks,
  checkForSnapshot,
  compareClosedMonths,
  dayIn,
  formatBaht,
  groupReportData,
  groupReportText,
  type LineStatements,
  memberStatements,
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
import { isTemporary, TemporaryError } from './errors.ts';
import { LEASE_MS } from './lease.ts';
import { maybeSendNetwork } from './network-report.ts';
import { type GroupJob, MonthlyLimitReached, type StatusItem } from './ports.ts';
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
  const name = (error as { name?: unknown }).name;
  if (name === 'MessageRejected' && /not verified/i.test(String((error as Error).message)))
    return {
      th: 'SES ยังอยู่ในโหมดทดลอง (sandbox): อีเมลผู้รับยังไม่ได้ยืนยัน — ขอใช้งานจริง (production access) ในคอนโซล SES',
      en: 'SES sandbox: recipient not verified — request production access in the SES console',
    };
  const message = (error as Error)?.message ?? String(error);
  return { th: `ทำงานไม่สำเร็จ: ${message.slice(0, 200)}`, en: `failed: ${message.slice(0, 200)}` };
}

/** The key of one delivery of a group's month: `G#<group>#email`, `#line:1`, `#summary`. */
export const channelKey = (group: string, channel: string) => `G#${encodeURIComponent(group)}#${channel}`;

/**
 * One delivery, at most once: claimed with a lease, done, and only then recorded. A delivery
 * already recorded is skipped; one another run holds is retried later (TemporaryError); a failed
 * one is released so the next attempt takes it at once.
 */
async function deliverOnce(
  deps: WorkerDeps,
  month: string,
  key: string,
  send: () => Promise<void>,
  fits: () => boolean = () => true,
): Promise<'sent' | 'retried' | 'done' | 'no_room'> {
  const claim = await deps.status.claim(month, key, deps.now(), LEASE_MS);
  if (claim === 'done') return 'done';
  if (claim === 'held') throw new TemporaryError(`${key} is being delivered by another run`);
  // a retry of what may already have gone is sent whatever the room (the service runs it once)
  if (claim === 'mine' && !fits()) {
    await deps.status.release(month, key);
    return 'no_room';
  }
  try {
    await send();
  } catch (error) {
    await deps.status.release(month, key, { attempted: isTemporary(error) });
    throw error;
  }
  await deps.status.delivered(month, key, deps.now());
  return claim === 'retry' ? 'retried' : 'sent';
}

/**
 * One group's month (SPEC §10): read, check as of today (closed months compared with the archive),
 * archive as of the month's end, then each delivery — the summary tab, the email, each LINE
 * message — at most once. Safe to run again and again: a finished month sends nothing (unless
 * resend), a re-run never makes a second snapshot, a channel delivered is never delivered again.
 * A temporary failure (a throttle, a 5xx, a timeout) is thrown for the queue to retry; a permanent
 * one is recorded as the group's `failed` status, with the channels that did go, and the
 * channels that did not are tried again, alone, by the next run.
 */
export async function runWorker(deps: WorkerDeps, job: GroupJob): Promise<StatusItem> {
  const group = deps.registry.groups.find((g) => g.group_id === job.group_id);
  if (!group) throw new Error(`no group ${job.group_id} in the registry`);
  const known = await deps.status.get(group.group_id, job.month);
  if (known?.status === 'sent' && !job.resend) {
    await maybeSendNetwork(deps, job.month);
    SKIPPED.add(known);
    return known;
  }
  let item: StatusItem;
  try {
    item = await processGroup(deps, group, job);
  } catch (error) {
    if (error instanceof CrashInjected) throw error;
    if (isTemporary(error))
      throw new TemporaryError(`${group.group_id}: ${(error as Error)?.message ?? String(error)}`, {
        cause: error,
      });
    item = failed(group.group_id, job.month, reasonOf(error));
  }
  await deps.status.put(item);
  await maybeSendNetwork(deps, job.month);
  return item;
}

/** Outcomes returned without any work (the month was already sent): they read no sheet. */
const SKIPPED = new WeakSet<StatusItem>();
export const skipped = (item: StatusItem): boolean => SKIPPED.has(item);

const failed = (group_id: string, month: string, error: { th: string; en: string }): StatusItem => ({
  group_id,
  month,
  status: 'failed',
  errors: 0,
  warnings: 0,
  snapshot: null,
  sent_to: [],
  error,
});

class CrashInjected extends Error {}

async function processGroup(deps: WorkerDeps, group: RegistryGroup, job: GroupJob): Promise<StatusItem> {
  const workbook = await deps.source.read(group);
  const now = deps.now();
  const read = checkBooks(workbook, { asOf: (zone) => dayIn(zone, now) });
  if (read.book.settings.group_id !== group.group_id)
    throw new Error(`the workbook belongs to "${read.book.settings.group_id}", not ${group.group_id}`);
  // a closed month edited since it was archived is in the report, as `sajja check` says it
  const checked = await compareClosedMonths(read, deps.store);
  // the books as of the month's last day: what is archived, and what each member is told
  const atEnd = checkForSnapshot(workbook, job.month);
  const archived = await archiveMonth(deps.store, snapshot(atEnd, job.month), new Date(now).toISOString());
  if (deps.crashAfterArchive?.(group.group_id))
    throw new CrashInjected(`crash injected after archiving ${group.group_id}`);
  const head = (await verifyChain(deps.store, group.group_id)).head_hash ?? archived.commit.hash;
  const note = { version: archived.commit.version, hash: archived.commit.hash, head_hash: head };
  const today = dayIn(checked.book.settings.timezone, now);
  const report = groupReportData(checked, job.month, today, note);
  const to = [...new Set([...group.coordinators, ...(group.treasurer ? [group.treasurer] : [])])];
  const deliveries: { key: string; to: string[]; send: () => Promise<void> }[] = [
    {
      key: channelKey(group.group_id, 'summary'),
      to: [],
      send: () => deps.source.writeSummary(group, summaryTabRows(summarise(checked, job.month), note, today)),
    },
  ];
  if (to.length > 0)
    deliveries.push({
      key: channelKey(group.group_id, 'email'),
      to,
      send: async () => {
        const raw = await composeMail({
          from: deps.from,
          to,
          subject: `สัจจะ: รายงาน ${checked.book.settings.group_name} เดือน ${thaiMonth(job.month)} / Sajja report ${job.month}`,
          html: renderGroupReport(report),
          text: groupReportText(report),
          date: new Date(now),
        });
        await deps.mailer.send({ to, raw, name: `${group.group_id}-${job.month}` });
      },
    });
  for (const [i, recipient] of group.line_to.entries()) {
    const s = report.summary;
    const text =
      `สัจจะ ${checked.book.settings.group_name} ${thaiMonth(job.month)}: เงินออม ${formatBaht(s.savings.balance)} บาท, ` +
      `เงินกู้คงค้าง ${formatBaht(s.loans.outstanding)} บาท, ข้อผิดพลาด ${checked.result.counts.error}`;
    deliveries.push({
      key: channelKey(group.group_id, `line:${i + 1}`),
      to: [`line:${recipient}`],
      send: () => deps.line.push(recipient, text, `${group.group_id}-${job.month}-${i + 1}`),
    });
  }
  // every channel is tried; a permanent failure of one does not stop the others
  const sentTo: string[] = [];
  const failures: { th: string; en: string }[] = [];
  for (const d of deliveries) {
    try {
      await deliverOnce(deps, job.month, d.key, d.send);
      sentTo.push(...d.to);
    } catch (error) {
      if (isTemporary(error)) throw error;
      failures.push(reasonOf(error));
    }
  }
  const statements = await sendStatements(deps, group.group_id, job.month, atEnd, failures);
  return {
    group_id: group.group_id,
    month: job.month,
    status: failures.length === 0 ? 'sent' : 'failed',
    errors: checked.result.counts.error,
    warnings: checked.result.counts.warning,
    snapshot: { version: archived.commit.version, hash: archived.commit.hash, created: archived.created },
    sent_to: sentTo,
    ...(failures.length > 0
      ? {
          error: {
            th: failures.map((f) => f.th).join('; '),
            en: failures.map((f) => f.en).join('; '),
          },
        }
      : {}),
    network_row: {
      ...networkRow({ group_id: group.group_id, checked, archived: true }, job.month),
      ...(statements
        ? { line: { sent: statements.sent + statements.already, left_out: statements.left_out } }
        : {}),
    },
    ...(statements ? { line_statements: statements } : {}),
  };
}

/** The retry key of a member's statement of a month: a UUID, the same however often it is sent. */
export function statementRetryKey(group: string, month: string, member: string): string {
  const h = createHash('sha256').update(`${group}\u0000${month}\u0000${member}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Each member's statement of the month on LINE (SPEC §15), after the month is archived: the
 * month's quota read first, then one push a member — never twice (each is a delivery of its own,
 * recorded after LINE accepted it, and sent with a retry key LINE executes once). Who does not fit
 * the quota, or whom LINE refuses for the monthly limit, is left out and named; they are sent when
 * the month is run again with room (a resend sends only those never sent).
 */
async function sendStatements(
  deps: WorkerDeps,
  group: string,
  month: string,
  atEnd: Parameters<typeof memberStatements>[0],
  failures: { th: string; en: string }[],
): Promise<LineStatements | undefined> {
  const statements = memberStatements(atEnd, month);
  if (statements.length === 0) return undefined;
  let quota: Awaited<ReturnType<typeof deps.line.quota>>;
  try {
    quota = await deps.line.quota();
  } catch (error) {
    // a refused token is the LINE channel's failure, said like any channel's; the reports went
    if (isTemporary(error)) throw error;
    failures.push(reasonOf(error));
    return undefined;
  }
  let room = quota.limit === null ? Number.POSITIVE_INFINITY : Math.max(0, quota.limit - quota.used);
  const outcome: LineStatements = { sent: 0, already: 0, left_out: [], quota };
  for (const s of statements) {
    const key = channelKey(group, `member:${s.member_id}`);
    try {
      const done = await deliverOnce(
        deps,
        month,
        key,
        () =>
          deps.line.push(
            s.line_user_id,
            s.text,
            `${group}-${month}-${s.member_id}`,
            statementRetryKey(group, month, s.member_id),
          ),
        () => room > 0,
      );
      if (done === 'sent') {
        outcome.sent++;
        room--;
      } else if (done === 'retried')
        outcome.sent++; // a retry of a push LINE may have counted already: the quota read holds it
      else if (done === 'done') outcome.already++;
      else outcome.left_out.push(s.member_id);
    } catch (error) {
      if (error instanceof MonthlyLimitReached) {
        room = 0;
        outcome.left_out.push(s.member_id);
      } else if (isTemporary(error)) throw error;
      else failures.push(reasonOf(error));
    }
  }
  return outcome;
}
