import {
  DEFAULT_ZONE,
  dayIn,
  networkReportOfRows,
  networkReportText,
  networkRow,
  nextMonth,
  renderNetworkReport,
  thaiMonth,
} from '../../core/index.ts';
import { composeMail } from './compose-mail.ts';
import { LEASE_MS } from './lease.ts';
import type { WorkerDeps } from './worker-deps.ts';

/** The day of the next month by which the network report goes, whether every group is done or not. */
export const DEFAULT_DEADLINE_DAY = 3;

/** Whether a month's network report is due by its deadline: on or after that day, in Bangkok. */
export function pastDeadline(deps: Pick<WorkerDeps, 'registry' | 'now'>, month: string): boolean {
  const day = deps.registry.network.deadline_day ?? DEFAULT_DEADLINE_DAY;
  const deadline = `${nextMonth(month)}-${String(day).padStart(2, '0')}`;
  return dayIn(DEFAULT_ZONE, deps.now()) >= deadline;
}

/**
 * The network report of a month, once: when every registered group is done (sent, failed or
 * disabled: one read of the month's count), or at the deadline, listing the groups not reached
 * and why. Claimed with a lease, sent, and only then recorded: a throttle, a crash or a kill in
 * between leaves it to the next attempt, never lost and never sent twice.
 */
export async function maybeSendNetwork(deps: WorkerDeps, month: string): Promise<string[]> {
  const to = deps.registry.network.coordinators;
  if (to.length === 0) return [];
  const expected = deps.registry.groups.length;
  if ((await deps.status.doneCount(month)) < expected && !pastDeadline(deps, month)) return [];
  const claim = await deps.status.claim(month, 'NETWORK', deps.now(), LEASE_MS);
  if (claim !== 'mine' && claim !== 'retry') return [];
  try {
    const items = new Map((await deps.status.all(month)).map((item) => [item.group_id, item]));
    const today = dayIn(DEFAULT_ZONE, deps.now());
    // each group's row was kept with its status: the network report reads no sheet again
    const rows = deps.registry.groups.map((g) => {
      const item = items.get(g.group_id);
      if (!item)
        return networkRow(
          {
            group_id: g.group_id,
            error: {
              th: 'ยังไม่เสร็จเมื่อถึงกำหนดส่งรายงานเครือข่าย (ไม่มีผลการทำงาน)',
              en: 'not done by the network report’s deadline (no outcome yet)',
            },
          },
          month,
        );
      return (
        item.network_row ??
        networkRow({ group_id: item.group_id, error: item.error ?? { th: 'ปิดใช้งาน', en: 'disabled' } }, month)
      );
    });
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
  } catch (error) {
    await deps.status.release(month, 'NETWORK');
    throw error;
  }
  await deps.status.delivered(month, 'NETWORK', deps.now());
  return to;
}
