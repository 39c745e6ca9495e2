import type { IsoDate } from '../core/index.ts';

/** Today's date in a time zone: the only place the local shell reads the clock. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
