import type { IsoDate } from '../calendar.ts';
import type { Book } from '../check/book.ts';
import type { Finding } from '../model/finding.ts';
import type { CashCount } from '../model/records.ts';
import { leftWithSavings } from './checks/left-with-savings.ts';
import { advance, finish } from './fold.ts';
import type { Excluded, Journal } from './journal.ts';
import { emptyLedger, type LedgerState, ledgerEvents } from './state.ts';

export { OVERDUE_DAYS } from './state.ts';

/** The valid cash and bank counts with their sheet rows, by date (then row): end-of-day balances. */
export function datedCounts(book: Book): { row: number; count: CashCount }[] {
  const counts = (book.tables.get('counts') ?? []).flatMap((r) =>
    r.record ? [{ row: r.row, count: r.record }] : [],
  );
  return counts.sort((a, b) =>
    a.count.date < b.count.date ? -1 : a.count.date > b.count.date ? 1 : a.row - b.row,
  );
}

/**
 * The ledger of a book before its first entry: its valid loans, its remittance limit, and the
 * earliest savings row left out of the books (the journal's `excluded`, or else the rows with
 * errors): a date that cannot be read counts as the start of the books.
 */
export function openingLedger(book: Book, excluded?: readonly Excluded[]): LedgerState {
  const loans = (book.tables.get('loans') ?? []).flatMap((r) =>
    r.record ? [{ row: r.row, record: r.record }] : [],
  );
  const savings = book.tables.get('savings') ?? [];
  const out = excluded
    ? new Set(excluded.filter((e) => e.sheet === 'savings').map((e) => e.row))
    : new Set(savings.filter((r) => !r.record).map((r) => r.row));
  let since: IsoDate | null = null;
  for (const r of savings) {
    if (!out.has(r.row)) continue;
    const date = typeof r.values.date === 'string' ? r.values.date : '0000-01-01';
    if (since === null || date < since) since = date;
  }
  return emptyLedger(book.settings.remit_within_days, loans, since);
}

/**
 * The treasurer's ledger checks of SPEC §5 over the whole book: the ledger state folded from the
 * opening over every entry and count (overdrawn savings, overpaid loans, cash, bank or the welfare
 * fund below zero, counts that differ, money held too long), then what depends on the check date
 * (money still held, overdue loans, months with no count). The state is returned as the last entry
 * left it (`finish` reads it, never changes it): a shell resumes from it (Apps Script's edits).
 */
export function foldLedger(book: Book, journal: Journal): { state: LedgerState; findings: Finding[] } {
  const state = openingLedger(book, journal.excluded);
  const findings = advance(state, ledgerEvents(journal.entries, datedCounts(book)), book.context);
  findings.push(...finish(state, book.context, book.context.asOf));
  leftWithSavings(book, state, findings);
  return { state, findings };
}

/** The ledger checks' findings alone. */
export function checkLedger(book: Book, journal: Journal): Finding[] {
  return foldLedger(book, journal).findings;
}
