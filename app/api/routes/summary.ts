import { checkBooks, parseMonth, summarise, workbookFromBatchGet } from '../../../core/index.ts';
import { asOfOf, Bodies, ownBooks, parseBody } from '../request.ts';
import type { RouteRequest } from './route.ts';

/** POST /v1/summary: a month's summary of the group's workbook (SPEC §6). */
export async function summary({ now, group, body }: RouteRequest): Promise<unknown> {
  const request = parseBody(Bodies.summary, body);
  const checked = ownBooks(
    checkBooks(workbookFromBatchGet(request.workbook), { asOf: asOfOf(request.as_of, now()) }),
    group!,
  );
  return summarise(checked, (parseMonth(request.month) as { value: string }).value);
}
