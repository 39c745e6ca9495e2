import * as z from 'zod';
import { type CellValue, columnIndex, columnLetters } from '../cell.ts';
import type { SheetTab, Workbook } from '../workbook.ts';

/** Google Sheets' own limits (SPEC §9): what no real spreadsheet exceeds, so a request that does is refused. */
export const SHEETS_LIMITS = {
  /** A tab's title: at most 100 characters. */
  titleChars: 100,
  /** A cell: at most 50,000 characters. */
  cellChars: 50_000,
  /** A spreadsheet: at most 10 million cells. */
  cells: 10_000_000,
} as const;
/** More tabs than any group's book has (Sheets sets no smaller documented limit; 10 million cells do). */
export const MAX_TABS = 1_000;
const MAX_RANGE_CHARS = 2 * SHEETS_LIMITS.titleChars + 2 + 1 + 17;

/** A cell as the Sheets API sends it with `UNFORMATTED_VALUE`: a string, a number or a boolean. */
export type SheetsCell = string | number | boolean;

/**
 * A Sheets API v4 `spreadsheets.values.batchGet` response (Google's `BatchGetValuesResponse`:
 * `spreadsheetId` and `valueRanges` of `ValueRange` — `range`, `majorDimension`, `values`), as the
 * Lambda job, the monthly job and Apps Script's advanced service receive it.
 */
export const BatchGetSchema = z.object({
  spreadsheetId: z.string().max(200).optional(),
  // counted before any range is read: a list of a million empty objects is one issue, not a million
  valueRanges: z
    .array(
      z.object({
        // a title of at most 100 characters, each ' doubled inside quotes, then !A1:ZZZ10000000
        range: z.string().max(MAX_RANGE_CHARS),
        majorDimension: z.enum(['ROWS', 'COLUMNS', 'DIMENSION_UNSPECIFIED']).optional(),
        // rows and cells are checked by hand below: a schema per row would copy a 150,000-row sheet
        values: z.custom<unknown[][]>(Array.isArray, 'values must be a list of rows').optional(),
      }),
    )
    .max(MAX_TABS),
});
export type BatchGetResponse = z.infer<typeof BatchGetSchema>;

/** Thrown when what was given is not a workbook at all (the CLI exits 2, the API answers 400). */
export class UnusableWorkbookError extends Error {
  override name = 'UnusableWorkbookError';
  /** Why, in Thai and in English (`message` is the English). */
  readonly text: { th: string; en: string };
  constructor(text: { th: string; en: string }, options?: ErrorOptions) {
    super(text.en, options);
    this.text = text;
  }
}

/** The largest sheet Google Sheets holds: 10 million cells, so no row or column beyond it exists. */
export const MAX_SHEET_ROWS = 10_000_000;
export const MAX_SHEET_COLUMNS = 18_278; // ZZZ

/**
 * Turns a batchGet response into a workbook. Ranges that do not start at A1 are padded so that
 * rows and columns keep their sheet positions (cell addresses in findings stay right).
 */
export function workbookFromBatchGet(json: unknown): Workbook {
  const parsed = BatchGetSchema.safeParse(json);
  if (!parsed.success) {
    const said = boundedIssues(parsed.error);
    throw new UnusableWorkbookError({
      th: `ไม่ใช่ข้อมูล batchGet ของ Google Sheets: ${said}`,
      en: `not a Sheets batchGet response: ${said}`,
    });
  }
  const tabs: SheetTab[] = [];
  const budget = { cells: SHEETS_LIMITS.cells };
  for (const range of parsed.data.valueRanges) {
    const { sheet, row, column } = splitRange(range.range);
    if (sheet.length > SHEETS_LIMITS.titleChars)
      throw new UnusableWorkbookError({
        th: `ชื่อแท็บยาวเกิน ${SHEETS_LIMITS.titleChars} ตัวอักษรที่ Google Sheets ยอมให้`,
        en: `a tab title longer than the ${SHEETS_LIMITS.titleChars} characters Google Sheets allows`,
      });
    // sized by the values present, never by the range's text: `A999999999` is no sheet's row
    if (row > MAX_SHEET_ROWS || column >= MAX_SHEET_COLUMNS)
      throw new UnusableWorkbookError({
        th: `ช่วง ${range.range.slice(0, 80)} เริ่มเกินแผ่นงานที่ใหญ่ที่สุด (${MAX_SHEET_ROWS} แถว คอลัมน์ ZZZ)`,
        en: `range ${range.range.slice(0, 80)} starts beyond the largest sheet (${MAX_SHEET_ROWS} rows, column ZZZ)`,
      });
    let rows = cellRows(range.values ?? [], budget);
    if (range.majorDimension === 'COLUMNS') rows = transpose(rows);
    // offsets are holes, not filled arrays: memory follows the values present, not the range's text
    if (column > 0) rows = rows.map((r) => shifted(r, column));
    if (row > 1) rows = shifted(rows, row - 1) as CellValue[][];
    tabs.push({ name: sheet, rows });
  }
  return { tabs };
}

