import type { RecordOf } from '../../model/records.ts';
import type { Rules } from '../../model/rules.ts';
import { plus } from '../../money.ts';
import * as acct from '../accounts.ts';
import { type Entry, makeEntry, two } from '../entry.ts';

/**
 * The journal entry of a valid `year_end` row (SPEC §13): the member's dividend and interest
 * refund, from the year's profit (Dr `equity:profit:<Y>`) to their sajja savings — or, where the
 * bylaws pay it as cash (`dividend_paid_as`), to the cash box they are paid from.
 */
export function postYearEnd(
  r: RecordOf<'year_end'>,
  row: number,
  _subgroupOf: ReadonlyMap<string, string>,
  rules?: Rules,
): Entry {
  const to = rules?.dividend_paid_as === 'cash' ? acct.CASH : acct.savingsOf(r.member_id, 'sajja');
  return makeEntry(
    'year_end',
    row,
    r.date,
    'year_share',
    'dividend',
    two(acct.yearProfit(r.fiscal_year), to, plus(r.dividend, r.interest_refund)),
    { member: r.member_id },
  );
}
