import type { IsoDate } from './calendar.ts';

const MONTH_ABBR = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
];
const BE_OFFSET = 543;

/** A date in Thai text, Buddhist Era: `2026-09-20` → `20 ก.ย. 2569`. Not ISO text: given back as is. */
export function thaiDate(date: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${MONTH_ABBR[Number(m[2]) - 1]} ${Number(m[1]) + BE_OFFSET}`;
}

/** A month in Thai text, Buddhist Era: `2026-09` → `ก.ย. 2569`. */
export function thaiMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return `${MONTH_ABBR[Number(m[2]) - 1]} ${Number(m[1]) + BE_OFFSET}`;
}

/**
 * A moment as a Thai date and time in a zone, Buddhist Era: `2026-11-28T08:05:00Z` in
 * Asia/Bangkok → `28 พ.ย. 2569 15:05`. The zone is the group's; the instant comes from a shell.
 */
export function thaiDateTime(instant: string, timeZone: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const part of format.formatToParts(new Date(time))) parts[part.type] = part.value;
  return `${thaiDate(`${parts.year}-${parts.month}-${parts.day}`)} ${parts.hour}:${parts.minute}`;
}
