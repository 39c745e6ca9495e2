import type { RecordOf } from '../../model/records.ts';
import * as acct from '../accounts.ts';
import { type Entry, makeEntry, two } from '../entry.ts';

/** The journal entry of a valid `other` row (SPEC §4). */
export function postOther(
  o: RecordOf<'other'>,
  row: number,
  _subgroupOf: ReadonlyMap<string, string>,
): Entry | undefined {
  const sheet = 'other';
  if (o.type === 'income') {
    return makeEntry(
      sheet,
      row,
      o.date,
      'other_income',
      'amount',
      two(o.account, acct.otherIncome(o.category), o.amount),
    );
  }
  if (o.type === 'expense') {
    return makeEntry(
      sheet,
      row,
      o.date,
      'other_expense',
      'amount',
      two(acct.expense(o.category), o.account, o.amount),
    );
  }
  return makeEntry(sheet, row, o.date, 'transfer', 'amount', two(o.to_account!, o.account, o.amount));
}
