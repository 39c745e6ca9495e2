import type { SnapshotRow } from '../model/month-rows.ts';
import { canonicalJson } from './canonical.ts';

export interface CellChange {
  column: string;
  before: unknown;
  after: unknown;
}

export interface RowChange {
  sheet: string;
  /** Sheet row now (added, changed) or in the snapshot (removed). */
  row: number;
  kind: 'added' | 'removed' | 'changed';
  /** For a changed row: the cells that differ. */
  cells: CellChange[];
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/**
 * What changed in a month's rows since its snapshot. Identical rows match wherever they moved
 * (a row inserted above does not make every row below "changed"); of the rest, a row left at the
 * same sheet row counts as changed, cell by cell; others are added or removed.
 */
export function diffRows(
  before: Partial<Record<string, SnapshotRow[]>>,
  after: Partial<Record<string, SnapshotRow[]>>,
): RowChange[] {
  const changes: RowChange[] = [];
  const sheets = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const sheet of sheets) {
    const unmatched = new Map<string, SnapshotRow[]>();
    for (const r of before[sheet] ?? []) {
      const key = canonicalJson(r.values);
      unmatched.set(key, [...(unmatched.get(key) ?? []), r]);
    }
    const added: SnapshotRow[] = [];
    for (const r of after[sheet] ?? []) {
      const same = unmatched.get(canonicalJson(r.values));
      if (same && same.length > 0) {
        // of identical rows, the one that stayed at its sheet row is the match
        const at = same.findIndex((old) => old.row === r.row);
        same.splice(Math.max(at, 0), 1);
      } else added.push(r);
    }
    const removed = new Map<number, SnapshotRow>();
    for (const list of unmatched.values()) for (const r of list) removed.set(r.row, r);
    for (const r of added) {
      const old = removed.get(r.row);
      if (old) {
        removed.delete(r.row);
        const columns = [...new Set([...Object.keys(old.values), ...Object.keys(r.values)])];
        const cells = columns
          .filter((c) => canonicalJson(old.values[c]) !== canonicalJson(r.values[c]))
          .map((column) => ({ column, before: old.values[column], after: r.values[column] }));
        changes.push({ sheet, row: r.row, kind: 'changed', cells, before: old.values, after: r.values });
      } else changes.push({ sheet, row: r.row, kind: 'added', cells: [], after: r.values });
    }
    for (const r of removed.values())
      changes.push({ sheet, row: r.row, kind: 'removed', cells: [], before: r.values });
  }
  return changes.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row));
}
