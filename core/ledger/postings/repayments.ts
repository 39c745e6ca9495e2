import type { RecordOf } from '../../model/records.ts';
import * as acct from '../accounts.ts';
import { type Entry, makeEntry, type Posting } from '../entry.ts';

/** The journal entry of a valid `repayments` row (SPEC §4). */
export function postRepayments(
  p: RecordOf<'repayments'>,
  row: number,
  _subgroupOf: ReadonlyMap<string, string>,
): Entry | undefined {
  const sheet = 'repayments';
  const postings: Posting[] = [{ account: p.account, amount: p.principal + p.interest + p.fine }];
  if (p.principal > 0) postings.push({ account: acct.loan(p.loan_id), amount: -p.principal });
  if (p.interest > 0) postings.push({ account: acct.INTEREST, amount: -p.interest });
  if (p.fine > 0) postings.push({ account: acct.FINES, amount: -p.fine });
  return makeEntry(sheet, row, p.date, 'repayment', 'principal', postings, { loan: p.loan_id });
}
