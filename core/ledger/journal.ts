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
import { tabsWhere } from '../model/tabs.ts';
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
  /** The row's amount, positive (a repayment's total): what readers use, never a posting by position. */
  amount: Satang;
  postings: Posting[];
  member: string | undefined;
  subgroup: string | undefined;
  loan: string | undefined;
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

/** The tabs whose rows post money (their roles in core/model/tabs.ts), in template order. */
const MONEY_TABS = tabsWhere((r) => r.posts) as DataTabKey[];

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
      amount: settings.opening_cash + settings.opening_bank,
      postings,
      member: undefined,
      subgroup: undefined,
      loan: undefined,
    });
  }
  for (const sheet of MONEY_TABS) {
    for (const result of book.tables.get(sheet) ?? []) {
      const entry = result.record ? entryOf(sheet, result, subgroupOf) : undefined;
      if (entry) entries.push(entry);
      else excluded.push({ sheet, row: result.row });
    }
  }
  return { entries: inDayOrder(entries), excluded, subgroupOf };
}

/**
 * Orders entries by date, then {@link DAY_ORDER}, then sheet row — in linear time: each kind
 * comes from one tab, already in row order, so bucketing by date and kind keeps rows in order.
 */
function inDayOrder(entries: Entry[]): Entry[] {
  const rank = new Map<EntryKind, number>(DAY_ORDER.map((kind, i) => [kind, i]));
  const byDate = new Map<IsoDate, Entry[][]>();
  for (const entry of entries) {
    let buckets = byDate.get(entry.date);
    if (!buckets) {
      buckets = DAY_ORDER.map(() => []);
      byDate.set(entry.date, buckets);
    }
    buckets[rank.get(entry.kind)!]!.push(entry);
  }
  const ordered: Entry[] = [];
  for (const date of [...byDate.keys()].sort())
    for (const bucket of byDate.get(date)!) ordered.push(...bucket);
  return ordered;
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

/** Every entry has the same shape (one hidden class): absent links are undefined, not missing. */
function makeEntry(
  sheet: DataTabKey,
  row: number,
  date: IsoDate,
  kind: EntryKind,
  column: string,
  postings: Posting[],
  links: { member?: string; subgroup?: string; loan?: string } = {},
): Entry {
  let amount = 0;
  for (const posting of postings) if (posting.amount > 0) amount += posting.amount;
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

const two = (debit: acct.Account, credit: acct.Account, amount: Satang): Posting[] => [
  { account: debit, amount },
  { account: credit, amount: -amount },
];

/**
 * The journal entry of one valid money row (SPEC §4): what a shell posts on an edit to advance a
 * kept ledger state. Undefined for a row that is not money, or a deposit whose sub-group is unknown.
 */
export function entryOf(
  sheet: DataTabKey,
  result: RowResult,
  subgroupOf: Map<string, string>,
): Entry | undefined {
  const { row } = result;
  switch (sheet) {
    case 'savings': {
      const s = result.record as SavingsEntry;
      const member = acct.savings(s.member_id);
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
      return makeEntry(
        sheet,
        row,
        s.date,
        'deposit',
        'amount',
        two(acct.transit(subgroup), member, s.amount),
        {
          member: s.member_id,
          subgroup,
        },
      );
    }
    case 'remittances': {
      const r = result.record as Remittance;
      return makeEntry(
        sheet,
        row,
        r.date,
        'remittance',
        'amount',
        two(r.account, acct.transit(r.subgroup_id), r.amount),
        {
          subgroup: r.subgroup_id,
        },
      );
    }
    case 'loans': {
      const l = result.record as Loan;
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
    case 'repayments': {
      const p = result.record as Repayment;
      const postings: Posting[] = [{ account: p.account, amount: p.principal + p.interest + p.fine }];
      if (p.principal > 0) postings.push({ account: acct.loan(p.loan_id), amount: -p.principal });
      if (p.interest > 0) postings.push({ account: acct.INTEREST, amount: -p.interest });
      if (p.fine > 0) postings.push({ account: acct.FINES, amount: -p.fine });
      return makeEntry(sheet, row, p.date, 'repayment', 'principal', postings, { loan: p.loan_id });
    }
    case 'welfare': {
      const w = result.record as WelfareEntry;
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
        : makeEntry(
            sheet,
            row,
            w.date,
            'welfare_payout',
            'amount',
            two(acct.WELFARE_FUND, w.account, w.amount),
            {
              member: w.member_id,
            },
          );
    }
    case 'other': {
      const o = result.record as OtherEntry;
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
