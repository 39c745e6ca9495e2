import type { RecordOf } from '../../model/records.ts';
import * as acct from '../accounts.ts';
import { type Entry, makeEntry, two } from '../entry.ts';

/** The journal entry of a valid `savings` row (SPEC §4). */
export function postSavings(
  s: RecordOf<'savings'>,
  row: number,
  subgroupOf: ReadonlyMap<string, string>,
): Entry | undefined {
  const sheet = 'savings';
  const member = acct.savingsOf(s.member_id, s.product);
  if (s.type === 'withdrawal') {
    return makeEntry(sheet, row, s.date, 'withdrawal', 'amount', two(member, s.account, s.amount), {
      member: s.member_id,
    });
  }
  if (s.via === 'treasurer') {
    return makeEntry(sheet, row, s.date, 'deposit', 'amount', two(s.account, member, s.amount), {
      member: s.member_id,
    });
  }
  const subgroup = subgroupOf.get(s.member_id);
  if (subgroup === undefined) return undefined;
  return makeEntry(sheet, row, s.date, 'deposit', 'amount', two(acct.transit(subgroup), member, s.amount), {
    member: s.member_id,
    subgroup,
  });
}
