import type { IsoDate } from '../calendar.ts';
import type { Finding, FindingCode, FindingPlace } from '../model/finding.ts';
import type { Tables } from '../model/place.ts';
import type { DataTabKey, RecordOf } from '../model/records.ts';
import type { Rules } from '../model/rules.ts';
import type { Settings } from '../model/settings.ts';
import type { CheckContext } from './context.ts';

/**
 * The types every job after the check reads: a workbook read into typed rows (`Book`), the answer
 * of `sajja check` and the rule for rows with errors. Types and one reader only, so the ledger,
 * the summary, the archive and the reports depend on this file and not on the checker's code.
 */

/** "Today" for date and overdue checks: a date, or a clock that gives it in the group's zone. */
export type AsOf = IsoDate | ((timeZone: string) => IsoDate);

export interface CheckOptions {
  asOf: AsOf;
}

/** A row of a data tab. */
export interface RowRef {
  sheet: DataTabKey;
  row: number;
}

/** Which rows with errors are in the books and which are not (docs/decisions.md, "rows with errors"). */
export interface BooksStatus {
  /** Rows with a cell error: not in the journal, the summary, the passbook or the export until fixed. */
  left_out: RowRef[];
  /** Rows in the books that carry an error the books found (overdrawn, overpaid, below zero). */
  posted_with_errors: (RowRef & { codes: FindingCode[] })[];
}

/** The answer of `sajja check` (SPEC §7, with `as_of` and `books`). */
export interface CheckResult {
  group_id: string | null;
  ok: boolean;
  as_of: IsoDate;
  counts: { error: number; warning: number };
  findings: Finding[];
  books: BooksStatus;
}

/** A workbook read into typed rows, with everything found wrong on the way. */
export interface Book {
  settings: Settings;
  /** False when group_id or group_name could not be read. */
  identified: boolean;
  context: CheckContext;
  /** Every non-empty row of each data tab present, in sheet order. */
  tables: Tables;
  /** Where each setting's value cell is, by key. */
  settingCells: Map<string, FindingPlace>;
  /** The group's bylaws (SPEC §13): the rules tab read, every default where it is silent or absent. */
  rules: Rules;
  /** Where each bylaw's value cell is, by key. */
  ruleCells: Map<string, FindingPlace>;
  findings: Finding[];
}

/** The valid records of a tab, in sheet order (rows with errors left out). */
export function recordsOf<K extends DataTabKey>(book: Book, tab: K): RecordOf<K>[] {
  const records: RecordOf<K>[] = [];
  for (const { record } of book.tables.get(tab) ?? []) if (record) records.push(record);
  return records;
}
