import type { IsoDate } from '../calendar.ts';
import type { DataTabKey } from '../model/records.ts';
import { negate, plus, type Satang, ZERO } from '../money.ts';
import type * as acct from './accounts.ts';

/** One line of an entry: debit when positive, credit when negative, in satang. */
export interface Posting {
  account: acct.Account;
  amount: Satang;
}

/**
 * The order of entries within one day: money in before money out, so a deposit and a
 * withdrawal on the same day never look overdrawn. Counts are end-of-day balances, after all.
 */
export const DAY_ORDER = [
  'opening',
  'deposit',
  'remittance',
  'repayment',
  'welfare_contribution',
  'welfare_matching',
  'other_income',
  'transfer',
  'loan',
  'withdrawal',
  'welfare_payout',
  'other_expense',
  // the year-end, after the day's money: the year's income and expense closed, the pools, then each member's share
  'year_close',
  'year_share',
] as const;
export type EntryKind = (typeof DAY_ORDER)[number];

/** A balanced journal entry made from one sheet row (or from the opening balances). */
export interface Entry {
  date: IsoDate;
  kind: EntryKind;
  /** Where it came from: a data tab and 1-based row, or settings for the opening balances. */
  sheet: DataTabKey | 'settings';
  row: number | null;
  /** The money column of that row, for findings. */
  column: string | null;
  /** The row's amount, positive (a repayment's total): what readers use, never a posting by position. */
  amount: Satang;
  postings: Posting[];
  member: string | undefined;
  subgroup: string | undefined;
  loan: string | undefined;
}

/** Every entry has the same shape (one hidden class): absent links are undefined, not missing. */
export function makeEntry(
  sheet: DataTabKey,
  row: number,
  date: IsoDate,
  kind: EntryKind,
  column: string,
  postings: Posting[],
  links: { member?: string; subgroup?: string; loan?: string } = {},
): Entry {
  let amount = ZERO;
  for (const posting of postings) if (posting.amount > 0) amount = plus(amount, posting.amount);
  return {
    date,
    kind,
    sheet,
    row,
    column,
    amount,
    postings,
    member: links.member,
    subgroup: links.subgroup,
    loan: links.loan,
  };
}

/** A two-line entry: `amount` debited to one account and credited to another. */
export const two = (debit: acct.Account, credit: acct.Account, amount: Satang): Posting[] => [
  { account: debit, amount },
  { account: credit, amount: negate(amount) },
];
