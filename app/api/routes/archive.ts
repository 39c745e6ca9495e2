import {
  archiveAnswer,
  archiveMonth,
  checkBooks,
  checkForSnapshot,
  DEFAULT_ZONE,
  dayIn,
  parseMonth,
  snapshot,
  workbookFromBatchGet,
  yearSnapshot,
} from '../../../core/index.ts';
import { ApiError } from '../errors.ts';
import { Bodies, ownWorkbook, parseBody } from '../request.ts';
import { snapshotFromBody } from '../snapshot-body.ts';
import type { RouteRequest } from './route.ts';

/** POST /v1/archive: a month of the group's workbook archived (no later than this month). */
export async function archive({ store, now, group, signer, body }: RouteRequest): Promise<unknown> {
  const request = parseBody(Bodies.archive, body);
  // whose key closed the month is in the chain (a person's key; the shared secret names no one)
  const closedBy =
    signer?.key_id && signer.holder !== null ? { key_id: signer.key_id, holder: signer.holder } : undefined;
  if ('year' in request) {
    const checked = checkBooks(ownWorkbook(workbookFromBatchGet(request.workbook), group!), {
      asOf: (zone) => dayIn(zone, now()),
    });
    const made = yearSnapshot(checked, request.year);
    const ended = made.content.month.slice(0, 4);
    const figures = (made.content as unknown as { year_end: { to: string } }).year_end;
    if (figures.to >= checked.result.as_of)
      throw new ApiError('month_out_of_range', {
        th: `เก็บปีบัญชี ${Number(ended) + 543} ไม่ได้: ยังไม่สิ้นปี (${figures.to})`,
        en: `cannot archive the ${ended} year: it has not ended (${figures.to})`,
      });
    return archiveAnswer(await archiveMonth(store, made, new Date(now()).toISOString(), closedBy));
  }
  const m = (parseMonth(request.month) as { value: string }).value;
  const made =
    'snapshot' in request
      ? snapshotFromBody(request.snapshot, group!, m)
      : snapshot(checkForSnapshot(ownWorkbook(workbookFromBatchGet(request.workbook), group!), m), m);
  const settings = made.content.reference?.settings ?? {};
  const timezone = typeof settings.timezone === 'string' ? settings.timezone : DEFAULT_ZONE;
  const opening_date = typeof settings.opening_date === 'string' ? settings.opening_date : undefined;
  const current = dayIn(timezone, now()).slice(0, 7);
  if (m > current || (opening_date !== undefined && m < opening_date.slice(0, 7)))
    throw new ApiError('month_out_of_range', {
      th: `เก็บเดือน ${m} ไม่ได้: ต้องไม่เกินเดือนนี้ (${current}) และไม่ก่อนวันเริ่มบัญชี`,
      en: `cannot archive ${m}: it must be no later than this month (${current}) and not before the opening date`,
    });
  const result = await archiveMonth(store, made, new Date(now()).toISOString(), closedBy);
  return archiveAnswer(result);
}
