/**
 * Sajja's pure domain core: cells → typed records → findings. No I/O, no clock, no environment;
 * bundled unchanged into Apps Script, Lambda and the CLI.
 */
export { a1, type CellValue, columnIndex, columnLetters } from './cell.ts';
export { checkRow, type RowResult } from './check/check-row.ts';
export { checkRows, type RowsCheck } from './check/check-rows.ts';
export {
  type AsOf,
  type Book,
  type CheckOptions,
  type CheckResult,
  readBook,
  resultOf,
} from './check/check-workbook.ts';
export {
  buildContext,
  type CheckContext,
  contextFromJson,
  contextToJson,
  type EditedRow,
  updateContext,
} from './check/context.ts';
export { FINDING_CODES, type Finding, type FindingCode, type Severity } from './check/finding.ts';
export { type CheckedBooks, checkBooks, checkWorkbook, withFindings } from './jobs/check-books.ts';
export * as accounts from './ledger/accounts.ts';
export { addMonths, isMonth, monthBounds } from './ledger/dates.ts';
export { buildJournal, type Entry, entryTotal, type Journal, type Posting } from './ledger/journal.ts';
export { loanSchedule, loanStatus, monthlyInterest, splitEqually } from './ledger/loan-schedule.ts';
export * from './model/records.ts';
export { SETTING_SPECS, type Settings, SettingsSchema } from './model/settings.ts';
export { type ColumnSpec, TABS, type TabKey, type TabSpec, tabSpec, templateTabName } from './model/tabs.ts';
export {
  type Calendar,
  type DateOptions,
  type IsoDate,
  isIsoDate,
  parseDate,
  serialOf,
} from './parse/date.ts';
export { enumKeys, parseEnum } from './parse/enumeration.ts';
export {
  CATEGORIES,
  ENUMERATIONS,
  type EnumerationName,
  REDUCIBLE_CATEGORIES,
} from './parse/enumerations.ts';
export { formatBaht, MAX_SATANG, parseMoney, type Satang } from './parse/money.ts';
export type { Parsed, ParseReason } from './parse/parsed.ts';
export { parseId, parseInteger, parsePercent, parseText } from './parse/scalars.ts';
export { toArabicDigits } from './thai-text.ts';
export { findTab, layoutWorkbook, nameMatches, type SheetTab, type Workbook } from './workbook.ts';
