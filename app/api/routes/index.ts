import { archive } from './archive.ts';
import { check } from './check.ts';
import { health } from './health.ts';
import type { Route } from './route.ts';
import { snapshot } from './snapshot.ts';
import { snapshots } from './snapshots.ts';
import { summary } from './summary.ts';
import { verify } from './verify.ts';
import { yearEndRoute } from './year-end.ts';

/** The API's routes (SPEC §9): method, path and the one function that answers it. */
export const ROUTES: { method: string; pattern: RegExp; name: string; route: Route; signed: boolean }[] = [
  { method: 'GET', pattern: /^\/v1\/health$/, name: 'health', route: health, signed: false },
  { method: 'POST', pattern: /^\/v1\/check$/, name: 'check', route: check, signed: true },
  { method: 'POST', pattern: /^\/v1\/summary$/, name: 'summary', route: summary, signed: true },
  { method: 'POST', pattern: /^\/v1\/archive$/, name: 'archive', route: archive, signed: true },
  { method: 'POST', pattern: /^\/v1\/year-end$/, name: 'year-end', route: yearEndRoute, signed: true },
  {
    method: 'GET',
    pattern: /^\/v1\/groups\/([^/]+)\/snapshots$/,
    name: 'snapshots',
    route: snapshots,
    signed: true,
  },
  {
    method: 'GET',
    pattern: /^\/v1\/groups\/([^/]+)\/snapshots\/([^/]+)$/,
    name: 'snapshot',
    route: snapshot,
    signed: true,
  },
  { method: 'GET', pattern: /^\/v1\/groups\/([^/]+)\/verify$/, name: 'verify', route: verify, signed: true },
];
