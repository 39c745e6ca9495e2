import ExcelJS from 'exceljs';
import type { CellValue, SheetTab, Workbook } from '../../core/index.ts';
import { UnusableWorkbookError } from './batchget-json.ts';

const DAY_MS = 86_400_000;
const SERIAL_UNIX_OFFSET = 25569;

/**
 * Reads an `.xlsx` file (what "Download as Excel" gives) into a workbook. Date cells become
 * serial numbers: exceljs gives them as UTC wall-clock dates, and a serial is what the Sheets
 * API gives too, so both sources read the same day.
 */
export async function readXlsx(bytes: Uint8Array | ArrayBuffer): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as ArrayBuffer);
  } catch (error) {
    throw new UnusableWorkbookError('not a readable .xlsx file', { cause: error });
  }
  const tabs: SheetTab[] = [];
  book.eachSheet((sheet) => {
    const rows: CellValue[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        values[columnNumber - 1] = cellValue(cell.value, cell.numFmt);
      });
      rows[rowNumber - 1] = values;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    tabs.push({ name: sheet.name, rows });
  });
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
    return `${Number((value * 100).toPrecision(12))}%`;
  if (typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? null : cellValue(result, numFmt);
  }
  if ('text' in value) return String((value as { text: unknown }).text);
  return String(value);
}

/** True for a number format that shows a percentage (a `%` outside quotes and brackets). */
export function isPercentFormat(numFmt: string): boolean {
  return /%/.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}
