import type { Book, BooksStatus, CheckOptions, CheckResult, RowRef } from '../check/book.ts';
import { readBook, resultOf } from '../check/check-workbook.ts';
import { sortFindings } from '../check/sort-findings.ts';
import { buyoutFindings } from '../ledger/buyouts.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import { creditFindings } from '../ledger/credit-rules.ts';
import { buildJournal, type Journal } from '../ledger/journal.ts';
import { foldLedger } from '../ledger/ledger-checks.ts';
import { welfareFindings } from '../ledger/welfare-rules.ts';
import type { Finding, FindingCode } from '../model/finding.ts';
import type { DataTabKey } from '../model/records.ts';
import { tabsWhere } from '../model/tabs.ts';
import type { Workbook } from '../workbook.ts';
import { yearEndFindings } from '../year/year-end-checks.ts';

/** Tabs whose rows feed the books (the journal, the counts, the household figures). */
const BOOK_TABS = tabsWhere((r) => r.books) as readonly DataTabKey[];

/**
 * The rule for rows with errors, said out loud (docs/decisions.md): a row with a cell error
 * (a value, a reference, a date) is left out of the books until fixed; a row whose only errors
 * are what the books found (an overdrawing withdrawal, an overpaid loan, a balance below zero) is
 * posted — the money did move — and marked wherever it is shown.
 */
export function booksStatus(book: Book, journal: Journal, findings: Finding[]): BooksStatus {
  const left_out: RowRef[] = [];
  for (const sheet of BOOK_TABS)
    for (const { row, record } of book.tables.get(sheet) ?? []) if (!record) left_out.push({ sheet, row });
  // the rows with an error the books found: few, so look each up rather than index every entry
  const candidates = findings.filter((f) => f.severity === 'error' && f.row !== null);
  if (candidates.length === 0) return { left_out, posted_with_errors: [] };
  const wanted = new Set(candidates.map((f) => `${f.sheet}:${f.row}`));
  const posted = new Set<string>();
  for (const e of journal.entries) {
    if (e.sheet === 'settings') continue;
    const key = `${e.sheet}:${e.row}`;
    if (wanted.has(key)) posted.add(key);
  }
  const flagged = new Map<string, { sheet: DataTabKey; row: number; codes: FindingCode[] }>();
  for (const f of findings) {
    if (f.severity !== 'error' || f.row === null || !posted.has(`${f.sheet}:${f.row}`)) continue;
    const key = `${f.sheet}:${f.row}`;
    const item = flagged.get(key) ?? { sheet: f.sheet as DataTabKey, row: f.row, codes: [] };
    if (!item.codes.includes(f.code)) item.codes.push(f.code);
    flagged.set(key, item);
  }
  return { left_out, posted_with_errors: [...flagged.values()] };
}

/** Reads a workbook, builds its journal and runs every check of SPEC §5 (row, reference and ledger). */
export function checkBooks(workbook: Workbook, options: CheckOptions): CheckedBooks {
  const book = readBook(workbook, options);
  const journal = buildJournal(book);
  const ledger = foldLedger(book, journal);
  const year = yearEndFindings({ book, journal });
  const credit = [...creditFindings(book, journal), ...buyoutFindings(book), ...welfareFindings(book)];
  const findings = sortFindings([...book.findings, ...ledger.findings, ...year, ...credit]);
  const result = resultOf(
    book.identified ? book.settings.group_id : null,
    book.context.asOf,
    findings,
    booksStatus(book, journal, findings),
  );
  return { book, journal, findings, result, ledger: ledger.state };
}

/** `sajja check`: every finding of a workbook, errors and warnings counted (SPEC §7). */
export function checkWorkbook(workbook: Workbook, options: CheckOptions): CheckResult {
  return checkBooks(workbook, options).result;
}

/** The same checked books with more findings (e.g. from the archive), counts recomputed. */
export function withFindings(checked: CheckedBooks, extra: Finding[]): CheckedBooks {
  if (extra.length === 0) return checked;
  const findings = sortFindings([...checked.findings, ...extra]);
  const books = booksStatus(checked.book, checked.journal, findings);
  return {
    ...checked,
    findings,
    result: resultOf(checked.result.group_id, checked.result.as_of, findings, books),
  };
}

/** The codes of the errors on each posted row, by `sheet:row`: what a passbook line is marked with. */
export function postedErrors(checked: CheckedBooks): Map<string, FindingCode[]> {
  return new Map(checked.result.books.posted_with_errors.map((p) => [`${p.sheet}:${p.row}`, p.codes]));
}
