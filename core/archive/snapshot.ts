import type { RowResult } from '../check/check-row.ts';
import { type CheckedBooks, checkBooks } from '../jobs/check-books.ts';
import { monthBounds } from '../ledger/dates.ts';
import type { DataTabKey } from '../model/records.ts';
import { type MonthlySummary, summariseMonth } from '../summary/monthly-summary.ts';
import type { Workbook } from '../workbook.ts';
import { canonicalJson } from './canonical.ts';
import { sha256 } from './sha256.ts';

/** The date column that places a row of a tab in a month. */
export const MONTH_COLUMN: Partial<Record<DataTabKey, string>> = {
  savings: 'date',
  remittances: 'date',
  loan_requests: 'date',
  loans: 'disbursed_on',
  repayments: 'date',
  welfare: 'date',
  other: 'date',
  counts: 'date',
  household_accounts: 'date',
  debt_survey: 'survey_date',
};

/** One archived row: its sheet row and the values read from it (normalised: satang, ISO dates, keys). */
export interface SnapshotRow {
  row: number;
  values: Record<string, unknown>;
}

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

/** The rows of each dated tab that fall in a month, as read (valid or not). */
export function monthRows(
  tables: Map<DataTabKey, RowResult[]>,
  month: string,
): Partial<Record<DataTabKey, SnapshotRow[]>> {
  const rows: Partial<Record<DataTabKey, SnapshotRow[]>> = {};
  for (const [tab, column] of Object.entries(MONTH_COLUMN) as [DataTabKey, string][]) {
    const list = (tables.get(tab) ?? [])
      .filter((r) => typeof r.values[column] === 'string' && (r.values[column] as string).startsWith(month))
      .map((r) => ({ row: r.row, values: r.values }));
    if (list.length > 0) rows[tab] = list;
  }
  return rows;
}

/**
 * A group's month as a deterministic snapshot: the rows dated in it, its summary and the count
 * of findings on those rows. The books are read as of the month's last day, so archiving the
 * same month again later gives the same content (and the same hash) unless a row changed.
 */
export function buildSnapshot(workbook: Workbook, month: string): Snapshot {
  const checked: CheckedBooks = checkBooks(workbook, { asOf: monthBounds(month).last });
  const rows = monthRows(checked.book.tables, month);
  const inMonth = new Set<string>();
  for (const [tab, list] of Object.entries(rows)) for (const r of list!) inMonth.add(`${tab}:${r.row}`);
  let error = 0;
  let warning = 0;
  for (const f of checked.findings) {
    if (!inMonth.has(`${f.sheet}:${f.row}`)) continue;
    if (f.severity === 'error') error++;
    else warning++;
  }
  const summary = summariseMonth(checked, month);
  summary.checks = { errors: error, warnings: warning };
  const content: SnapshotContent = {
    group_id: checked.book.settings.group_id,
    month,
    rows,
    summary,
    counts: { error, warning },
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
