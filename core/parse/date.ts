import { DEFAULT_ZONE, daysInMonth, type IsoDate, isoDate } from '../calendar.ts';
import type { CellValue } from '../cell.ts';
import { foldWord } from '../thai-text.ts';
import { memoise } from './memoise.ts';
import { fail, ok, type Parsed } from './parsed.ts';

/** How a 2-digit year is read: `buddhist` (69 → 2569 BE → 2026) or `gregorian` (26 → 2026). */
export type Calendar = 'buddhist' | 'gregorian';

export interface DateOptions {
  calendar: Calendar;
  /** IANA zone in which a spreadsheet Date cell is a local date (the group's, Asia/Bangkok). */
  timeZone: string;
}

/** Earliest and latest plausible Gregorian years; outside them a date is a typing slip. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
/** A 4-digit year above this is Buddhist Era (BE = CE + 543). */
const BE_THRESHOLD = 2400;
const BE_OFFSET = 543;
/** The latest Buddhist year a date cell may hold (2700 BE = 2157 CE). */
const MAX_BE_YEAR = 2700;

/** Month names to numbers; a Map, so a typed `constructor` is no month. */
const MONTHS = new Map<string, number>();
const monthNames: string[][] = [
  ['มกราคม', 'ม.ค.', 'มค', 'january', 'jan'],
  ['กุมภาพันธ์', 'ก.พ.', 'กพ', 'february', 'feb'],
  ['มีนาคม', 'มี.ค.', 'มีค', 'march', 'mar'],
  ['เมษายน', 'เม.ย.', 'เมย', 'april', 'apr'],
  ['พฤษภาคม', 'พ.ค.', 'พค', 'may'],
  ['มิถุนายน', 'มิ.ย.', 'มิย', 'june', 'jun'],
  ['กรกฎาคม', 'ก.ค.', 'กค', 'july', 'jul'],
  ['สิงหาคม', 'ส.ค.', 'สค', 'august', 'aug'],
  ['กันยายน', 'ก.ย.', 'กย', 'september', 'sep', 'sept'],
  ['ตุลาคม', 'ต.ค.', 'ตค', 'october', 'oct'],
  ['พฤศจิกายน', 'พ.ย.', 'พย', 'november', 'nov'],
  ['ธันวาคม', 'ธ.ค.', 'ธค', 'december', 'dec'],
];
monthNames.forEach((names, i) => {
  for (const name of names) {
    MONTHS.set(name, i + 1);
    MONTHS.set(name.replace(/\./g, ''), i + 1);
  }
});

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ][\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?$/;
const DMY = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/;
const NAMED = /^(\d{1,2})\s*([^\d\s]+(?:\s?[^\d\s]+)*)\s*(\d{2}|\d{4})$/;
const ERA_BE = /พ\.?\s?ศ\.?/;
const ERA_CE = /ค\.?\s?ศ\.?/;

/** Days from the spreadsheet epoch (1899-12-30) to 1970-01-01. */
const SERIAL_UNIX_OFFSET = 25569;
const DAY_MS = 86_400_000;

/**
 * Reads a date typed or stored in a sheet: a Date cell (read in the group's zone), a serial
 * number, ISO `2026-09-14`, `14/9/2569`, `14/09/2026`, `14 ก.ย. 69`, `14 กันยายน 2569`, with
 * Thai digits. A 4-digit year above 2400 is Buddhist Era; a 2-digit year follows `calendar`.
 */
export function parseDate(value: CellValue, options: DateOptions): Parsed<IsoDate> {
  if (typeof value === 'number') return serialDate(value);
  if (value instanceof Date) return dateFromInstant(value, options.timeZone);
  if (typeof value !== 'string') return fail('wrong_type');
  const text = foldWord(value);
  let m = ISO.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[1]!.length, options.calendar);
  m = DMY.exec(text);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]), m[3]!.length, options.calendar);
  const era = ERA_BE.test(text) ? 'buddhist' : ERA_CE.test(text) ? 'gregorian' : options.calendar;
  m = NAMED.exec(text.replace(ERA_BE, ' ').replace(ERA_CE, ' ').replace(/\s+/g, ' '));
  if (m) {
    const month = monthNumber(m[2]!);
    if (month === undefined) return fail('date_format');
    return build(Number(m[3]), month, Number(m[1]), m[3]!.length, era);
  }
  return fail('date_format');
}

