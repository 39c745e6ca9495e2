import type { Book } from '../check/book.ts';
import type { Finding } from '../model/finding.ts';
import type { CashCount } from '../model/records.ts';
import { leftWithSavings } from './checks/left-with-savings.ts';
import { advance, finish } from './fold.ts';
import type { Journal } from './journal.ts';
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

/** The ledger of a book before its first entry: its valid loans and its remittance limit. */
export function openingLedger(book: Book): LedgerState {
  const loans = (book.tables.get('loans') ?? []).flatMap((r) =>
    r.record ? [{ row: r.row, record: r.record }] : [],
  );
  return emptyLedger(book.settings.remit_within_days, loans);
}

/**
 * The treasurer's ledger checks of SPEC §5 over the whole book: the ledger state folded from the
 * opening over every entry and count (overdrawn savings, overpaid loans, cash, bank or the welfare
 * fund below zero, counts that differ, money held too long), then what depends on the check date
 * (money still held, overdue loans, months with no count). The state is returned as the last entry
 * left it (`finish` reads it, never changes it): a shell resumes from it (Apps Script's edits).
 */
export function foldLedger(book: Book, journal: Journal): { state: LedgerState; findings: Finding[] } {
  const state = openingLedger(book);
  const findings = advance(state, ledgerEvents(journal.entries, datedCounts(book)), book.context);
  findings.push(...finish(state, book.context, book.context.asOf));
  leftWithSavings(book, state, findings);
  return { state, findings };
}

/** The ledger checks' findings alone. */
export function checkLedger(book: Book, journal: Journal): Finding[] {
  return foldLedger(book, journal).findings;
}
