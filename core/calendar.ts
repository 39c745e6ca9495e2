/**
 * The one calendar module: days as `YYYY-MM-DD`, months as `YYYY-MM`, "today" only from a clock
 * reading the shell passes in. The core never reads the clock itself.
 */

const DAY_MS = 86_400_000;

/** A calendar date as `YYYY-MM-DD` (Gregorian). Dates carry no time and no zone. */
export type IsoDate = string;

/** Number of days in a Gregorian month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` from its parts. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The zone a group's days are counted in unless its settings say otherwise. */
export const DEFAULT_ZONE = 'Asia/Bangkok';

/** The day an instant falls on in a time zone (`epochMs` from the shell's clock). */
export function dayIn(zone: string, epochMs: number): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(epochMs);
}

/** The month before a `YYYY-MM` month. */
export function previousMonth(month: string): string {
  return addMonths(`${month}-01`, -1).slice(0, 7);
}

/** The month just ended on the day an instant falls on in a zone: what the monthly job reports. */
export function monthJustEnded(zone: string, epochMs: number): string {
  return previousMonth(monthOf(dayIn(zone, epochMs)));
}

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
