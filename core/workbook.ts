import { type CellValue, isBlank } from './cell.ts';
import type { ColumnSpec, TabKey, TabSpec } from './model/tabs.ts';
import { TABS } from './model/tabs.ts';
import { foldWord } from './thai-text.ts';

/** One tab as rows of cell values; `rows[0]` is the header row (sheet row 1). */
export interface SheetTab {
  name: string;
  rows: CellValue[][];
}

/** A workbook, independent of where it came from (xlsx, Sheets API, Apps Script). */
export interface Workbook {
  tabs: SheetTab[];
}

/**
 * SPEC §3 matching rule: a name matches when, trimmed and case-insensitive, it equals the key,
 * the Thai label, or ends with `(key)`. Used for tab names, headers and settings keys.
 */
export function nameMatches(name: string, key: string, th: string): boolean {
  const folded = foldWord(name);
  if (folded === key || folded === foldWord(th)) return true;
  if (folded.endsWith(`(${key})`) || folded.replace(/\s/g, '').endsWith(`(${key})`)) return true;
  // .xlsx cuts tab names to 31 characters: `บัญชีครัวเรือน (household_accou` is still that tab
  return name.length === XLSX_NAME_LIMIT && foldWord(`${th} (${key})`).startsWith(folded);
}

/** The longest tab name an .xlsx file keeps (Excel's limit; Sheets' download cuts to it). */
const XLSX_NAME_LIMIT = 31;

/** Where each known column of a tab is (0-based index): plain data, no reference to the tab's rows. */
export interface Columns {
  spec: TabSpec;
  columns: Map<string, number>;
  /** The columns found, in the spec's order, with their index: the order cells are read in. */
  present: { column: ColumnSpec; index: number }[];
  missing: ColumnSpec[];
  /** True when a required column is missing: no row of the tab can be valid. */
  incomplete: boolean;
}

/** A tab found in the workbook: its columns, and the tab itself (for the whole-book check). */
export interface TableLayout extends Columns {
  tab: SheetTab;
}

/** Finds the tab for a spec (the first that matches), or undefined. */
export function findTab(workbook: Workbook, spec: { key: string; th: string }): SheetTab | undefined {
  return workbook.tabs.find((tab) => nameMatches(tab.name, spec.key, spec.th));
}

/** Locates each column of a tab by its header (any order; unknown columns ignored; first match wins). */
export function layoutOf(spec: TabSpec, tab: SheetTab): TableLayout {
  return { ...columnsOf(spec, tab.rows[0] ?? []), tab };
}

/** Locates each column of a tab from its header row. */
export function columnsOf(spec: TabSpec, header: readonly CellValue[]): Columns {
  const columns = new Map<string, number>();
  for (const column of spec.columns) {
    const index = header.findIndex(
      (cell) => typeof cell === 'string' && nameMatches(cell, column.key, column.th),
    );
    if (index >= 0) columns.set(column.key, index);
  }
  const missing = spec.columns.filter((column) => !columns.has(column.key));
  const present = spec.columns.flatMap((column) => {
    const index = columns.get(column.key);
    return index === undefined ? [] : [{ column, index }];
  });
  return { spec, columns, present, missing, incomplete: missing.some((column) => column.required) };
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

/** True when every cell of a row is blank. */
export function isEmptyRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (!isBlank(cell)) return false;
  return true;
}
