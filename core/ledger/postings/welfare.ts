import type { RecordOf } from '../../model/records.ts';
import * as acct from '../accounts.ts';
import { type Entry, makeEntry, two } from '../entry.ts';

/** The journal entry of a valid `welfare` row (SPEC §4). */
export function postWelfare(
  w: RecordOf<'welfare'>,
  row: number,
  _subgroupOf: ReadonlyMap<string, string>,
): Entry | undefined {
  const sheet = 'welfare';
  return w.type === 'contribution'
    ? makeEntry(
        sheet,
        row,
        w.date,
        'welfare_contribution',
        'amount',
        two(w.account, acct.WELFARE_FUND, w.amount),
        {
          member: w.member_id,
        },
      )
    : makeEntry(sheet, row, w.date, 'welfare_payout', 'amount', two(acct.WELFARE_FUND, w.account, w.amount), {
        member: w.member_id,
      });
}
