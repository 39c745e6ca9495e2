import { verifyChain } from '../../../core/index.ts';
import type { RouteRequest } from './route.ts';

/** GET /v1/groups/{group}/verify: the whole chain re-checked. */
export async function verify({ store, group }: RouteRequest): Promise<unknown> {
  const report = await verifyChain(store, group!);
  return {
    group_id: group,
    ok: report.ok,
    snapshots: report.snapshots,
    head_hash: report.head_hash,
    problems: report.breaks,
  };
}
