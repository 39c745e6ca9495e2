import type { RouteRequest } from './route.ts';

/** GET /v1/health: alive, and which version (unsigned). */
export async function health({ version }: RouteRequest): Promise<unknown> {
  return { ok: true, version };
}
