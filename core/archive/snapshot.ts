import { sha256 } from '../sha256.ts';
import { canonicalJson } from './canonical.ts';

/** The hash that chains a snapshot to its group's previous one. */
export function chainHash(link: {
  group_id: string;
  month: string;
  version: number;
  seq: number;
  prev_hash: string | null;
  content_hash: string;
}): string {
  return sha256(canonicalJson(link));
}
