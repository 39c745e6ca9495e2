import { type CellValue, isBlank } from '../cell.ts';
import type { Settings } from '../model/settings.ts';
import type { RefTarget, TabKey } from '../model/tabs.ts';
import type { DateOptions, IsoDate } from '../parse/date.ts';
import { readCell } from '../parse/read-cell.ts';
import { parseId } from '../parse/scalars.ts';
import { isEmptyRow, type TableLayout } from '../workbook.ts';

/** What checking a row needs to know about the rest of the workbook. */
export interface CheckContext {
  settings: Settings;
  dates: DateOptions;
  /** "Today" in the group's zone: dates after it are errors. */
  asOf: IsoDate;
  layouts: Map<TabKey, TableLayout>;
  /** Every readable id of each tab that others refer to, with the first row holding it. */
  ids: Map<RefTarget, Map<string, number>>;
  /** Values of columns that must be unique (`savings.receipt_no`), with their first row. */
  unique: Map<string, Map<string, number>>;
  /** Loan requests by id: whose, and whether approved. */
  requests: Map<string, RequestFacts>;
  /** Dates of each member's approved requests. */
  approvedRequests: Map<string, IsoDate[]>;
}

export interface RequestFacts {
  member_id?: string;
  status: string;
  date?: IsoDate;
}

const REF_TABS: readonly RefTarget[] = ['subgroups', 'households', 'members', 'loans', 'loan_requests'];

/**
 * Builds the context from the id columns of the small tabs and the unique columns: the part of
 * a workbook a single row is checked against. Costs one pass over those columns only.
 */
export function buildContext(
  layouts: Map<TabKey, TableLayout>,
  settings: Settings,
  dates: DateOptions,
  asOf: IsoDate,
): CheckContext {
  const ids = new Map<RefTarget, Map<string, number>>();
  for (const key of REF_TABS) {
    const layout = layouts.get(key);
    const column = layout?.spec.idColumn;
    if (layout && column && layout.columns.has(column)) ids.set(key, firstRows(layout, column));
  }
  const unique = new Map<string, Map<string, number>>();
  for (const layout of layouts.values()) {
    for (const column of layout.spec.uniqueColumns ?? []) {
      if (layout.columns.has(column)) unique.set(`${layout.spec.key}.${column}`, firstRows(layout, column));
    }
  }
  const { requests, approvedRequests } = readRequests(layouts.get('loan_requests'), dates);
  return { settings, dates, asOf, layouts, ids, unique, requests, approvedRequests };
}

/** Each readable value of a column with the first sheet row that holds it. */
function firstRows(layout: TableLayout, column: string): Map<string, number> {
  const index = layout.columns.get(column)!;
  const seen = new Map<string, number>();
  const rows = layout.tab.rows;
  for (let r = 1; r < rows.length; r++) {
    const cell = rows[r]?.[index];
    if (isBlank(cell)) continue;
    const id = parseId(cell);
    if (id.ok && !seen.has(id.value)) seen.set(id.value, r + 1);
  }
  return seen;
}

function readRequests(layout: TableLayout | undefined, dates: DateOptions) {
  const requests = new Map<string, RequestFacts>();
  const approvedRequests = new Map<string, IsoDate[]>();
  if (!layout?.columns.has('request_id')) return { requests, approvedRequests };
  const read = (row: readonly CellValue[], key: string): unknown => {
    const index = layout.columns.get(key);
    const column = layout.spec.columns.find((c) => c.key === key)!;
    const cell = index === undefined ? undefined : row[index];
    if (isBlank(cell)) return undefined;
    const parsed = readCell(column, cell, dates);
    return parsed.ok ? parsed.value : undefined;
  };
  const rows = layout.tab.rows;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row || isEmptyRow(row)) continue;
    const id = read(row, 'request_id') as string | undefined;
    if (id === undefined || requests.has(id)) continue;
    const facts: RequestFacts = {
      member_id: read(row, 'member_id') as string | undefined,
      status: (read(row, 'status') as string | undefined) ?? 'pending',
      date: read(row, 'date') as IsoDate | undefined,
    };
    requests.set(id, facts);
    if (facts.status === 'approved' && facts.member_id !== undefined) {
      const list = approvedRequests.get(facts.member_id) ?? [];
      list.push(facts.date ?? '0000-00-00');
      approvedRequests.set(facts.member_id, list);
    }
  }
  return { requests, approvedRequests };
}
