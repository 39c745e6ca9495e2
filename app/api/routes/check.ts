import { checkBooks, compareClosedMonths, workbookFromBatchGet } from '../../../core/index.ts';
import { asOfOf, Bodies, ownBooks, parseBody } from '../request.ts';
import type { RouteRequest } from './route.ts';

/** POST /v1/check: the group's workbook checked, closed months compared with the archive. */
export async function check({ store, now, group, body }: RouteRequest): Promise<unknown> {
  const request = parseBody(Bodies.check, body);
  const checked = ownBooks(
    checkBooks(workbookFromBatchGet(request.workbook), { asOf: asOfOf(request.as_of, now()) }),
    group!,
  );
  const compared = await compareClosedMonths(checked, store);
  return { ...compared.result, closed_check: compared.closedCheck };
}
