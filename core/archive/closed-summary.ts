import { placeOf } from '../check/check-row.ts';
import { type Finding, type FindingPlace, finding } from '../check/finding.ts';
import type { CheckedBooks } from '../jobs/check-books.ts';
import type { SnapshotRow } from '../model/month-rows.ts';
import type { DataTabKey } from '../model/records.ts';
import { formatBaht } from '../parse/money.ts';
import { summariseMonth } from '../summary/monthly-summary.ts';
import { thaiMonth } from '../thai-date.ts';
import { canonicalJson } from './canonical.ts';
import { showCell } from './closed-period.ts';
import { diffRows } from './diff-rows.ts';
import type { SnapshotContent } from './snapshot.ts';

/** The undated tabs a month's figures depend on, kept in its snapshot (SPEC §8, issue 9). */
export const REFERENCE_TABS = ['subgroups', 'households', 'members'] as const;

/** What a month's figures rest on besides its rows: the settings and the undated tabs, as read. */
export interface SnapshotReference {
  /** Settings as read, but `closed_through` (closing a month must not change the months before). */
  settings: Record<string, unknown>;
  rows: Partial<Record<(typeof REFERENCE_TABS)[number], SnapshotRow[]>>;
}

/** The reference of a checked book, for its snapshots. */
export function referenceOf(checked: CheckedBooks): SnapshotReference {
  const { closed_through: _closed, ...settings } = checked.book.settings;
  const rows: SnapshotReference['rows'] = {};
  for (const tab of REFERENCE_TABS) {
    const list = checked.book.tables.get(tab);
    if (list && list.length > 0) rows[tab] = list.map((r) => ({ row: r.row, values: r.values }));
  }
  return { settings, rows };
}

/** A summary as `path → value`, without its checks (those are findings, not figures). */
function figures(summary: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(summary)) {
    for (const item of summary) {
      const id = (item as { subgroup_id?: string }).subgroup_id ?? canonicalJson(item);
      figures(item, `${prefix}[${id}]`, out);
    }
  } else if (summary !== null && typeof summary === 'object') {
    for (const [key, value] of Object.entries(summary)) {
      if (prefix === '' && (key === 'checks' || key === 'book_checks')) continue;
      figures(value, prefix ? `${prefix}.${key}` : key, out);
    }
  } else out.set(prefix, summary);
  return out;
}

/** The figures of a month that differ, each `path before → after` (money in baht). */
function changedFigures(before: unknown, after: unknown): string[] {
  const a = figures(before);
  const b = figures(after);
  const show = (path: string, value: unknown) =>
    typeof value === 'number' && !/ratio|members|active|loans$|joined|left|reporting|saving$/.test(path)
      ? formatBaht(value)
      : String(value ?? '—');
  const changed: string[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()]))
    if (canonicalJson(a.get(path)) !== canonicalJson(b.get(path)))
      changed.push(`${path} ${show(path, a.get(path))} → ${show(path, b.get(path))}`);
  return changed;
}

/**
 * W_CLOSED_PERIOD_CHANGED for a closed month whose figures changed although its rows did not all
 * change: the month's summary is recomputed and compared with the archived one; when it differs,
 * each setting, sub-group, household or member cell that changed since is named (moving a
 * household to another sub-group, changing `opening_cash`), or else the month's figures that moved.
 */
export function closedSummaryFindings(
  checked: CheckedBooks,
  archived: SnapshotContent[],
  rowsChanged: ReadonlySet<string>,
): Finding[] {
  const { book } = checked;
  const closedThrough = book.settings.closed_through;
  if (closedThrough === undefined) return [];
  const now = referenceOf(checked);
  const out: Finding[] = [];
  for (const snapshot of archived) {
    const month = snapshot.month;
    if (month > closedThrough) continue;
    const changed = changedFigures(snapshot.summary, summariseMonth(checked, month));
    if (changed.length === 0) continue;
    const because =
      changed.slice(0, 4).join('; ') + (changed.length > 4 ? ` … (+${changed.length - 4})` : '');
    const before = out.length;
    const reference = snapshot.reference;
    if (reference) {
      for (const key of new Set([...Object.keys(reference.settings), ...Object.keys(now.settings)])) {
        const was = reference.settings[key];
        const is = now.settings[key];
        if (canonicalJson(was) === canonicalJson(is)) continue;
        const place = book.settingCells.get(key) ?? { sheet: 'settings', row: null, column: key, cell: null };
        out.push(referenceFinding(place, month, key, showSetting(key, was), showSetting(key, is), because));
      }
      for (const change of diffRows(reference.rows, now.rows)) {
        const sheet = change.sheet as DataTabKey;
        const layout = book.context.layouts.get(sheet);
        const at = (column: string | null): FindingPlace =>
          layout && change.kind !== 'removed'
            ? placeOf(layout, change.row, column)
            : { sheet, row: change.row, column, cell: null };
        if (change.kind === 'changed') {
          for (const cell of change.cells)
            out.push(
              referenceFinding(
                at(cell.column),
                month,
                cell.column,
                showCell(sheet, cell.column, cell.before, 'en'),
                showCell(sheet, cell.column, cell.after, 'en'),
                because,
              ),
            );
        } else {
          const what = change.kind === 'added' ? 'added' : 'removed';
          out.push(referenceFinding(at(null), month, `row ${change.row} ${what}`, '', '', because));
        }
      }
    }
    if (out.length === before && !rowsChanged.has(month)) {
      // nothing archived explains it (an older snapshot, or an earlier month's rows): say what moved
      out.push(
        finding(
          'W_CLOSED_PERIOD_CHANGED',
          { sheet: null, row: null, column: null, cell: null },
          {
            th: `ยอดสรุปของเดือน ${thaiMonth(month)} ที่ปิดบัญชีแล้วเปลี่ยนไป: ${because}`,
            en: `the figures of closed month ${month} changed: ${because}`,
          },
          { month },
        ),
      );
    }
  }
  return out;
}

const showSetting = (key: string, value: unknown) =>
  value === undefined
    ? '(empty)'
    : (key === 'opening_cash' || key === 'opening_bank') && typeof value === 'number'
      ? formatBaht(value)
      : typeof value === 'string'
        ? `"${value}"`
        : JSON.stringify(value);

function referenceFinding(
  place: FindingPlace,
  month: string,
  what: string,
  before: string,
  after: string,
  because: string,
): Finding {
  const change = before || after ? ` ${before} → ${after}` : '';
  return finding(
    'W_CLOSED_PERIOD_CHANGED',
    place,
    {
      th: `เดือน ${thaiMonth(month)} ปิดบัญชีแล้ว แต่ ${what} เปลี่ยน${change} ทำให้ยอดของเดือนนั้นเปลี่ยน: ${because}`,
      en: `month ${month} is closed, but ${what} changed${change}, which changes its figures: ${because}`,
    },
    { month, ...(before || after ? { before, after } : {}) },
  );
}