/**
 * The rows as cell values. The Sheets API only sends strings, numbers and booleans; anything
 * else (an object, an array) is kept as its JSON text, so the checker reports it as typed.
 */
function cellRows(rows: unknown[][], budget: { cells: number }): CellValue[][] {
  if (rows.length > MAX_SHEET_ROWS) throw beyondSheets();
  for (const row of rows) {
    if (!Array.isArray(row))
      throw new UnusableWorkbookError({
        th: 'ไม่ใช่ข้อมูล batchGet ของ Google Sheets: แต่ละแถวต้องเป็นรายการ',
        en: 'not a Sheets batchGet response: each row must be a list',
      });
    budget.cells -= row.length;
    if (row.length > MAX_SHEET_COLUMNS || budget.cells < 0) throw beyondSheets();
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === 'string' && cell.length > SHEETS_LIMITS.cellChars)
        throw new UnusableWorkbookError({
          th: `มีช่องที่ยาวเกิน ${SHEETS_LIMITS.cellChars.toLocaleString('en-US')} ตัวอักษรที่ Google Sheets ยอมให้`,
          en: `a cell longer than the ${SHEETS_LIMITS.cellChars.toLocaleString('en-US')} characters Google Sheets allows`,
        });
      if (cell !== null && typeof cell === 'object') {
        if (nestedDeeperThan(cell, MAX_CELL_NESTING))
          throw new UnusableWorkbookError({
            th: `ไม่ใช่ข้อมูล batchGet ของ Google Sheets: มีช่องที่ซ้อนกันเกิน ${MAX_CELL_NESTING} ชั้น`,
            en: `not a Sheets batchGet response: a cell nested more than ${MAX_CELL_NESTING} levels deep (the API sends plain values)`,
          });
        row[c] = JSON.stringify(cell);
      }
    }
  }
  return rows as CellValue[][];
}

const beyondSheets = () =>
  new UnusableWorkbookError({
    th: `ใหญ่เกินสมุดที่ Google Sheets เก็บได้ (${SHEETS_LIMITS.cells.toLocaleString('en-US')} ช่อง คอลัมน์ถึง ZZZ)`,
    en: `larger than any Google Sheets spreadsheet (${SHEETS_LIMITS.cells.toLocaleString('en-US')} cells, columns to ZZZ)`,
  });

/** The first few issues of a failed parse, and how many more: an answer stays small whatever was sent. */
export function boundedIssues(error: z.ZodError, first = 5): string {
  const shown = z.prettifyError(new z.ZodError(error.issues.slice(0, first)));
  const more = error.issues.length - first;
  return more > 0 ? `${shown}\n(+${more})` : shown;
}

/** How deep a cell that is a list or object may be before it is refused (the API never nests). */
const MAX_CELL_NESTING = 20;

/** True when a value nests lists or objects deeper than `limit` (walked without recursion). */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A list moved `by` places to the right, the places before it holes (no memory for them). */
function shifted<T>(list: T[], by: number): T[] {
  const out: T[] = [];
  out.length = by;
  for (let i = 0; i < list.length; i++) out[by + i] = list[i]!;
  return out;
}

/** Splits `'เงินออม (savings)'!A1:H900` into the tab name and its first cell. */
export function splitRange(range: string): { sheet: string; row: number; column: number } {
  const bang = range.lastIndexOf('!');
  const rawName = bang < 0 ? range : range.slice(0, bang);
  const sheet = /^'.*'$/.test(rawName) ? rawName.slice(1, -1).replace(/''/g, "'") : rawName;
  const start = bang < 0 ? '' : (range.slice(bang + 1).split(':')[0] ?? '');
  const m = /^([A-Za-z]*)(\d*)$/.exec(start);
  return {
    sheet,
    column: m?.[1] ? Math.max(0, columnIndex(m[1])) : 0,
    row: m?.[2] ? Number(m[2]) : 1,
  };
}

function transpose(columns: CellValue[][]): CellValue[][] {
  const rows: CellValue[][] = [];
  columns.forEach((column, c) => {
    column.forEach((value, r) => {
      rows[r] ??= [];
      rows[r][c] = value;
    });
  });
  return rows;
}

/** A workbook as a batchGet response (UNFORMATTED_VALUE + SERIAL_NUMBER: dates as serial numbers). */
export function batchGetFromWorkbook(workbook: Workbook, spreadsheetId = 'local'): BatchGetResponse {
  return {
    spreadsheetId,
    valueRanges: workbook.tabs.map((tab) => {
      const width = tab.rows.reduce((max, row) => Math.max(max, row.length), 1);
      return {
        range: `'${tab.name.replace(/'/g, "''")}'!A1:${columnLetters(width - 1)}${Math.max(1, tab.rows.length)}`,
        majorDimension: 'ROWS' as const,
        values: tab.rows.map((row) => row.map(toJsonCell)),
      };
    }),
  };
}

function toJsonCell(value: CellValue): string | number | boolean | null {
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25569;
  return value ?? '';
}
