import { canonicalJson } from '../archive/canonical.ts';
import { SNAPSHOT_SCHEMA } from '../archive/schema.ts';
import { sha256 } from '../archive/sha256.ts';
import { monthBounds } from '../calendar.ts';
import { monthRows } from '../model/month-rows.ts';
import {
  REFERENCE_TABS,
  type Snapshot,
  type SnapshotContent,
  type SnapshotReference,
} from '../model/snapshot.ts';
import { summariseMonth } from '../summary/monthly-summary.ts';
import type { Workbook } from '../workbook.ts';
import { type CheckedBooks, checkBooks } from './check-books.ts';

/** The day a month's snapshot reads the books as of: the month's last day (so it is the same next year). */
export const snapshotAsOf = (month: string) => monthBounds(month).last;

/**
 * The job "snapshot": a group's month as a deterministic snapshot of one checked book — the rows
 * dated in it, its summary and the count of the month's findings. The book must have been checked
 * as of the month's last day ({@link snapshotAsOf}), so archiving the same month again later gives
 * the same content and hash unless a row changed.
 */
export function snapshot(checked: CheckedBooks, month: string): Snapshot {
  if (checked.result.as_of !== snapshotAsOf(month))
    throw new Error(
      `a snapshot of ${month} reads the books as of ${snapshotAsOf(month)}, not ${checked.result.as_of}`,
    );
  const summary = summariseMonth(checked, month);
  const content: SnapshotContent = {
    schema: SNAPSHOT_SCHEMA,
    group_id: checked.book.settings.group_id,
    month,
    rows: monthRows(checked.book.tables, month),
    summary,
    counts: { error: summary.checks.errors, warning: summary.checks.warnings },
    reference: referenceOf(checked),
  };
  const canonical = canonicalJson(content);
  return { content, canonical, content_hash: sha256(canonical) };
}

/** Checks a workbook as of a month's last day, once, for archiving that month. */
export function checkForSnapshot(workbook: Workbook, month: string): CheckedBooks {
  return checkBooks(workbook, { asOf: snapshotAsOf(month) });
}

/**
 * A group's month as a deterministic snapshot, from a workbook: checked once as of the month's
 * last day, then the snapshot job.
 */
export function buildSnapshot(workbook: Workbook, month: string): Snapshot {
  return snapshot(checkForSnapshot(workbook, month), month);
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
