import { canonicalJson } from '../archive/canonical.ts';
import { SNAPSHOT_SCHEMA } from '../archive/schema.ts';
import { referenceOf, type Snapshot, type SnapshotContent } from '../archive/snapshot-content.ts';
import { monthBounds } from '../calendar.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import { monthRows } from '../model/month-rows.ts';
import { sha256 } from '../sha256.ts';
import { summariseMonth } from '../summary/monthly-summary.ts';
import type { Workbook } from '../workbook.ts';
import { checkBooks } from './check-books.ts';

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
