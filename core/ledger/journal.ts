import type { RowResult } from '../check/check-row.ts';
import type { Book } from '../check/check-workbook.ts';
import type {
  DataTabKey,
  Loan,
  OtherEntry,
  Remittance,
  Repayment,
  SavingsEntry,
  WelfareEntry,
} from '../model/records.ts';
import type { IsoDate } from '../parse/date.ts';
import type { Satang } from '../parse/money.ts';
import * as acct from './accounts.ts';

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
  'other_income',
  'transfer',
  'loan',
  'withdrawal',
  'welfare_payout',
  'other_expense',
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
  postings: Posting[];
  member?: string;
  subgroup?: string;
  loan?: string;
}

/** A row whose money could not be posted (it has errors), so it stays out of the journal. */
export interface Excluded {
  sheet: DataTabKey;
  row: number;
}

export interface Journal {
  entries: Entry[];
  excluded: Excluded[];
  /** Sub-group of each member (through the member's household), for sub-group figures. */
  subgroupOf: Map<string, string>;
}

const MONEY_TABS: DataTabKey[] = ['savings', 'remittances', 'loans', 'repayments', 'welfare', 'other'];

/**
 * Turns every valid money row into a balanced entry (SPEC §4), plus the opening balances.
 * Entries are ordered by date, then by {@link DAY_ORDER}, then by sheet row.
 */
export function buildJournal(book: Book): Journal {
  const entries: Entry[] = [];
  const excluded: Excluded[] = [];
  const subgroupOf = memberSubgroups(book);
  const { settings } = book;
  if (settings.opening_date !== undefined && settings.opening_cash + settings.opening_bank > 0) {
    const postings: Posting[] = [];
    if (settings.opening_cash > 0) postings.push({ account: acct.CASH, amount: settings.opening_cash });
    if (settings.opening_bank > 0) postings.push({ account: acct.BANK, amount: settings.opening_bank });
    postings.push({ account: acct.OPENING_EQUITY, amount: -(settings.opening_cash + settings.opening_bank) });
    entries.push({
      date: settings.opening_date,
      kind: 'opening',
      sheet: 'settings',
      row: null,
      column: null,
      postings,
    });
  }
  for (const sheet of MONEY_TABS) {
    for (const result of book.tables.get(sheet) ?? []) {
      const entry = result.record ? entryOf(sheet, result, subgroupOf) : undefined;
      if (entry) entries.push(entry);
      else excluded.push({ sheet, row: result.row });
    }
  }
  const rank = new Map(DAY_ORDER.map((kind, i) => [kind, i]));
  entries.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      rank.get(a.kind)! - rank.get(b.kind)! ||
      (a.row ?? 0) - (b.row ?? 0),
  );
  return { entries, excluded, subgroupOf };
}

function memberSubgroups(book: Book): Map<string, string> {
  const householdSubgroup = new Map<string, string>();
  for (const { values } of book.tables.get('households') ?? []) {
    if (typeof values.household_id === 'string' && typeof values.subgroup_id === 'string') {
      if (!householdSubgroup.has(values.household_id))
        householdSubgroup.set(values.household_id, values.subgroup_id);
    }
  }
  const subgroupOf = new Map<string, string>();
  for (const { values } of book.tables.get('members') ?? []) {
    const subgroup = householdSubgroup.get(values.household_id as string);
    if (typeof values.member_id === 'string' && subgroup !== undefined && !subgroupOf.has(values.member_id)) {
      subgroupOf.set(values.member_id, subgroup);
    }
  }
  return subgroupOf;
}

function entryOf(sheet: DataTabKey, result: RowResult, subgroupOf: Map<string, string>): Entry | undefined {
  const base = { sheet, row: result.row };
  const two = (debit: acct.Account, credit: acct.Account, amount: Satang): Posting[] => [
    { account: debit, amount },
    { account: credit, amount: -amount },
  ];
  switch (sheet) {
    case 'savings': {
      const s = result.record as SavingsEntry;
      const member = acct.savings(s.member_id);
      if (s.type === 'withdrawal') {
        return {
          ...base,
          date: s.date,
          kind: 'withdrawal',
          column: 'amount',
          member: s.member_id,
          postings: two(member, s.account, s.amount),
        };
      }
      if (s.via === 'treasurer') {
        return {
          ...base,
          date: s.date,
          kind: 'deposit',
          column: 'amount',
          member: s.member_id,
          postings: two(s.account, member, s.amount),
        };
      }
      const subgroup = subgroupOf.get(s.member_id);
      if (subgroup === undefined) return undefined;
      return {
        ...base,
        date: s.date,
        kind: 'deposit',
        column: 'amount',
        member: s.member_id,
        subgroup,
        postings: two(acct.transit(subgroup), member, s.amount),
      };
    }
    case 'remittances': {
      const r = result.record as Remittance;
      return {
        ...base,
        date: r.date,
        kind: 'remittance',
        column: 'amount',
        subgroup: r.subgroup_id,
        postings: two(r.account, acct.transit(r.subgroup_id), r.amount),
      };
    }
    case 'loans': {
      const l = result.record as Loan;
      return {
        ...base,
        date: l.disbursed_on,
        kind: 'loan',
        column: 'principal',
        member: l.member_id,
        loan: l.loan_id,
        postings: two(acct.loan(l.loan_id), l.account, l.principal),
      };
    }
    case 'repayments': {
      const p = result.record as Repayment;
      const postings: Posting[] = [{ account: p.account, amount: p.principal + p.interest + p.fine }];
      if (p.principal > 0) postings.push({ account: acct.loan(p.loan_id), amount: -p.principal });
      if (p.interest > 0) postings.push({ account: acct.INTEREST, amount: -p.interest });
      if (p.fine > 0) postings.push({ account: acct.FINES, amount: -p.fine });
      return { ...base, date: p.date, kind: 'repayment', column: 'principal', loan: p.loan_id, postings };
    }
    case 'welfare': {
      const w = result.record as WelfareEntry;
      return w.type === 'contribution'
        ? {
            ...base,
            date: w.date,
            kind: 'welfare_contribution',
            column: 'amount',
            member: w.member_id,
            postings: two(w.account, acct.WELFARE_FUND, w.amount),
          }
        : {
            ...base,
            date: w.date,
            kind: 'welfare_payout',
            column: 'amount',
            member: w.member_id,
            postings: two(acct.WELFARE_FUND, w.account, w.amount),
          };
    }
    case 'other': {
      const o = result.record as OtherEntry;
      if (o.type === 'income') {
        return {
          ...base,
          date: o.date,
          kind: 'other_income',
          column: 'amount',
          postings: two(o.account, acct.otherIncome(o.category), o.amount),
        };
      }
      if (o.type === 'expense') {
        return {
          ...base,
          date: o.date,
          kind: 'other_expense',
          column: 'amount',
          postings: two(acct.expense(o.category), o.account, o.amount),
        };
      }
      return {
        ...base,
        date: o.date,
        kind: 'transfer',
        column: 'amount',
        postings: two(o.to_account!, o.account, o.amount),
      };
    }
    default:
      return undefined;
  }
}

/** The sum of an entry's postings: zero for every entry the journal makes. */
export function entryTotal(entry: Entry): Satang {
  let total = 0;
  for (const posting of entry.postings) total += posting.amount;
  return total;
}
