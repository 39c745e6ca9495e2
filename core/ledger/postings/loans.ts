import type { RecordOf } from '../../model/records.ts';
import * as acct from '../accounts.ts';
import { type Entry, makeEntry, two } from '../entry.ts';

/** The journal entry of a valid `loans` row (SPEC §4). */
export function postLoans(
  l: RecordOf<'loans'>,
  row: number,
  _subgroupOf: ReadonlyMap<string, string>,
): Entry | undefined {
  const sheet = 'loans';
  return makeEntry(
    sheet,
    row,
    l.disbursed_on,
    'loan',
    'principal',
    two(acct.loan(l.loan_id), l.account, l.principal),
    {
      member: l.member_id,
      loan: l.loan_id,
    },
  );
}
