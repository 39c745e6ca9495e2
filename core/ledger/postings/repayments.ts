import type { RecordOf } from '../../model/records.ts';
import { negate, plus } from '../../money.ts';
import * as acct from '../accounts.ts';
import { type Entry, makeEntry, type Posting } from '../entry.ts';

/** The journal entry of a valid `repayments` row (SPEC §4). */
export function postRepayments(
  p: RecordOf<'repayments'>,
  row: number,
  _subgroupOf: ReadonlyMap<string, string>,
): Entry | undefined {
  const sheet = 'repayments';
  const postings: Posting[] = [{ account: p.account, amount: plus(p.principal, p.interest, p.fine) }];
  if (p.principal > 0) postings.push({ account: acct.loan(p.loan_id), amount: negate(p.principal) });
  if (p.interest > 0) postings.push({ account: acct.INTEREST, amount: negate(p.interest) });
  if (p.fine > 0) postings.push({ account: acct.FINES, amount: negate(p.fine) });
  return makeEntry(sheet, row, p.date, 'repayment', 'principal', postings, { loan: p.loan_id });
}
