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
  /** A changed row that also moved (a row above it added or deleted): its sheet row in the snapshot. */
  was_row?: number;
}

/** Above this many added × removed rows of a tab, pairing falls back to the sheet row (a month rewritten). */
const MAX_PAIRINGS = 250_000;

/** How many cells two rows share, and how many either has. */
function likeness(a: Record<string, unknown>, b: Record<string, unknown>): { same: number; of: number } {
  const columns = new Set([...Object.keys(a), ...Object.keys(b)]);
  let same = 0;
  for (const c of columns) if (canonicalJson(a[c]) === canonicalJson(b[c])) same++;
  return { same, of: columns.size };
}

/**
 * What changed in a month's rows since its snapshot, matched by what the rows hold, not where they
 * sit. Identical rows match wherever they moved (a row inserted or deleted above does not make
 * every row below "changed"). Of the rest, an added row and a removed row that share more than
 * half their cells are one row changed, cell by cell (the closest pairs first, then the nearest
 * rows); what is left is added or removed, with what it holds.
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
    const removed: SnapshotRow[] = [...unmatched.values()].flat();
    const pairs: { now: SnapshotRow; old: SnapshotRow; same: number; distance: number }[] = [];
    if (added.length * removed.length <= MAX_PAIRINGS) {
      for (const now of added)
        for (const old of removed) {
          const { same, of } = likeness(old.values, now.values);
          if (same * 2 > of) pairs.push({ now, old, same, distance: Math.abs(now.row - old.row) });
        }
    } else {
      const byRow = new Map(removed.map((r) => [r.row, r]));
      for (const now of added) {
        const old = byRow.get(now.row);
        if (old) pairs.push({ now, old, same: 0, distance: 0 });
      }
    }
    pairs.sort((a, b) => b.same - a.same || a.distance - b.distance || a.now.row - b.now.row);
    const paired = new Set<SnapshotRow>();
    for (const { now, old } of pairs) {
      if (paired.has(now) || paired.has(old)) continue;
      paired.add(now);
      paired.add(old);
      const columns = [...new Set([...Object.keys(old.values), ...Object.keys(now.values)])];
      const cells = columns
        .filter((c) => canonicalJson(old.values[c]) !== canonicalJson(now.values[c]))
        .map((column) => ({ column, before: old.values[column], after: now.values[column] }));
      changes.push({
        sheet,
        row: now.row,
        kind: 'changed',
        cells,
        before: old.values,
        after: now.values,
        ...(old.row !== now.row ? { was_row: old.row } : {}),
      });
    }
    for (const r of added)
      if (!paired.has(r)) changes.push({ sheet, row: r.row, kind: 'added', cells: [], after: r.values });
    for (const r of removed)
      if (!paired.has(r)) changes.push({ sheet, row: r.row, kind: 'removed', cells: [], before: r.values });
  }
  return changes.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row));
}
