/**
 * Sajja's pure domain core: cells → typed records → findings. No I/O, no clock, no environment;
 * bundled unchanged into Apps Script, Lambda and the CLI.
 */

// The API's request signing (SPEC §9), shared by every signer and verifier
export {
  canonicalString,
  constantTimeEqual,
  hmacSha256Hex,
  KEY_ID,
  MAX_SKEW_SECONDS,
  NONCE,
  NONCE_TTL_SECONDS,
  type SignedParts,
  signature,
} from './api/signing.ts';
// The archive: snapshots, the chain, the port shells implement
export { type ArchiveResult, archiveAnswer, archiveMonth } from './archive/archive-month.ts';
export {
  ArchiveCorruptError,
  type ArchivedGroup,
  type ArchiveStore,
  type ChainHead,
  type Commit,
} from './archive/archive-store.ts';
export { canonicalJson } from './archive/canonical.ts';
export { changesSince, closedPeriodFindings, showCell, showRow } from './archive/closed-period.ts';
export { diffRows } from './archive/diff-rows.ts';
export { latestByMonth, readSnapshot, utf8Decode } from './archive/read-snapshot.ts';
export { figureHeld, SNAPSHOT_SCHEMA, schemaOf } from './archive/schema.ts';
export { chainHash } from './archive/snapshot.ts';
export type { Snapshot, SnapshotContent } from './archive/snapshot-content.ts';
export { type ChainBreak, type ChainReport, verifyChain } from './archive/verify-chain.ts';
export { yearChangedFindings } from './archive/year-changed.ts';
export { isYearKey, yearKey, yearSnapshot } from './archive/year-snapshot.ts';
export {
  addDays,
  addMonths,
  DEFAULT_ZONE,
  dayIn,
  daysInMonth,
  type IsoDate,
  monthBounds,
  monthJustEnded,
  nextMonth,
  previousMonth,
} from './calendar.ts';
export { a1, type CellValue, columnIndex, columnLetters } from './cell.ts';
export {
  type AsOf,
  type Book,
  type BooksStatus,
  type CheckOptions,
  type CheckResult,
  type RowRef,
  recordsOf,
} from './check/book.ts';
export { checkRow, type RowResult } from './check/check-row.ts';
export { checkRows, type RowsCheck } from './check/check-rows.ts';
export { readBook, resultOf } from './check/check-workbook.ts';
export {
  buildContext,
  type CheckContext,
  contextFromJson,
  contextToJson,
  type EditedRow,
  updateContext,
} from './check/context.ts';
export { groupIdOf } from './check/group-of.ts';
export { exportLedger, type LedgerFormat, toolAccount } from './export/plain-ledger.ts';
export { GROUP_ID, GROUP_ID_RULE, isGroupId } from './group-id.ts';
export {
  booksStatus,
  checkBooks,
  checkWorkbook,
  postedErrors,
  withFindings,
} from './jobs/check-books.ts';
// The jobs every shell calls (CLI, Lambda API, monthly job, Apps Script), each on one checked book
export { compareClosedMonths } from './jobs/closed-months.ts';
export { buildSnapshot, checkForSnapshot, snapshot, snapshotAsOf } from './jobs/snapshot.ts';
export { summarise } from './jobs/summarise.ts';
export * as accounts from './ledger/accounts.ts';
export { type BuyoutFigures, buyoutFigures, debtRelief } from './ledger/buyouts.ts';
export type { CheckedBooks } from './ledger/checked-books.ts';
export type { Entry, Posting } from './ledger/entry.ts';
export { advance, finish } from './ledger/fold.ts';
export { buildJournal, entryOf, entryTotal, type Journal } from './ledger/journal.ts';
export { checkLedger, datedCounts, foldLedger, OVERDUE_DAYS, openingLedger } from './ledger/ledger-checks.ts';
export {
  type Installment,
  loanSchedule,
  loanStatus,
  monthlyInterest,
  splitEqually,
} from './ledger/loan-schedule.ts';
export {
  cloneLedger,
  emptyLedger,
  type LedgerEvent,
  type LedgerState,
  ledgerEvents,
  ledgerStateFromJson,
  ledgerStateToJson,
} from './ledger/state.ts';
export { CHAMUANG, welfareFindings, welfareHealth, welfareTable } from './ledger/welfare-rules.ts';
export {
  FINDING_CODES,
  FINDING_FIELDS,
  type Finding,
  type FindingCode,
  type FindingField,
  type FindingOf,
  type Severity,
} from './model/finding.ts';
// Words people read: Thai labels, Buddhist-Era dates, months
export { allowedText, bilingualLabel, type LabelKind, shownDefault, thaiLabel } from './model/labels.ts';
export { columnsOf, layoutWorkbook } from './model/layout.ts';
export { MONTH_COLUMN, monthFindings, monthRows, type SnapshotRow } from './model/month-rows.ts';
export { placeOf } from './model/place.ts';
export * from './model/records.ts';
export {
  DEFAULT_RULES,
  POOL_NAMES,
  POOLS,
  type Pool,
  PRESETS,
  type Product,
  RULE_SPECS,
  type Rules,
  UNWRITTEN_RULES,
} from './model/rules.ts';
export { SETTING_SPECS, type Settings, SettingsSchema } from './model/settings.ts';
export {
  type ColumnSpec,
  type EntrySpec,
  TABS,
  type TabKey,
  type TabRoles,
  type TabSpec,
  tabSpec,
  tabsWhere,
  templateTabName,
} from './model/tabs.ts';
export {
  allocate,
  bahtNumber,
  divideHalfUp,
  formatBaht,
  larger,
  MAX_SATANG,
  minus,
  negate,
  plus,
  type Satang,
  satang,
  smaller,
  sum,
  times,
  ZERO,
} from './money.ts';
// The monthly job (SPEC §10): the registry, the summary tab written back
export {
  type GroupOutcome,
  type GroupStatus,
  type LineStatements,
  type MonthlyResult,
  type Registry,
  type RegistryGroup,
  RegistryGroupSchema,
  type RegistryProblem,
  RegistrySchema,
  readRegistryItems,
} from './monthly/registry.ts';
export { type PlainCell, SUMMARY_TAB, summaryTabRows } from './monthly/summary-tab.ts';
export {
  type Calendar,
  type DateOptions,
  parseDate,
  parseMonth,
  serialOf,
} from './parse/date.ts';
export { enumKeys, parseEnum } from './parse/enumeration.ts';
export {
  CATEGORIES,
  ENUMERATIONS,
  type EnumerationName,
  REDUCIBLE_CATEGORIES,
} from './parse/enumerations.ts';
export { parseMoney } from './parse/money.ts';
export type { Parsed, ParseReason } from './parse/parsed.ts';
export { parseId, parseInteger, parsePercent, parseText } from './parse/scalars.ts';
export { type DebtFree, type DebtFreeStatus, debtFree } from './reports/debt-free.ts';
export type { PlanProgress, SuggestedPledge } from './reports/household-plans.ts';
export {
  type HouseholdPlans,
  type HouseholdView,
  householdsWithPlans,
  householdView,
} from './reports/household-view.ts';
export { LINE_TEXT_LIMIT, type MemberStatement, memberStatements } from './reports/line-statement.ts';
export { type Passbook, passbook } from './reports/passbook.ts';
// Reports (SPEC §11): pure renderers, HTML escaped by construction, and their plain text
export {
  type ArchiveNote,
  type GroupReport,
  groupReportData,
  groupReportText,
  renderGroupReport,
} from './reports/render/group-report.ts';
export { renderHouseholdPage } from './reports/render/household-page.ts';
export { escapeHtml, Html, html } from './reports/render/html.ts';
export {
  type NetworkGroup,
  type NetworkReport,
  type NetworkRow,
  networkReportData,
  networkReportOfRows,
  networkReportText,
  networkRow,
  renderNetworkReport,
} from './reports/render/network-report.ts';
export { type PaperSize, renderPassbook } from './reports/render/passbook-page.ts';
export { planLines } from './reports/render/plans.ts';
export { renderYearMeeting } from './reports/render/year-meeting.ts';
export { sha256, utf8 } from './sha256.ts';
// Sources: the Sheets API batchGet response (what the Lambda, the monthly job and Apps Script read)
export {
  type BatchGetResponse,
  BatchGetSchema,
  batchGetFromWorkbook,
  MAX_SHEET_COLUMNS,
  MAX_SHEET_ROWS,
  type SheetsCell,
  splitRange,
  UnusableWorkbookError,
  workbookFromBatchGet,
} from './sources/batchget.ts';
export { isPercentFormat, percentShown } from './sources/number-format.ts';
export {
  FIGURES,
  type Figure,
  type FigureUnit,
  figure,
  figureLabel,
  figuresOf,
  figureValue,
  showFigure,
} from './summary/figures.ts';
// The books: summaries, the ledger state, views, exports
export { debtPosition, type MonthlySummary, summariseMonth } from './summary/monthly-summary.ts';
export { thaiDate, thaiDateTime, thaiMonth } from './thai-date.ts';
export { toArabicDigits } from './thai-text.ts';
export { findTab, nameMatches, type SheetTab, type Workbook } from './workbook.ts';
export {
  fiscalYear,
  METHODS,
  type Method,
  parseYearText,
  type YearEnd,
  type YearMember,
  yearEnd,
} from './year/year-end.ts';
export { yearEndFindings } from './year/year-end-checks.ts';
export { withYearEndRows } from './year/year-end-rows.ts';
