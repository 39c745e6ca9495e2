import type { IsoDate } from '../parse/date.ts';
import { daysInMonth, isoDate } from '../parse/date.ts';

const DAY_MS = 86_400_000;

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The date `days` days after `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same day `months` months later, clamped to the month's end (Jan 31 + 1 → Feb 28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** `YYYY-MM` of a date. */
export const monthOf = (date: IsoDate): string => date.slice(0, 7);

/** First and last day of a `YYYY-MM` month. */
export function monthBounds(month: string): { first: IsoDate; last: IsoDate } {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { first: `${month}-01`, last: isoDate(year, m, daysInMonth(year, m)) };
}

/** The month after a `YYYY-MM` month. */
export function nextMonth(month: string): string {
  return addMonths(`${month}-01`, 1).slice(0, 7);
}

/** True when text is a real `YYYY-MM` month. */
export function isMonth(text: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}
