import { DEFAULT_ZONE, dayIn, type IsoDate } from '../core/index.ts';

/** Today's date in a time zone: the only place the local shell reads the clock. */
export function todayIn(timeZone: string = DEFAULT_ZONE, now: Date = new Date()): IsoDate {
  return dayIn(timeZone, now.getTime());
}
