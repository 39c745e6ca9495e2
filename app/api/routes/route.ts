import type { ArchiveStore } from '../../../core/index.ts';
import type { Signer } from '../authenticate.ts';

/** What a route is given: the signing group (null only for health), the path's month, the raw body. */
export interface RouteRequest {
  store: ArchiveStore;
  now: () => number;
  version: string;
  group: string | null;
  /** Who signed (the key's id and holder), null only for health. */
  signer: Signer | null;
  /** The month in the path (`/snapshots/2026-09`), as written. */
  month?: string;
  body: Uint8Array;
}

/** One route: a request in, the JSON answer out (errors are thrown as ApiError). */
export type Route = (request: RouteRequest) => Promise<unknown>;
