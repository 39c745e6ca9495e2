import {
  type BatchGetResponse,
  type CellValue,
  type CheckContext,
  columnsOf,
  contextFromJson,
  contextToJson,
  findTab,
  readBook,
  TABS,
  type TabKey,
  tabSpec,
  updateContext,
  type Workbook,
} from '../../../core/index.ts';
import { readCells, zoneOf } from './cells.ts';
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

/** The findings tab: Sajja's own, replaced on every full check (SPEC §15, "From a phone"). */
export const FINDINGS_TAB = 'ผลการตรวจ (findings)';
/** The actions tab (SPEC §15): what the menu does, reachable from a phone, where no menu shows. */
export const ACTIONS_TAB = 'สั่งงาน (actions)';
/** Tabs Sajja writes for people to read or tick: never read as the group's books. */
const OWN_OUTPUT_TABS: readonly string[] = [FINDINGS_TAB, ACTIONS_TAB];

const quote = (title: string) => `'${title.replace(/'/g, "''")}'`;

/**
 * Every tab as the Sheets API's values.batchGet would give it (UNFORMATTED_VALUE, SERIAL_NUMBER),
 * the same JSON the Lambda and the monthly job read, made from each tab's values and number
 * formats (two reads a tab): a date cell is its serial day in the spreadsheet's zone, a percentage
 * the text shown; empty cells at the end of a row and empty rows at the end are left off, as the
 * API leaves them. (The Sheets advanced service is refused under the this-sheet-only scope: it is
 * not used, SPEC §12.)
 */
export function readWorkbook(ss: Spreadsheet): BatchGetResponse {
  const zone = zoneOf(ss);
  return {
    spreadsheetId: ss.getId(),
    // Sajja's own output tabs (the findings, the actions) are not the group's books
    valueRanges: ss
      .getSheets()
      .filter((sheet) => !OWN_OUTPUT_TABS.includes(sheet.getName()))
      .map((sheet) => {
        const values = readCells(sheet.getDataRange(), zone).map((row) => {
          let end = row.length;
          while (end > 0 && row[end - 1] === '') end--;
          return row.slice(0, end);
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
  const zone = zoneOf(ss);
  const workbook: Workbook = { tabs: [] };
  const uniques: { key: TabKey; rows: { row: number; cells: CellValue[] }[] }[] = [];
  for (const spec of TABS) {
    const sheet = sheetOf(ss, spec.key);
    if (!sheet) continue;
    const width = Math.max(1, sheet.getLastColumn());
    const height = sheet.getLastRow();
    if (SMALL_TABS.includes(spec.key)) {
      const rows = height > 0 ? readCells(sheet.getRange(1, 1, height, width), zone) : [[]];
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

/**
 * The tab's columns as its header says now: a column inserted, removed or renamed since the
 * context was made moves them (SPEC §3: columns may move). True when they moved (the context is
 * updated and kept).
 */
export function refreshColumns(ctx: CheckContext, key: TabKey, header: readonly CellValue[]): boolean {
  const now = columnsOf(tabSpec(key), header);
  const kept = ctx.layouts.get(key);
  const same =
    kept !== undefined &&
    kept.columns.size === now.columns.size &&
    [...now.columns].every(([column, index]) => kept.columns.get(column) === index);
  if (same) return false;
  ctx.layouts.set(key, now);
  keepContext(ctx);
  return true;
}

/** Drops the kept context: the next edit builds it again from the sheet (a structural change). */
export function dropContext(): void {
  CacheService.getDocumentCache()?.remove('sajja:context');
}

/** Keeps the context after an edit to an id or a request (so the next edit sees it). */
export function keepContext(ctx: CheckContext): void {
  putCached('sajja:context', contextToJson(ctx));
}
