import type { IsoDate } from '../calendar.ts';
import type { Book } from '../check/book.ts';
import type { RowResult } from '../check/check-row.ts';
import type { DataTabKey } from '../model/records.ts';
import type { Rules } from '../model/rules.ts';
import { tabsWhere } from '../model/tabs.ts';
import { negate, plus, type Satang, ZERO } from '../money.ts';
import * as acct from './accounts.ts';
import { DAY_ORDER, type Entry, type EntryKind, type Posting } from './entry.ts';
import { POSTING_RULES, type PostingRule } from './postings/index.ts';
import { yearCloseEntries } from './year-close.ts';

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
    const opening = plus(settings.opening_cash, settings.opening_bank);
    postings.push({ account: acct.OPENING_EQUITY, amount: negate(opening) });
    entries.push({
      date: settings.opening_date,
      kind: 'opening',
      sheet: 'settings',
      row: null,
      column: null,
      amount: opening,
      postings,
      member: undefined,
      subgroup: undefined,
      loan: undefined,
    });
  }
  for (const sheet of MONEY_TABS) {
    for (const result of book.tables.get(sheet) ?? []) {
      const entry = result.record ? entryOf(sheet, result, subgroupOf, book.rules) : undefined;
      if (entry) entries.push(entry);
      else excluded.push({ sheet, row: result.row });
    }
  }
  // each year shared out: its income and expense closed into its profit, and the pools
  entries.push(...yearCloseEntries(book, entries));
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

/**
 * The journal entry of one valid money row (SPEC §4): what a shell posts on an edit to advance a
 * kept ledger state. Undefined for a row that is not money, or a deposit whose sub-group is unknown.
 */
export function entryOf(
  sheet: DataTabKey,
  result: RowResult,
  subgroupOf: Map<string, string>,
  rules?: Rules,
): Entry | undefined {
  const post = POSTING_RULES[sheet] as PostingRule<DataTabKey> | undefined;
  // a row's record is its tab's (RowResult<K>): the rule of that tab reads it
  return post && result.record ? post(result.record, result.row, subgroupOf, rules) : undefined;
}

/** The sum of an entry's postings: zero for every entry the journal makes. */
export function entryTotal(entry: Entry): Satang {
  let total = ZERO;
  for (const posting of entry.postings) total = plus(total, posting.amount);
  return total;
}
