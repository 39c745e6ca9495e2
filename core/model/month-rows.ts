import type { Finding } from './finding.ts';
import type { RowResult, Tables } from './place.ts';
import type { DataTabKey } from './records.ts';
import { TABS } from './tabs.ts';

/** The date column that places a row of a tab in a month. */
export const MONTH_COLUMN: Partial<Record<DataTabKey, string>> = Object.fromEntries(
  TABS.flatMap((t) => (t.roles.dated === undefined ? [] : [[t.key, t.roles.dated]])),
);

/** One archived row: its sheet row and the values read from it (normalised: satang, ISO dates, keys). */
export interface SnapshotRow {
  row: number;
  values: Record<string, unknown>;
}

/** The rows of each dated tab that fall in a month, as read (valid or not). */
export function monthRows(tables: Tables, month: string): Partial<Record<DataTabKey, SnapshotRow[]>> {
  const rows: Partial<Record<DataTabKey, SnapshotRow[]>> = {};
  for (const [tab, column] of Object.entries(MONTH_COLUMN) as [DataTabKey, string][]) {
    const list = (tables.get(tab) ?? [])
      .filter((r) => typeof r.values[column] === 'string' && (r.values[column] as string).startsWith(month))
      .map((r) => ({ row: r.row, values: r.values }));
    if (list.length > 0) rows[tab] = list;
  }
  return rows;
}

/** The row of a tab with a given sheet row number (rows are in sheet order): a binary search. */
function rowAt(rows: readonly RowResult[], row: number): RowResult | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = rows[mid]!.row;
    if (at === row) return rows[mid];
    if (at < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * The findings that belong to a month (SPEC §6 `checks`): those about the month itself (a count
 * missing at its end), those about a day in it (`date`: a loan overdue as of that day, a balance
 * below zero at its end, money held since it), and those on a row dated in the month. Other
 * findings on undated tabs (settings, members, households) belong to the book, not to a month.
 * Costs the findings, not the rows.
 */
export function monthFindings(tables: Tables, findings: Finding[], month: string): Finding[] {
  return findings.filter((f) => {
    if (f.month !== undefined) return f.month === month;
    if (f.date !== undefined) return f.date.startsWith(month);
    const column = f.sheet === null ? undefined : MONTH_COLUMN[f.sheet as DataTabKey];
    if (column === undefined || f.row === null) return false;
    const date = rowAt(tables.get(f.sheet as DataTabKey) ?? [], f.row)?.values[column];
    return typeof date === 'string' && date.startsWith(month);
  });
}
