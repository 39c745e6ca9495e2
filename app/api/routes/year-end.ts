import { checkBooks, workbookFromBatchGet, yearEnd } from '../../../core/index.ts';
import { asOfOf, Bodies, ownWorkbook, parseBody } from '../request.ts';
import type { RouteRequest } from './route.ts';

/** POST /v1/year-end: the year's share-out of the group's workbook (SPEC §13's JSON). */
export async function yearEndRoute({ now, group, body }: RouteRequest): Promise<unknown> {
  const request = parseBody(Bodies.yearEnd, body);
  const checked = checkBooks(ownWorkbook(workbookFromBatchGet(request.workbook), group!), {
    asOf: asOfOf(request.as_of, now()),
  });
  return yearEnd(checked, request.year);
}
