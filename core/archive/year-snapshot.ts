import type { CheckedBooks } from '../ledger/checked-books.ts';
import type { SnapshotRow } from '../model/month-rows.ts';
import { sha256 } from '../sha256.ts';
import { type YearEnd, yearEnd } from '../year/year-end.ts';
import { canonicalJson } from './canonical.ts';
import { SNAPSHOT_SCHEMA } from './schema.ts';
import type { Snapshot, SnapshotContent } from './snapshot-content.ts';

/** The chain key of a fiscal year's snapshot: `2026-year` (a month's is `2026-10`). */
export const yearKey = (year: number) => `${year}-year`;
/** Whether a chain key is a year's, not a month's. */
export const isYearKey = (month: string) => /^\d{4}-year$/.test(month);

/** A fiscal year as archived (SPEC §13): its share-out by the bylaws and the meeting's rows. */
export interface YearSnapshotContent {
  schema: number;
  kind: 'year';
  group_id: string;
  month: string;
  year_end: YearEnd;
  rows: { year_end: SnapshotRow[] };
}

/** A year's rows in the year-end tab, as a snapshot holds them. */
export function yearRows(checked: Pick<CheckedBooks, 'book'>, year: number): SnapshotRow[] {
  return (checked.book.tables.get('year_end') ?? [])
    .filter((r) => r.record?.fiscal_year === year)
    .map((r) => ({ row: r.row, values: r.values }));
}

/**
 * The year's snapshot, in the group's chain beside its months (`2026-year`): the year's figures
 * as the bylaws give them and the rows the meeting wrote. The same year archived again is the
 * same content; a changed row or a changed figure makes a new version.
 */
export function yearSnapshot(checked: Pick<CheckedBooks, 'book' | 'journal'>, year: number): Snapshot {
  const figures = yearEnd(checked, year);
  const content: YearSnapshotContent = {
    schema: SNAPSHOT_SCHEMA,
    kind: 'year',
    group_id: checked.book.settings.group_id,
    month: yearKey(figures.fiscal_year),
    year_end: figures,
    rows: { year_end: yearRows(checked, figures.fiscal_year) },
  };
  const canonical = canonicalJson(content);
  // a year travels through the archive as any snapshot does: its key, its canonical bytes, its hash
  return { content: content as unknown as SnapshotContent, canonical, content_hash: sha256(canonical) };
}
