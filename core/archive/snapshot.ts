import { type CheckedBooks, checkBooks } from '../jobs/check-books.ts';
import { monthBounds } from '../ledger/dates.ts';
import { MONTH_COLUMN, monthRows, type SnapshotRow } from '../model/month-rows.ts';
import type { DataTabKey } from '../model/records.ts';
import { type MonthlySummary, summariseMonth } from '../summary/monthly-summary.ts';
import type { Workbook } from '../workbook.ts';
import { canonicalJson } from './canonical.ts';
import { sha256 } from './sha256.ts';

export { MONTH_COLUMN, monthRows, type SnapshotRow };

/** What a snapshot holds; its canonical JSON is hashed and stored. */
export interface SnapshotContent {
  group_id: string;
  month: string;
  rows: Partial<Record<DataTabKey, SnapshotRow[]>>;
  summary: MonthlySummary;
  counts: { error: number; warning: number };
}

export interface Snapshot {
  content: SnapshotContent;
  /** Canonical JSON of the content: the bytes that are stored and hashed. */
  canonical: string;
  content_hash: string;
}

/**
 * A group's month as a deterministic snapshot: the rows dated in it, its summary and the count
 * of findings on those rows. The books are read as of the month's last day, so archiving the
 * same month again later gives the same content (and the same hash) unless a row changed.
 */
export function buildSnapshot(workbook: Workbook, month: string): Snapshot {
  const checked: CheckedBooks = checkBooks(workbook, { asOf: monthBounds(month).last });
  const rows = monthRows(checked.book.tables, month);
  const summary = summariseMonth(checked, month);
  const content: SnapshotContent = {
    group_id: checked.book.settings.group_id,
    month,
    rows,
    summary,
    counts: { error: summary.checks.errors, warning: summary.checks.warnings },
  };
  const canonical = canonicalJson(content);
  return { content, canonical, content_hash: sha256(canonical) };
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
