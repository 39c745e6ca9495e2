import { gunzipSync } from 'node:zlib';
import * as z from 'zod';
import {
  canonicalJson,
  FIGURES,
  figureHeld,
  SNAPSHOT_SCHEMA,
  type Snapshot,
  type SnapshotContent,
  sha256,
  TABS,
} from '../../core/index.ts';
import { ApiError } from './errors.ts';

/** The most a month's snapshot may hold once unzipped: a month's rows are far less (a zip bomb is not). */
export const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

const rows = z.partialRecord(
  z.enum(TABS.map((t) => t.key) as [string, ...string[]]),
  z.array(z.object({ row: z.number().int().min(2), values: z.record(z.string(), z.unknown()) })),
);

/** A snapshot's content as the core makes it; each figure its schema holds is checked below. */
const Content = z.object({
  schema: z.number().int().min(1).max(SNAPSHOT_SCHEMA),
  group_id: z.string().min(1),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  rows,
  summary: z.looseObject({ group_id: z.string(), month: z.string() }),
  counts: z.object({ error: z.number().int().min(0), warning: z.number().int().min(0) }),
  reference: z.object({ settings: z.record(z.string(), z.unknown()), rows }),
});

const at = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);

/**
 * A month's snapshot as the Apps Script shell sends it (issue 17): the core's snapshot content,
 * made where the whole sheet is, as gzip in base64. Only the month's rows and what its figures rest
 * on travel, so a group's request stays small however many years its sheet holds. The content is
 * checked (its shape, every figure its schema holds is a number, its group and month are the
 * request's) and hashed here: what is stored is what was sent, under the hash computed here.
 */
export function snapshotFromBody(
  body: { gzip_base64: string; content_hash?: string },
  group: string,
  month: string,
): Snapshot {
  let text: string;
  try {
    const bytes = Uint8Array.from(atob(body.gzip_base64), (c) => c.charCodeAt(0));
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      gunzipSync(bytes, { maxOutputLength: MAX_SNAPSHOT_BYTES }),
    );
  } catch {
    throw new ApiError('bad_request', {
      th: 'snapshot ต้องเป็น gzip ใน base64 (ไม่เกิน 64 MB เมื่อคลาย)',
      en: 'the snapshot must be gzip in base64 (at most 64 MB unzipped)',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError('bad_request', { th: 'snapshot ไม่ใช่ JSON', en: 'the snapshot is not JSON' });
  }
  const parsed = Content.safeParse(json);
  if (!parsed.success)
    throw new ApiError('bad_request', {
      th: `snapshot ไม่ถูกรูปแบบ: ${z.prettifyError(parsed.error)}`,
      en: `the snapshot is not a snapshot: ${z.prettifyError(parsed.error)}`,
    });
  const content = json as SnapshotContent;
  const schema = parsed.data.schema;
  const missing = FIGURES.filter(
    (f) =>
      figureHeld(f, schema) &&
      !/[[*]/.test(f.path) &&
      typeof at(content.summary, f.path) !== 'number' &&
      !(f.nullable && at(content.summary, f.path) === null),
  ).map((f) => f.path);
  if (missing.length > 0)
    throw new ApiError('bad_request', {
      th: `snapshot ขาดยอด: ${missing.join(', ')}`,
      en: `the snapshot lacks figures: ${missing.join(', ')}`,
    });
  if (content.group_id !== group || content.summary.group_id !== group)
    throw new ApiError('forbidden', {
      th: `snapshot เป็นของกลุ่ม ${content.group_id} ไม่ใช่ ${group}`,
      en: `the snapshot is group ${content.group_id}'s, not ${group}'s`,
    });
  if (content.month !== month || content.summary.month !== month)
    throw new ApiError('bad_request', {
      th: `snapshot เป็นของเดือน ${content.month} ไม่ใช่ ${month}`,
      en: `the snapshot is of ${content.month}, not ${month}`,
    });
  for (const [tab, list] of Object.entries(content.rows))
    for (const row of list ?? []) {
      const column = TABS.find((t) => t.key === tab)?.roles.dated;
      const date = column === undefined ? undefined : row.values[column];
      if (typeof date !== 'string' || !date.startsWith(month))
        throw new ApiError('bad_request', {
          th: `snapshot มีแถว ${tab} ${row.row} ที่ไม่ใช่ของเดือน ${month}`,
          en: `the snapshot holds ${tab} row ${row.row}, which is not dated in ${month}`,
        });
    }
  const canonical = canonicalJson(content);
  const content_hash = sha256(canonical);
  if (body.content_hash !== undefined && body.content_hash !== content_hash)
    throw new ApiError('bad_request', {
      th: 'content_hash ไม่ตรงกับ snapshot ที่ส่งมา (ข้อมูลเสียระหว่างทาง)',
      en: 'content_hash does not match the snapshot sent (damaged on the way)',
    });
  return { content, canonical, content_hash };
}
