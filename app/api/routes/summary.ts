import { checkBooks, parseMonth, summarise, workbookFromBatchGet } from '../../../core/index.ts';
import { asOfOf, Bodies, ownWorkbook, parseBody } from '../request.ts';
import type { RouteRequest } from './route.ts';

/** POST /v1/summary: a month's summary of the group's workbook (SPEC §6). */
export async function summary({ now, group, body }: RouteRequest): Promise<unknown> {
  const request = parseBody(Bodies.summary, body);
  const checked = checkBooks(ownWorkbook(workbookFromBatchGet(request.workbook), group!), {
    asOf: asOfOf(request.as_of, now()),
  });
  return summarise(checked, (parseMonth(request.month) as { value: string }).value);
}
