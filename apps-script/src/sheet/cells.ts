import {
  type CellValue,
  DEFAULT_ZONE,
  isPercentFormat,
  parseDate,
  percentShown,
  serialOf,
} from '../../../core/index.ts';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** The spreadsheet's own time zone (File → Settings): the zone its date cells are days in. */
export const zoneOf = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string =>
  ss.getSpreadsheetTimeZone() || DEFAULT_ZONE;

/**
 * A cell as every reader gives it to the core (the `.xlsx` reader, the Sheets API with
 * UNFORMATTED_VALUE and SERIAL_NUMBER): a date cell is its serial day in the spreadsheet's zone,
 * a number shown as a percentage is the text shown (`1.5%`, not 0.015), anything else as it is.
 */
export function cellOf(value: unknown, numberFormat: string, zone: string): CellValue {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const day = parseDate(value as Date, { timeZone: zone, calendar: 'buddhist' });
    return day.ok ? serialOf(day.value) : String(value);
  }
  if (typeof value === 'number' && numberFormat && isPercentFormat(numberFormat)) return percentShown(value);
  return value as CellValue;
}

/** A range's cells as the core reads them: two reads (values and number formats), whatever its size. */
export function readCells(range: Range, zone: string): CellValue[][] {
  const values = range.getValues();
  const formats = range.getNumberFormats();
  return values.map((row, r) => row.map((value, c) => cellOf(value, formats[r]?.[c] ?? '', zone)));
}
