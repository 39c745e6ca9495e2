import type { Book, CheckResult } from '../check/book.ts';
import type { Finding } from '../model/finding.ts';
import type { Journal } from './journal.ts';
import type { LedgerState } from './state.ts';

/** A workbook read, posted to its journal and checked: what every later job starts from. */
export interface CheckedBooks {
  book: Book;
  journal: Journal;
  findings: Finding[];
  result: CheckResult;
  /** The ledger state after the book's last entry and count: where checks of later entries resume. */
  ledger: LedgerState;
  /**
   * Whether closed months were compared with the archive: `done`, `no_archive` (the book has
   * `closed_through` but no archive was there to compare with) or `not_needed`.
   */
  closedCheck?: 'done' | 'no_archive' | 'not_needed';
}