function build(
  year: number,
  month: number,
  day: number,
  yearDigits: number,
  calendar: Calendar,
): Parsed<IsoDate> {
  let ce = year;
  if (yearDigits === 2) ce = calendar === 'buddhist' ? 2500 + year - BE_OFFSET : 2000 + year;
  else if (year > BE_THRESHOLD) ce = year - BE_OFFSET;
  if (ce < MIN_YEAR || ce > MAX_YEAR) return fail('date_year_range');
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(ce, month)) return fail('date_impossible');
  return ok(isoDate(ce, month, day));
}

/** A sheet holds a few hundred distinct days in many rows: each serial is read once. */
const serialDate = memoise(dateFromSerial);

function dateFromSerial(serial: number): Parsed<IsoDate> {
  if (!Number.isFinite(serial)) return fail('not_finite');
  const date = new Date((Math.floor(serial) - SERIAL_UNIX_OFFSET) * DAY_MS);
  const year = date.getUTCFullYear(); // NaN beyond ±8.64e15 ms
  if (!(year >= MIN_YEAR)) return fail('date_year_range');
  // `23/9/2569` typed into a date cell is stored as the year 2569 CE: a Buddhist year, as in text
  if (year > BE_THRESHOLD && year <= MAX_BE_YEAR)
    return build(year, date.getUTCMonth() + 1, date.getUTCDate(), 4, 'buddhist');
  if (year > MAX_YEAR) return fail('date_year_range');
  return ok(isoDate(year, date.getUTCMonth() + 1, date.getUTCDate()));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFromInstant(value: Date, timeZone: string): Parsed<IsoDate> {
  if (Number.isNaN(value.getTime())) return fail('date_format');
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(value)) parts[part.type] = part.value;
  return build(Number(parts.year), Number(parts.month), Number(parts.day), 4, 'gregorian');
}

/** The month number (1–12) of a Thai or English month name or abbreviation (`ส.ค.`, `สิงหาคม`, `aug`). */
export function monthNumber(name: string): number | undefined {
  const folded = foldWord(name).replace(/\s/g, '');
  return MONTHS.get(folded) ?? MONTHS.get(folded.replace(/\./g, ''));
}

const MONTH_ISO = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/;
const MONTH_MY = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/;
const MONTH_NAMED = /^([^\d\s]+(?:\s?[^\d\s]+)*)\s*(\d{2}|\d{4})$/;

/**
 * Reads a month as people type it: `2026-08`, `2569-08`, `8/2569`, `08/2026`, `ส.ค. 2569`,
 * `สิงหาคม 69`, Thai digits; a 4-digit year above 2400 is Buddhist Era, a 2-digit one follows
 * `calendar`. A date cell (a serial number or a Date) gives its month. Answers `YYYY-MM`.
 */
export function parseMonth(value: CellValue, options: DateOptions = DEFAULT_DATE_OPTIONS): Parsed<string> {
  if (typeof value === 'number' || value instanceof Date) {
    const day = parseDate(value, options);
    return day.ok ? ok(day.value.slice(0, 7)) : day;
  }
  if (typeof value !== 'string') return fail('wrong_type');
  const text = foldWord(value).replace(ERA_BE, ' ').replace(ERA_CE, ' ').replace(/\s+/g, ' ').trim();
  const era = ERA_BE.test(foldWord(value))
    ? 'buddhist'
    : ERA_CE.test(foldWord(value))
      ? 'gregorian'
      : options.calendar;
  const { year, month, digits } = monthParts(text);
  if (year === undefined || month === undefined || month < 1 || month > 12) return fail('month_format');
  const day = build(year, month, 1, digits, era);
  return day.ok ? ok(day.value.slice(0, 7)) : day;
}

/** The year and month of a month's text, as written (no era applied yet). */
function monthParts(text: string): { year?: number; month?: number; digits: number } {
  const iso = MONTH_ISO.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), digits: 4 };
  const my = MONTH_MY.exec(text);
  if (my) return { year: Number(my[2]), month: Number(my[1]), digits: 4 };
  const named = MONTH_NAMED.exec(text);
  if (named) return { year: Number(named[2]), month: monthNumber(named[1]!), digits: named[2]!.length };
  return { digits: 4 };
}

const DEFAULT_DATE_OPTIONS: DateOptions = { calendar: 'buddhist', timeZone: DEFAULT_ZONE };

/** Spreadsheet serial number (days since 1899-12-30) of an ISO date. */
export function serialOf(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS + SERIAL_UNIX_OFFSET;
}
