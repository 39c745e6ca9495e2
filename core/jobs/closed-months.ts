import type { ArchiveStore } from '../archive/archive-store.ts';
import { closedPeriodFindings } from '../archive/closed-period.ts';
import { closedSummaryFindings } from '../archive/closed-summary.ts';
import { latestByMonth, readSnapshot } from '../archive/read-snapshot.ts';
import { yearChangedFindings } from '../archive/year-changed.ts';
import { isYearKey, type YearSnapshotContent } from '../archive/year-snapshot.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import { type Finding, finding } from '../model/finding.ts';
import { withFindings } from './check-books.ts';

/**
 * The job "closed months": compares every archived month with the book (W_CLOSED_PERIOD_CHANGED
 * at each changed cell), reading each month's latest snapshot through the archive port and
 * verifying it. The archive is the truth: a month it holds is closed whatever `closed_through`
 * says, and a cell behind the archive (or empty) is W_CLOSED_THROUGH_BEHIND. Any shell with a
 * store calls this: the CLI, the API, the monthly job. A damaged snapshot throws
 * ArchiveCorruptError (the archive's fault, not the book's).
 */
export async function compareClosedMonths(checked: CheckedBooks, store: ArchiveStore): Promise<CheckedBooks> {
  const { settings, identified } = checked.book;
  if (!identified) return { ...checked, closedCheck: 'not_needed' };
  const all = [...latestByMonth(await store.history(settings.group_id)).values()];
  // the years archived are compared as years; the months as months
  const years = all.filter((c) => isYearKey(c.month));
  const latest = all.filter((c) => !isYearKey(c.month));
  const yearFindings =
    years.length === 0
      ? []
      : yearChangedFindings(
          checked,
          (await Promise.all(years.map((c) => readSnapshot(store, c)))) as unknown as YearSnapshotContent[],
        );
  const typed = settings.closed_through;
  if (latest.length === 0)
    return {
      ...withFindings(checked, yearFindings),
      closedCheck: typed === undefined && years.length === 0 ? 'not_needed' : 'done',
    };
  const archivedThrough = latest
    .map((c) => c.month)
    .sort()
    .at(-1)!;
  const through = typed !== undefined && typed > archivedThrough ? typed : archivedThrough;
  const book = { ...checked.book, settings: { ...settings, closed_through: through } };
  const asArchived = { ...checked, book };
  const contents = await Promise.all(latest.map((c) => readSnapshot(store, c)));
  const rowFindings = closedPeriodFindings(book, contents);
  const rowsChanged = new Set(rowFindings.map((f) => f.month!));
  const figureFindings = closedSummaryFindings(asArchived, contents, rowsChanged);
  const behind =
    typed === undefined || typed < archivedThrough ? [behindFinding(checked, typed, archivedThrough)] : [];
  return {
    ...withFindings(checked, [...behind, ...rowFindings, ...figureFindings, ...yearFindings]),
    closedCheck: 'done',
  };
}

/** W_CLOSED_THROUGH_BEHIND at the closed_through cell (or the settings tab when the row is missing). */
function behindFinding(checked: CheckedBooks, typed: string | undefined, archived: string): Finding {
  const place = checked.book.settingCells.get('closed_through') ?? {
    sheet: 'settings',
    row: null,
    column: 'closed_through',
    cell: null,
  };
  return finding(
    'W_CLOSED_THROUGH_BEHIND',
    place,
    {
      th: `ปิดบัญชีถึงเดือน (closed_through) เป็น ${typed ?? '(ว่าง)'} แต่คลังเก็บเดือนถึง ${archived} แล้ว: เดือนที่เก็บแล้วถือว่าปิดแล้ว ให้แก้ช่องนี้เป็น ${archived}`,
      en: `closed_through says ${typed ?? '(empty)'} but the archive holds months through ${archived}: archived months are closed; set this cell to ${archived}`,
    },
    { month: archived, value: typed ?? null },
  );
}
