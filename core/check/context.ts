import type { IsoDate } from '../calendar.ts';
import { type CellValue, isBlank } from '../cell.ts';
import { getOrAdd } from '../maps.ts';
import { type Columns, columnsOf } from '../model/layout.ts';
import { readCell } from '../model/read-cell.ts';
import type { Settings } from '../model/settings.ts';
import { type RefTarget, TABS, type TabKey, tabSpec, tabsWhere } from '../model/tabs.ts';
import type { DateOptions } from '../parse/date.ts';
import { parseId } from '../parse/scalars.ts';
import { isEmptyRow } from '../workbook.ts';

/**
 * What checking a row needs to know about the rest of the workbook: plain data (settings, where
 * each tab's columns are, the ids and unique values with the rows that hold them, the loan
 * requests' facts), no reference to any tab's rows — small enough to cache between edits
 * (contextToJson / contextFromJson) and updated when an id cell is edited (updateContext).
 */
export interface CheckContext {
  settings: Settings;
  dates: DateOptions;
  /** "Today" in the group's zone: dates after it are errors. */
  asOf: IsoDate;
  /** Where each known column of each tab present is. */
  layouts: Map<TabKey, Columns>;
  /** Every readable id of each tab that others refer to, with every row holding it (in order). */
  ids: Map<RefTarget, Map<string, number[]>>;
  /** Values of columns that must be unique (`savings.receipt_no`), with every row holding each. */
  unique: Map<string, Map<string, number[]>>;
  /** Loan requests by id: whose, and whether approved (the first row holding the id). */
  requests: Map<string, RequestFacts>;
}

export interface RequestFacts {
  row: number;
  member_id?: string;
  status: string;
  date?: IsoDate;
}

/** One row of a tab, as a shell has it: its 1-based sheet row and its cells (column A first). */
export interface EditedRow {
  row: number;
  cells: readonly CellValue[];
}

const REF_TABS = tabsWhere((r) => r.referenced) as readonly RefTarget[];

/** The tabs whose ids or unique values the context holds, and which of their columns. */
function keyColumns(columns: Columns): string[] {
  const { spec } = columns;
  const keys: string[] = [];
  if (spec.idColumn && REF_TABS.includes(spec.key as RefTarget) && columns.columns.has(spec.idColumn))
    keys.push(spec.idColumn);
  for (const column of spec.uniqueColumns ?? []) if (columns.columns.has(column)) keys.push(column);
  return keys;
}

/**
 * Builds the context from the header rows, the id and unique columns, and the loan requests.
 * `rows` gives the rows of each tab present (the whole tab, or only the columns the context reads
 * — a shell reading for an edit may send just those); one pass over them.
 */
export function buildContext(
  tabs: Map<TabKey, { header: readonly CellValue[]; rows: readonly (readonly CellValue[] | undefined)[] }>,
  settings: Settings,
  dates: DateOptions,
  asOf: IsoDate,
): CheckContext {
  const ctx: CheckContext = {
    settings,
    dates,
    asOf,
    layouts: new Map(),
    ids: new Map(),
    unique: new Map(),
    requests: new Map(),
  };
  for (const spec of TABS) {
    const tab = tabs.get(spec.key);
    if (tab) ctx.layouts.set(spec.key, columnsOf(spec, tab.header));
  }
  for (const [key, columns] of ctx.layouts) {
    for (const column of keyColumns(columns)) holders(ctx, key, column);
  }
  for (const [key, { rows }] of tabs) {
    if (!ctx.layouts.has(key)) continue;
    // rows[0] is the header (sheet row 1)
    const edited: EditedRow[] = [];
    for (let r = 1; r < rows.length; r++) {
      const cells = rows[r];
      if (cells) edited.push({ row: r + 1, cells });
    }
    addRows(ctx, key, edited);
  }
  return ctx;
}

/** The map of a tab's id column or unique column: value → rows holding it. */
function holders(ctx: CheckContext, tab: TabKey, column: string): Map<string, number[]> {
  const spec = tabSpec(tab);
  if (column === spec.idColumn && REF_TABS.includes(tab as RefTarget)) {
    return getOrAdd(ctx.ids, tab as RefTarget, () => new Map());
  }
  return getOrAdd(ctx.unique, `${tab}.${column}`, () => new Map());
}

