import type { RouteRequest } from './route.ts';

/** GET /v1/groups/{group}/snapshots: the group's chain. */
export async function snapshots({ store, group }: RouteRequest): Promise<unknown> {
  const history = await store.history(group!);
  return {
    group_id: group,
    snapshots: history.map((c) => ({
      month: c.month,
      version: c.version,
      hash: c.hash,
      prev_hash: c.prev_hash,
      created_at: c.created,
      ...(c.closed_by ? { closed_by: c.closed_by } : {}),
    })),
  };
}
