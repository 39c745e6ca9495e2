import type { IsoDate } from '../calendar.ts';
import type { CashCount, DataTabKey, Loan } from '../model/records.ts';
import type { Satang } from '../money.ts';
import type { Account } from './accounts.ts';
import type { Entry } from './entry.ts';

/** How many days before a month's end a count still counts for that month. */
export const COUNT_WINDOW_DAYS = 7;
/** Days overdue after which a loan is flagged (and counted in PAR30). */
export const OVERDUE_DAYS = 30;
/** A loan as the ledger follows it: what was lent, its schedule's inputs and its row. */
export interface LoanFacts {
  principal: Satang;
  disbursed_on: IsoDate;
  term_months: number;
  row: number;
}

/** Money a sub-group head collected and still holds: the day, its row and how much is left. */
export interface Held {
  date: IsoDate;
  row: number | null;
  left: Satang;
}

/** Where a posting last touched an account: for a finding at the row that took it below zero. */
export type Place = { sheet: DataTabKey | 'settings'; row: number | null; column: string | null };

/**
 * The ledger as of a day: every balance (each member's savings, cash, bank, what each sub-group
 * head holds, each loan, the welfare fund), each loan's principal repaid, the money held by heads
 * oldest first, and what the one-finding-per-episode rules remember. A shell keeps it (as JSON,
 * ledgerStateToJson) and advances it with new rows without reading the sheet again.
 */
export interface LedgerState {
  /** The last day events were taken in, and whether its end has been checked. */
  day: IsoDate | null;
  dayClosed: boolean;
  remitWithinDays: number;
  balances: Map<Account, Satang>;
  repaid: Map<string, Satang>;
  loans: Map<string, LoanFacts>;
  held: Map<string, Held[]>;
  negative: Map<Account, boolean>;
  lateEpisode: Set<string>;
  lastCount: Map<Account, { date: IsoDate; difference: Satang }>;
  lastTouch: Map<Account, Place>;
  /** Months with cash or bank postings, per account (W_COUNT_MISSING). */
  posted: Map<string, Set<Account>>;
  /** `account:date` of every count taken. */
  counted: Set<string>;
  /**
   * The earliest day of a savings row left out of the books (an error in it, or a member with no
   * known sub-group), or null: from then on what a head holds is not known, so a remittance larger
   * than it is not flagged (the left-out row carries the finding to fix).
   */
  leftOutSince: IsoDate | null;
}

/** A cash or bank count at the end of its day, with its sheet row. */
export interface DatedCount {
  row: number;
  count: CashCount;
}

/** What the ledger takes in: a journal entry, or a count (no wrapper: a book has 150,000 entries). */
export type LedgerEvent = Entry | DatedCount;

export const isCount = (e: LedgerEvent): e is DatedCount => 'count' in e;
export const eventDate = (e: LedgerEvent) => (isCount(e) ? e.count.date : e.date);

/** The ledger before anything happened, knowing the group's valid loans and its remittance limit. */
export function emptyLedger(
  remitWithinDays: number,
  loans: readonly { row: number; record: Loan }[] = [],
  leftOutSince: IsoDate | null = null,
): LedgerState {
  return {
    day: null,
    dayClosed: true,
    remitWithinDays,
    balances: new Map(),
    repaid: new Map(),
    loans: new Map(
      loans.map(({ row, record }) => [
        record.loan_id,
        {
          principal: record.principal,
          disbursed_on: record.disbursed_on,
          term_months: record.term_months,
          row,
        },
      ]),
    ),
    held: new Map(),
    negative: new Map(),
    lateEpisode: new Set(),
    lastCount: new Map(),
    lastTouch: new Map(),
    posted: new Map(),
    counted: new Set(),
    leftOutSince,
  };
}

/** Journal entries and counts as one stream in ledger order: a day's entries, then its counts. */
export function ledgerEvents(entries: readonly Entry[], counts: readonly DatedCount[]): LedgerEvent[] {
  if (counts.length === 0) return entries as LedgerEvent[];
  const events: LedgerEvent[] = [];
  let c = 0;
  for (const entry of entries) {
    while (c < counts.length && counts[c]!.count.date < entry.date) events.push(counts[c++]!);
    events.push(entry);
  }
  while (c < counts.length) events.push(counts[c++]!);
  return events;
}

/** A deep copy of a ledger state (a shell's kept state is never changed by a trial). */
export function cloneLedger(state: LedgerState): LedgerState {
  return ledgerStateFromJson(ledgerStateToJson(state));
}

/**
 * The state as JSON text, to keep (Apps Script's cache): every field as it is, Maps and Sets
 * tagged (`{"$map": [...]}`, `{"$set": [...]}`) at any depth, so no field is listed twice.
 */
export function ledgerStateToJson(state: LedgerState): string {
  return JSON.stringify(state, (_key, value) =>
    value instanceof Map ? { $map: [...value] } : value instanceof Set ? { $set: [...value] } : value,
  );
}

/** The state from ledgerStateToJson's text. */
export function ledgerStateFromJson(text: string): LedgerState {
  return JSON.parse(text, (_key, value) =>
    value !== null && typeof value === 'object' && '$map' in value
      ? new Map(value.$map)
      : value !== null && typeof value === 'object' && '$set' in value
        ? new Set(value.$set)
        : value,
  ) as LedgerState;
}
