import type { RecordOf } from '../../model/records.ts';
import { POOL_NAMES, type Rules } from '../../model/rules.ts';
import * as acct from '../accounts.ts';
import { type Entry, makeEntry, two } from '../entry.ts';

/** The journal entry of a valid `other` row (SPEC §4). */
export function postOther(
  o: RecordOf<'other'>,
  row: number,
  _subgroupOf: ReadonlyMap<string, string>,
  rules?: Rules,
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
      two(paidFrom(o.category, rules) ?? acct.expense(o.category), o.account, o.amount),
    );
  }
  return makeEntry(sheet, row, o.date, 'transfer', 'amount', two(o.to_account!, o.account, o.amount));
}

/** The funds an expense can be paid from (SPEC §13): the committee's, public benefit, education. */
const SPENDING_FUNDS = ['committee', 'public_benefit', 'education'] as const;

/**
 * The fund that pays an expense: its category names a fund (`committee`, or `ค่าตอบแทนกรรมการ` …)
 * that the bylaws allocate profit to. Otherwise (no such fund) it is the year's expense, as before.
 */
function paidFrom(category: string, rules: Rules | undefined): string | undefined {
  if (!rules?.allocated) return undefined;
  const fund = SPENDING_FUNDS.find(
    (pool) => (category === pool || category === POOL_NAMES[pool].th) && rules.allocation[pool] > 0,
  );
  return fund ? acct.fund(fund) : undefined;
}
