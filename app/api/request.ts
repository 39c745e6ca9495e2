import * as z from 'zod';
import {
  BatchGetSchema,
  type CheckedBooks,
  DEFAULT_ZONE,
  dayIn,
  parseDate,
  parseMonth,
} from '../../core/index.ts';
import { ApiError } from './errors.ts';

const month = z.string().refine((m) => parseMonth(m).ok, 'a month as YYYY-MM (2569-09 is 2026-09)');
const day = z
  .string()
  .refine((d) => parseDate(d, { calendar: 'buddhist', timeZone: DEFAULT_ZONE }).ok, 'a date');
/** The request bodies of the routes that take one (SPEC §9). */
export const Bodies = {
  check: z.object({ workbook: BatchGetSchema, as_of: day.optional() }),
  summary: z.object({ workbook: BatchGetSchema, month, as_of: day.optional() }),
  /**
   * A month to archive: the whole workbook (the server checks it), or the month's snapshot made by
   * the core where the sheet is (`snapshot`: gzip in base64), which stays small whatever the sheet's size.
   */
  archive: z.union([
    z.object({ workbook: BatchGetSchema, month }),
    z.object({
      snapshot: z.object({ gzip_base64: z.string().min(1), content_hash: z.string().optional() }),
      month,
    }),
  ]),
};

/** A body read as JSON and checked by its schema; else 400 with the issues. */
export function parseBody<T extends z.ZodType>(schema: T, raw: Uint8Array): z.infer<T> {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new ApiError('bad_request', { th: 'ข้อมูลไม่ใช่ JSON', en: 'the body is not JSON' });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw new ApiError(
      'bad_request',
      { th: 'ข้อมูลไม่ตรงรูปแบบ', en: 'the body does not fit its schema' },
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  return parsed.data;
}

/** The checked books, refused (403) when they are another group's. */
export function ownBooks(checked: CheckedBooks, group: string): CheckedBooks {
  if (checked.book.settings.group_id !== group)
    throw new ApiError('forbidden', {
      th: `สมุดนี้เป็นของกลุ่ม "${checked.book.settings.group_id}" ไม่ใช่ ${group}`,
      en: `the workbook belongs to "${checked.book.settings.group_id}", not ${group}`,
    });
  return checked;
}

/** The day a check reads the books as of: the body's `as_of`, else today in the group's zone. */
export const asOfOf = (asOf: string | undefined, ms: number) => (zone: string) =>
  asOf === undefined
    ? dayIn(zone, ms)
    : (parseDate(asOf, { calendar: 'buddhist', timeZone: zone }) as { value: string }).value;