function addRows(ctx: CheckContext, tab: TabKey, rows: readonly EditedRow[]): void {
  const columns = ctx.layouts.get(tab);
  if (!columns) return;
  for (const column of keyColumns(columns)) {
    const index = columns.columns.get(column)!;
    const map = holders(ctx, tab, column);
    for (const { row, cells } of rows) {
      const cell = cells[index];
      if (isBlank(cell)) continue;
      const id = parseId(cell);
      if (!id.ok) continue;
      const list = map.get(id.value);
      if (!list) map.set(id.value, [row]);
      else {
        list.push(row);
        list.sort((a, b) => a - b);
      }
    }
  }
  if (tab === 'loan_requests') for (const edited of rows) addRequest(ctx, columns, edited);
}

function addRequest(ctx: CheckContext, columns: Columns, { row, cells }: EditedRow): void {
  if (!columns.columns.has('request_id') || isEmptyRow(cells)) return;
  const read = (key: string): unknown => {
    const index = columns.columns.get(key);
    const column = columns.spec.columns.find((c) => c.key === key)!;
    const cell = index === undefined ? undefined : cells[index];
    if (isBlank(cell)) return undefined;
    const parsed = readCell(column, cell, ctx.dates);
    return parsed.ok ? parsed.value : undefined;
  };
  const id = read('request_id') as string | undefined;
  if (id === undefined) return;
  const known = ctx.requests.get(id);
  if (known && known.row < row) return; // the first row holding a request id is the request
  ctx.requests.set(id, {
    row,
    member_id: read('member_id') as string | undefined,
    status: (read('status') as string | undefined) ?? 'pending',
    date: read('date') as IsoDate | undefined,
  });
}

/** Forgets what the context knew of some rows of a tab (before they are read again). */
function removeRows(ctx: CheckContext, tab: TabKey, rows: ReadonlySet<number>): void {
  const columns = ctx.layouts.get(tab);
  if (!columns) return;
  for (const column of keyColumns(columns)) {
    const map = holders(ctx, tab, column);
    for (const [value, list] of map) {
      const kept = list.filter((r) => !rows.has(r));
      if (kept.length === 0) map.delete(value);
      else if (kept.length !== list.length) map.set(value, kept);
    }
  }
  if (tab === 'loan_requests')
    for (const [id, facts] of ctx.requests) if (rows.has(facts.row)) ctx.requests.delete(id);
}

/**
 * The context after some rows of a tab were edited (an id typed, changed or cleared; a request
 * approved): what it knew of those rows is replaced by what they hold now. Returns the same
 * context, updated in place.
 */
export function updateContext(ctx: CheckContext, tab: TabKey, rows: readonly EditedRow[]): CheckContext {
  removeRows(ctx, tab, new Set(rows.map((r) => r.row)));
  addRows(ctx, tab, rows);
  return ctx;
}

/** The approved requests of a member, with their dates. */
export function approvedRequestDates(ctx: CheckContext, member: string): IsoDate[] {
  const dates: IsoDate[] = [];
  for (const facts of ctx.requests.values())
    if (facts.status === 'approved' && facts.member_id === member) dates.push(facts.date ?? '0000-00-00');
  return dates;
}

/** The context as JSON text, to keep between edits (CacheService, Script Properties). */
export function contextToJson(ctx: CheckContext): string {
  const entries = <V>(map: Map<string, V>) => [...map.entries()];
  return JSON.stringify({
    settings: ctx.settings,
    dates: ctx.dates,
    asOf: ctx.asOf,
    headers: [...ctx.layouts].map(([key, columns]) => [key, headerOf(columns)]),
    ids: [...ctx.ids].map(([key, map]) => [key, entries(map)]),
    unique: [...ctx.unique].map(([key, map]) => [key, entries(map)]),
    requests: entries(ctx.requests),
  });
}

/** The context from contextToJson's text. */
export function contextFromJson(text: string): CheckContext {
  const data = JSON.parse(text) as {
    settings: Settings;
    dates: DateOptions;
    asOf: IsoDate;
    headers: [TabKey, string[]][];
    ids: [RefTarget, [string, number[]][]][];
    unique: [string, [string, number[]][]][];
    requests: [string, RequestFacts][];
  };
  return {
    settings: data.settings,
    dates: data.dates,
    asOf: data.asOf,
    layouts: new Map(data.headers.map(([key, header]) => [key, columnsOf(tabSpec(key), header)])),
    ids: new Map(data.ids.map(([key, list]) => [key, new Map(list)])),
    unique: new Map(data.unique.map(([key, list]) => [key, new Map(list)])),
    requests: new Map(data.requests),
  };
}

/** A header row that puts each known column where it is (for contextToJson). */
function headerOf(columns: Columns): string[] {
  const header: string[] = [];
  for (const [key, index] of columns.columns) header[index] = key;
  return Array.from(header, (cell) => cell ?? '');
}
