import { checkBooks, compareClosedMonths } from '../../../core/index.ts';
import { asOfOf, Bodies, groupWorkbook, ownBooks, parseBody } from '../request.ts';
import type { RouteRequest } from './route.ts';

/** POST /v1/check: the group's workbook checked, closed months compared with the archive. */
export async function check({ store, now, group, body }: RouteRequest): Promise<unknown> {
  const request = parseBody(Bodies.check, body);
  const checked = ownBooks(
    checkBooks(groupWorkbook(request.workbook, group!), { asOf: asOfOf(request.as_of, now()) }),
    group!,
  );
  const compared = await compareClosedMonths(checked, store);
  return { ...compared.result, closed_check: compared.closedCheck };
}
