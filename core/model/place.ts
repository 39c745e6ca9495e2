import { a1 } from '../cell.ts';
import type { FindingPlace } from './finding.ts';
import type { Columns } from './layout.ts';
import type { DataTabKey, RecordOf } from './records.ts';

/** A non-empty data row: what could be read of it, and its typed record when the row is valid. */
export interface RowResult<K extends DataTabKey = DataTabKey> {
  /** 1-based sheet row. */
  row: number;
  /** Every cell that could be read, by column key. */
  values: Record<string, unknown>;
  /** The validated record (defaults filled in); absent when the row has any error. */
  record?: RecordOf<K>;
}

/** The rows of each data tab, typed by tab: `tables.get('loans')` holds loans' records. */
export interface Tables extends Omit<Map<DataTabKey, RowResult[]>, 'get' | 'set'> {
  get<K extends DataTabKey>(tab: K): RowResult<K>[] | undefined;
  set<K extends DataTabKey>(tab: K, rows: RowResult<K>[]): this;
}

/** Where a cell of a table is, for a finding. */
export function placeOf(layout: Columns, row: number | null, column: string | null): FindingPlace {
  const index = column === null ? undefined : layout.columns.get(column);
  return {
    sheet: layout.spec.key,
    row,
    column,
    cell: row !== null && index !== undefined ? a1(index, row) : null,
  };
}

/**
 * How a row is checked: as part of the whole book (a repeated id is flagged on its later rows),
 * or as an edit (flagged whichever of the rows holding it was edited).
 */
export type CheckMode = 'book' | 'edit';
