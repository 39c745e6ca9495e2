import {
  type BatchGetResponse,
  type CellValue,
  type CheckContext,
  contextFromJson,
  contextToJson,
  DEFAULT_ZONE,
  findTab,
  parseDate,
  readBook,
  serialOf,
  TABS,
  type TabKey,
  updateContext,
  type Workbook,
} from '../../../core/index.ts';
import { getCached, putCached } from './store.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The tab of the sheet that holds a known table, matched by SPEC §3's rule (or undefined). */
export function tabKeyOf(sheet: Sheet): TabKey | undefined {
  const name = sheet.getName();
  const spec = TABS.find((s) => findTab({ tabs: [{ name, rows: [] }] }, s) !== undefined);
  return spec?.key;
}

/** The sheet of a known table, or undefined. */
export function sheetOf(ss: Spreadsheet, key: TabKey): Sheet | undefined {
  const sheets = ss.getSheets();
  const spec = TABS.find((s) => s.key === key)!;
  const tab = findTab({ tabs: sheets.map((s) => ({ name: s.getName(), rows: [] })) }, spec);
  return tab ? sheets.find((s) => s.getName() === tab.name) : undefined;
}

const quote = (title: string) => `'${title.replace(/'/g, "''")}'`;

/**
 * Every tab in one Sheets advanced-service `values.batchGet` (UNFORMATTED_VALUE, SERIAL_NUMBER):
 * the same JSON the Lambda and the monthly job read. Where the advanced service cannot be used
 * (not enabled, or refused under the this-sheet-only scope), the same JSON is made from each tab's
 * getValues: a date cell becomes its serial day in the spreadsheet's zone, empty cells at the end
 * of a row and empty rows at the end are left off, as the API leaves them.
 */
export function readBatchGet(ss: Spreadsheet): BatchGetResponse {
  const titles = ss.getSheets().map((s) => s.getName());
  try {
    const response = Sheets!.Spreadsheets!.Values!.batchGet(ss.getId(), {
      ranges: titles.map(quote),
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    return response as unknown as BatchGetResponse;
  } catch {
    return readByGetValues(ss);
  }
}

function readByGetValues(ss: Spreadsheet): BatchGetResponse {
  const timeZone = ss.getSpreadsheetTimeZone() || DEFAULT_ZONE;
  const cell = (value: unknown): CellValue => {
    if (Object.prototype.toString.call(value) !== '[object Date]') return value as CellValue;
    const day = parseDate(value as Date, { timeZone, calendar: 'buddhist' });
    return day.ok ? serialOf(day.value) : String(value);
  };
  return {
    spreadsheetId: ss.getId(),
    valueRanges: ss.getSheets().map((sheet) => {
      const values = sheet
        .getDataRange()
        .getValues()
        .map((row) => {
          let end = row.length;
          while (end > 0 && row[end - 1] === '') end--;
          return row.slice(0, end).map(cell);
        });
      while (values.length > 0 && values[values.length - 1]!.length === 0) values.pop();
      return { range: `${quote(sheet.getName())}!A1`, majorDimension: 'ROWS', values };
    }),
  } as BatchGetResponse;
}

/** Tabs whose whole rows the context reads (small: people and loans), and the settings. */
const SMALL_TABS: readonly TabKey[] = [
  'settings',
  'subgroups',
  'households',
  'members',
  'loans',
  'loan_requests',
];

/**
 * The on-edit context: from the cache, or built from the small tabs, every header row and the
 * unique columns (receipt numbers) — never the whole savings tab's rows — then cached.
 */
export function editContext(ss: Spreadsheet, asOf: string): CheckContext {
  const cached = getCached('sajja:context');
  if (cached) {
    const ctx = contextFromJson(cached);
    if (ctx.asOf === asOf) return ctx;
  }
  const workbook: Workbook = { tabs: [] };
  const uniques: { key: TabKey; rows: { row: number; cells: CellValue[] }[] }[] = [];
  for (const spec of TABS) {
    const sheet = sheetOf(ss, spec.key);
    if (!sheet) continue;
    const width = Math.max(1, sheet.getLastColumn());
    const height = sheet.getLastRow();
    if (SMALL_TABS.includes(spec.key)) {
      const rows = height > 0 ? (sheet.getRange(1, 1, height, width).getValues() as CellValue[][]) : [[]];
      workbook.tabs.push({ name: sheet.getName(), rows });
      continue;
    }
    const header = sheet.getRange(1, 1, 1, width).getValues()[0] as CellValue[];
    workbook.tabs.push({ name: sheet.getName(), rows: [header] });
    const unique = spec.uniqueColumns ?? [];
    const rows: { row: number; cells: CellValue[] }[] = [];
    for (const column of unique) {
      const index = header.findIndex(
        (h) => typeof h === 'string' && (h === column || h.endsWith(`(${column})`)),
      );
      if (index < 0 || height < 2) continue;
      const values = sheet.getRange(2, index + 1, height - 1, 1).getValues();
      values.forEach(([value], i) => {
        if (value === '' || value === null) return;
        const cells: CellValue[] = [];
        cells[index] = value as CellValue;
        rows.push({ row: i + 2, cells });
      });
    }
    uniques.push({ key: spec.key, rows });
  }
  const ctx = readBook(workbook, { asOf }).context;
  for (const { key, rows } of uniques) updateContext(ctx, key, rows);
  putCached('sajja:context', contextToJson(ctx));
  return ctx;
}

/** Keeps the context after an edit to an id or a request (so the next edit sees it). */
export function keepContext(ctx: CheckContext): void {
  putCached('sajja:context', contextToJson(ctx));
}
