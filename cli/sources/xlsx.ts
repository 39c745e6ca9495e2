import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  type CellValue,
  isPercentFormat,
  percentShown,
  type SheetTab,
  UnusableWorkbookError,
  type Workbook,
} from '../../core/index.ts';
import { reorderZip, zipOrder } from './reorder-zip.ts';

const DAY_MS = 86_400_000;
const SERIAL_UNIX_OFFSET = 25569;

const NOT_XLSX = {
  th: 'ไม่ใช่ไฟล์ .xlsx ที่อ่านได้ (บันทึกจาก Google Sheets ด้วย ไฟล์ → ดาวน์โหลด → Microsoft Excel)',
  en: 'not a readable .xlsx file (in Google Sheets: File → Download → Microsoft Excel)',
};
/**
 * Reads an `.xlsx` file (what "Download as Excel" gives) into a workbook, with exceljs's
 * streaming reader: cells only (no data validations, which a whole-column dropdown would expand
 * into a million cells, and no styles beyond number formats). Date cells become serial numbers:
 * a serial is what the Sheets API gives too, so both sources read the same day.
 */
export async function readXlsx(
  bytes: Uint8Array | ArrayBuffer,
  options: {
    /**
     * Keep a percentage as the number stored (0.0125) and note its cell here (`tab → "row:column"`,
     * 0-based): what the Sheets API gives with UNFORMATTED_VALUE (the Sheets stand-in reads so).
     */
    percentCells?: Map<string, Set<string>>;
  } = {},
): Promise<Workbook> {
  let ordered: Uint8Array;
  try {
    ordered = await inReadingOrder(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes);
  } catch (error) {
    throw new UnusableWorkbookError(NOT_XLSX, { cause: error });
  }
  const input = Readable.from([Buffer.from(ordered)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const tabs: SheetTab[] = [];
  let cells = 0;
  const limit = maxCells();
  try {
    for await (const sheet of reader) {
      const rows: CellValue[][] = [];
      const name = (sheet as unknown as { name: string }).name;
      const percents = options.percentCells;
      const kept = new Set<string>();
      for await (const row of sheet) {
        const values: CellValue[] = [];
        row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
          const shown = percents !== undefined && cell.numFmt !== undefined && isPercentFormat(cell.numFmt);
          if (shown) kept.add(`${row.number - 1}:${columnNumber - 1}`);
          values[columnNumber - 1] = cellValue(cell.value, shown ? undefined : cell.numFmt);
          cells++;
        });
        // refused before memory runs out: no Google Sheet holds more
        if (cells > limit) throw new TooLargeError();
        rows[row.number - 1] = values;
      }
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      if (kept.size > 0) percents?.set(name, kept);
      tabs.push({ name, rows });
    }
  } catch (error) {
    if (error instanceof TooLargeError)
      throw new UnusableWorkbookError({
        th: `มีช่องที่กรอกเกิน ${limit.toLocaleString('en')} ช่อง (Google Sheets รับได้มากที่สุด ${MAX_CELLS.toLocaleString('en')} ช่อง): แบ่งสมุดออกเป็นหลายไฟล์`,
        en: `more than ${limit.toLocaleString('en')} filled cells (the most a Google Sheet holds is ${MAX_CELLS.toLocaleString('en')}): split the workbook`,
      });
    throw new UnusableWorkbookError(NOT_XLSX, { cause: error });
  }
  return { tabs };
}

/**
 * The value a person sees in a cell: formula results, rich text as plain text, errors as `#REF!`.
 * A number shown as a percentage (`1%` is stored as 0.01) is the text the person typed, `1%`.
 */
export function cellValue(value: ExcelJS.CellValue, numFmt?: string): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime() / DAY_MS + SERIAL_UNIX_OFFSET;
  if (typeof value === 'number' && numFmt !== undefined && isPercentFormat(numFmt))
    return percentShown(value);
  if (typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const { result, formula } = value as { result?: ExcelJS.CellValue; formula?: string };
    // a formula saved without its result: its text, so the finding says what is there
    if (result === undefined) return formula ? `=${formula}` : null;
    return cellValue(result, numFmt);
  }
  if ('text' in value) return String((value as { text: unknown }).text);
  return String(value);
}

/** The most filled cells a workbook may have: Google Sheets' own limit (10 million cells). */
export const MAX_CELLS = 10_000_000;
/** The limit in force (SAJJA_MAX_CELLS lowers it, for tests and small machines). */
const maxCells = () => Number(process.env.SAJJA_MAX_CELLS ?? MAX_CELLS);

class TooLargeError extends Error {}

/**
 * The parts the streaming reader must have seen before the first worksheet (shared strings may
 * come later: it keeps such sheets in temporary files until they do).
 */
const FIRST_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml'];
/** Moved to the front with them when the zip is rewritten. */
const MOVED_PARTS = [...FIRST_PARTS, 'xl/sharedStrings.xml'];

/**
 * exceljs's streaming reader needs the workbook, its relations, styles and shared strings before
 * any worksheet; files written by other programs may put them anywhere. When they come late, the
 * zip is rewritten (stored, not compressed again) with them first.
 */
async function inReadingOrder(bytes: Uint8Array): Promise<Uint8Array> {
  const names = zipOrder(bytes);
  const firstSheet = names.findIndex((name) => name.startsWith('xl/worksheets/'));
  const late = FIRST_PARTS.some((part) => names.includes(part) && names.indexOf(part) > firstSheet);
  if (firstSheet < 0 || !late) return bytes;
  return reorderZip(bytes, MOVED_PARTS);
}
