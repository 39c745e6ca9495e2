import {
  archiveAnswer,
  archiveMonth,
  checkForSnapshot,
  dayIn,
  parseMonth,
  snapshot,
  workbookFromBatchGet,
} from '../../../core/index.ts';
import { ApiError } from '../errors.ts';
import { Bodies, ownBooks, parseBody } from '../request.ts';
import type { RouteRequest } from './route.ts';

/** POST /v1/archive: a month of the group's workbook archived (no later than this month). */
export async function archive({ store, now, group, body }: RouteRequest): Promise<unknown> {
  const request = parseBody(Bodies.archive, body);
  const m = (parseMonth(request.month) as { value: string }).value;
  const checked = ownBooks(checkForSnapshot(workbookFromBatchGet(request.workbook), m), group!);
  const { timezone, opening_date } = checked.book.settings;
  const current = dayIn(timezone, now()).slice(0, 7);
  if (m > current || (opening_date !== undefined && m < opening_date.slice(0, 7)))
    throw new ApiError('month_out_of_range', {
      th: `เก็บเดือน ${m} ไม่ได้: ต้องไม่เกินเดือนนี้ (${current}) และไม่ก่อนวันเริ่มบัญชี`,
      en: `cannot archive ${m}: it must be no later than this month (${current}) and not before the opening date`,
    });
  const result = await archiveMonth(store, snapshot(checked, m), new Date(now()).toISOString());
  return archiveAnswer(result);
}
