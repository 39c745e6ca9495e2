import { checkForSnapshot, snapshot } from '../jobs/snapshot.ts';
import { MONTH_COLUMN, monthRows, type SnapshotRow } from '../model/month-rows.ts';
import type { DataTabKey } from '../model/records.ts';
import type { MonthlySummary } from '../summary/monthly-summary.ts';
import type { Workbook } from '../workbook.ts';
import { canonicalJson } from './canonical.ts';
import type { SnapshotReference } from './closed-summary.ts';
import { sha256 } from './sha256.ts';

export { MONTH_COLUMN, monthRows, type SnapshotRow };

/** What a snapshot holds; its canonical JSON is hashed and stored. */
export interface SnapshotContent {
  /** What the snapshot holds (core/archive/schema.ts); absent in snapshots of schema 1. */
  schema?: number;
  group_id: string;
  month: string;
  rows: Partial<Record<DataTabKey, SnapshotRow[]>>;
  summary: MonthlySummary;
  counts: { error: number; warning: number };
  /** The settings and undated tabs the month's figures rest on (absent in snapshots made before). */
  reference?: SnapshotReference;
}

export interface Snapshot {
  content: SnapshotContent;
  /** Canonical JSON of the content: the bytes that are stored and hashed. */
  canonical: string;
  content_hash: string;
}

/**
 * A group's month as a deterministic snapshot, from a workbook: checked once as of the month's
 * last day, then the snapshot job (core/jobs/snapshot.ts).
 */
export function buildSnapshot(workbook: Workbook, month: string): Snapshot {
  return snapshot(checkForSnapshot(workbook, month), month);
}

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
