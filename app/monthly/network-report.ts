import {
  DEFAULT_ZONE,
  dayIn,
  networkReportOfRows,
  networkReportText,
  networkRow,
  renderNetworkReport,
  thaiMonth,
} from '../../core/index.ts';
import { composeMail } from './compose-mail.ts';
import type { StatusItem } from './ports.ts';
import type { WorkerDeps } from './worker-deps.ts';

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
