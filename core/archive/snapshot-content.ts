import type { CheckedBooks } from '../ledger/checked-books.ts';
import type { SnapshotRow } from '../model/month-rows.ts';
import type { DataTabKey } from '../model/records.ts';
import { tabsWhere } from '../model/tabs.ts';
import type { MonthlySummary } from '../summary/monthly-summary.ts';

/** The undated tabs a month's figures depend on, kept in its snapshot (SPEC §8). */
export const REFERENCE_TABS = tabsWhere((r) => r.snapshotReference) as readonly DataTabKey[];

/** What a month's figures rest on besides its rows: the settings and the undated tabs, as read. */
export interface SnapshotReference {
  /** Settings as read, but `closed_through` (closing a month must not change the months before). */
  settings: Record<string, unknown>;
  rows: Partial<Record<DataTabKey, SnapshotRow[]>>;
}

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

/** The reference of a checked book, for its snapshots. */
export function referenceOf(checked: CheckedBooks): SnapshotReference {
  const { closed_through: _closed, ...settings } = checked.book.settings;
  const rows: SnapshotReference['rows'] = {};
  for (const tab of REFERENCE_TABS) {
    const list = checked.book.tables.get(tab);
    if (list && list.length > 0) rows[tab] = list.map((r) => ({ row: r.row, values: r.values }));
  }
  return { settings, rows };
}
