import { latestByMonth, parseMonth, readSnapshot } from '../../../core/index.ts';
import { ApiError } from '../errors.ts';
import type { RouteRequest } from './route.ts';

/** GET /v1/groups/{group}/snapshots/{month}: the month's latest snapshot, verified, with its summary. */
export async function snapshot({ store, group, month }: RouteRequest): Promise<unknown> {
  const m = parseMonth(month ?? '');
  if (!m.ok) throw new ApiError('bad_request', { th: 'เดือนไม่ถูกต้อง', en: 'not a month' });
  const latest = latestByMonth(await store.history(group!)).get(m.value);
  if (!latest)
    throw new ApiError('not_found', {
      th: `ยังไม่ได้เก็บเดือน ${m.value}`,
      en: `${m.value} has not been archived`,
    });
  const content = await readSnapshot(store, latest);
  return {
    group_id: group,
    month: latest.month,
    version: latest.version,
    hash: latest.hash,
    prev_hash: latest.prev_hash,
    created_at: latest.created,
    summary: content.summary,
  };
}
