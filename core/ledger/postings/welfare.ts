import type { RecordOf } from '../../model/records.ts';
import * as acct from '../accounts.ts';
import { type Entry, makeEntry, two } from '../entry.ts';

/**
 * The journal entry of a valid `welfare` row (SPEC §4): a member's contribution and the money the
 * state or the local authority matches (§14) go into the welfare fund, a benefit comes out of it.
 */
export function postWelfare(
  w: RecordOf<'welfare'>,
  row: number,
  _subgroupOf: ReadonlyMap<string, string>,
): Entry | undefined {
  const links = { member: w.member_id };
  switch (w.type) {
    case 'contribution':
      return makeEntry(
        'welfare',
        row,
        w.date,
        'welfare_contribution',
        'amount',
        two(w.account, acct.WELFARE_FUND, w.amount),
        links,
      );
    case 'matching':
      return makeEntry(
        'welfare',
        row,
        w.date,
        'welfare_matching',
        'amount',
        two(w.account, acct.WELFARE_FUND, w.amount),
        links,
      );
    default:
      return makeEntry(
        'welfare',
        row,
        w.date,
        'welfare_payout',
        'amount',
        two(acct.WELFARE_FUND, w.account, w.amount),
        links,
      );
  }
}
