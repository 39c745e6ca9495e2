import {
  type Book,
  type CheckOptions,
  type CheckResult,
  readBook,
  resultOf,
} from '../check/check-workbook.ts';
import type { Finding } from '../check/finding.ts';
import { sortFindings } from '../check/sort-findings.ts';
import { buildJournal, type Journal } from '../ledger/journal.ts';
import { checkLedger } from '../ledger/ledger-checks.ts';
import type { Workbook } from '../workbook.ts';

/** A workbook read, posted to its journal and checked: what every later job starts from. */
export interface CheckedBooks {
  book: Book;
  journal: Journal;
  findings: Finding[];
  result: CheckResult;
}

/** Reads a workbook, builds its journal and runs every check of SPEC §5 (row, reference and ledger). */
export function checkBooks(workbook: Workbook, options: CheckOptions): CheckedBooks {
  const book = readBook(workbook, options);
  const journal = buildJournal(book);
  const findings = sortFindings([...book.findings, ...checkLedger(book, journal)]);
  const result = resultOf(book.identified ? book.settings.group_id : null, book.context.asOf, findings);
  return { book, journal, findings, result };
}

/** `sajja check`: every finding of a workbook, errors and warnings counted (SPEC §7). */
export function checkWorkbook(workbook: Workbook, options: CheckOptions): CheckResult {
  return checkBooks(workbook, options).result;
}

/** The same checked books with more findings (e.g. from the archive), counts recomputed. */
export function withFindings(checked: CheckedBooks, extra: Finding[]): CheckedBooks {
  if (extra.length === 0) return checked;
  const findings = sortFindings([...checked.findings, ...extra]);
  return { ...checked, findings, result: resultOf(checked.result.group_id, checked.result.as_of, findings) };
}
