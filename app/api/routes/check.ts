import { checkBooks, compareClosedMonths, workbookFromBatchGet } from '../../../core/index.ts';
import { asOfOf, Bodies, ownWorkbook, parseBody } from '../request.ts';
import type { RouteRequest } from './route.ts';

/** POST /v1/check: the group's workbook checked, closed months compared with the archive. */
export async function check({ store, now, group, body }: RouteRequest): Promise<unknown> {
  const request = parseBody(Bodies.check, body);
  const checked = checkBooks(ownWorkbook(workbookFromBatchGet(request.workbook), group!), {
    asOf: asOfOf(request.as_of, now()),
  });
  const compared = await compareClosedMonths(checked, store);
  const { findings } = compared.result;
  // counts stay whole; the list is the first MAX_FINDINGS (sorted: errors where they are), and how many more
  return {
    ...compared.result,
    findings: findings.slice(0, MAX_FINDINGS),
    findings_more: Math.max(0, findings.length - MAX_FINDINGS),
    closed_check: compared.closedCheck,
  };
}

/** The findings one answer lists: a sheet pasted twice still gets a small answer, its counts whole. */
export const MAX_FINDINGS = 1_000;
