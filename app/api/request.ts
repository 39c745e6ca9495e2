import * as z from 'zod';
import {
  BatchGetSchema,
  DEFAULT_ZONE,
  dayIn,
  groupIdOf,
  parseDate,
  parseMonth,
  type Workbook,
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
  /** The fiscal year (the year it ends in, 2026 or 2569) and the book (SPEC §13). */
  yearEnd: z.object({
    workbook: BatchGetSchema,
    year: z.number().int().min(1900).max(3100),
    as_of: day.optional(),
  }),
  /**
   * A month to archive: the whole workbook (the server checks it), or the month's snapshot made by
   * the core where the sheet is (`snapshot`: gzip in base64), which stays small whatever the sheet's size.
   */
  archive: z.union([
    z.object({ workbook: BatchGetSchema, month }),
    // a fiscal year shared out (SPEC §13): kept as a snapshot of its own, `2026-year`
    z.object({ workbook: BatchGetSchema, year: z.number().int().min(1900).max(3100) }),
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
  if (!parsed.success) {
    const all = parsed.error.issues;
    const more = all.length - MAX_ISSUES;
    throw new ApiError(
      'bad_request',
      more > 0
        ? {
            th: `ข้อมูลไม่ตรงรูปแบบ (แสดง ${MAX_ISSUES} จาก ${all.length} ข้อ)`,
            en: `the body does not fit its schema (the first ${MAX_ISSUES} of ${all.length} issues)`,
          }
        : { th: 'ข้อมูลไม่ตรงรูปแบบ', en: 'the body does not fit its schema' },
      all.slice(0, MAX_ISSUES).map((i) => ({ path: i.path.join('.').slice(0, 200), message: i.message })),
    );
  }
  return parsed.data;
}

/** The schema issues an answer lists: the first 20 (and how many there were), never a megabyte of them. */
export const MAX_ISSUES = 20;

/**
 * The workbook's group, compared with the signer before anything else is done with it: another
 * group's workbook costs a read of its settings tab, not a whole check.
 */
export function ownWorkbook(workbook: Workbook, group: string): Workbook {
  const id = groupIdOf(workbook);
  if (id !== group)
    throw new ApiError('forbidden', {
      th: `สมุดนี้เป็นของกลุ่ม "${id ?? ''}" ไม่ใช่ ${group}`,
      en: `the workbook belongs to "${id ?? ''}", not ${group}`,
    });
  return workbook;
}

/** The day a check reads the books as of: the body's `as_of`, else today in the group's zone. */
export const asOfOf = (asOf: string | undefined, ms: number) => (zone: string) =>
  asOf === undefined
    ? dayIn(zone, ms)
    : (parseDate(asOf, { calendar: 'buddhist', timeZone: zone }) as { value: string }).value;
