import type { ArchiveStore } from '../archive/archive-store.ts';
import { closedPeriodFindings } from '../archive/closed-period.ts';
import { closedSummaryFindings } from '../archive/closed-summary.ts';
import { latestByMonth, readSnapshot } from '../archive/read-snapshot.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import { withFindings } from './check-books.ts';

/**
 * The job "closed months": compares every archived month up to `closed_through` with the book
 * (W_CLOSED_PERIOD_CHANGED at each changed cell), reading each month's latest snapshot through
 * the archive port and verifying it. Any shell with a store calls this: the CLI, the API, the
 * monthly job. A damaged snapshot throws ArchiveCorruptError (the archive's fault, not the book's).
 */
export async function compareClosedMonths(checked: CheckedBooks, store: ArchiveStore): Promise<CheckedBooks> {
  const { settings, identified } = checked.book;
  const closedThrough = settings.closed_through;
  if (closedThrough === undefined || !identified) return { ...checked, closedCheck: 'not_needed' };
  const latest = [...latestByMonth(await store.history(settings.group_id)).values()].filter(
    (c) => c.month <= closedThrough,
  );
  const contents = await Promise.all(latest.map((c) => readSnapshot(store, c)));
  const rowFindings = closedPeriodFindings(checked.book, contents);
  const rowsChanged = new Set(rowFindings.map((f) => f.month!));
  const figureFindings = closedSummaryFindings(checked, contents, rowsChanged);
  return { ...withFindings(checked, [...rowFindings, ...figureFindings]), closedCheck: 'done' };
}
