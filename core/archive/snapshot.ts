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
  /** Only when a person's key closed the month: a commit made before has none, and its hash is as it was. */
  closed_by?: { key_id: string; holder: string };
}): string {
  return sha256(canonicalJson(link));
}
