import type { CellValue } from '../cell.ts';
import { bestMatch, findTab, type SheetTab, type Workbook } from '../workbook.ts';
import { type ColumnSpec, TABS, type TabKey, type TabSpec } from './tabs.ts';

/**
 * Where a workbook's tabs and columns are, by the tab declarations: the bridge from a workbook's
 * cells (core/workbook.ts, which knows no tab) to the model's columns.
 */

/** Where each known column of a tab is (0-based index): plain data, no reference to the tab's rows. */
export interface Columns {
  spec: TabSpec;
  columns: Map<string, number>;
  /** The columns found, in the spec's order, with their index: the order cells are read in. */
  present: { column: ColumnSpec; index: number }[];
  missing: ColumnSpec[];
  /** True when a required column is missing or a column repeated: no row of the tab can be valid. */
  incomplete: boolean;
  /** Columns whose header appears more than once: the index read, and the others (an error each). */
  repeated: { key: string; index: number; others: number[] }[];
}

/** A tab found in the workbook: its columns, and the tab itself (for the whole-book check). */
export interface TableLayout extends Columns {
  tab: SheetTab;
}

/** Locates each column of a tab by its header (any order; unknown columns ignored; first match wins). */
export function layoutOf(spec: TabSpec, tab: SheetTab): TableLayout {
  return { ...columnsOf(spec, tab.rows[0] ?? []), tab };
}

/** Locates each column of a tab from its header row. */
export function columnsOf(spec: TabSpec, header: readonly CellValue[]): Columns {
  const columns = new Map<string, number>();
  const repeated: Columns['repeated'] = [];
  const indices = header.map((_cell, i) => i);
  for (const column of spec.columns) {
    const { best, others } = bestMatch(
      indices.filter((i) => typeof header[i] === 'string'),
      (i) => header[i] as string,
      column.key,
      column.th,
    );
    if (best === undefined) continue;
    columns.set(column.key, best);
    if (others.length > 0) repeated.push({ key: column.key, index: best, others });
  }
  const missing = spec.columns.filter((column) => !columns.has(column.key));
  const present = spec.columns.flatMap((column) => {
    const index = columns.get(column.key);
    return index === undefined ? [] : [{ column, index }];
  });
  // a repeated column is ambiguous: like a missing required one, no row can be valid until fixed
  const incomplete = missing.some((column) => column.required) || repeated.length > 0;
  return { spec, columns, present, missing, incomplete, repeated };
}

/** Locates every known tab of a workbook. */
export function layoutWorkbook(workbook: Workbook): Map<TabKey, TableLayout> {
  const layouts = new Map<TabKey, TableLayout>();
  for (const spec of TABS) {
    const tab = findTab(workbook, spec);
    if (tab) layouts.set(spec.key, layoutOf(spec, tab));
  }
  return layouts;
}
