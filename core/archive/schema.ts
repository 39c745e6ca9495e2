import type { SnapshotRow } from '../model/month-rows.ts';
import { SETTING_SPECS } from '../model/settings.ts';
import { type TabKey, tabSpec } from '../model/tabs.ts';
import type { Figure } from '../summary/figures.ts';

/**
 * The snapshot schema: what a snapshot holds, numbered. A snapshot written by Sajja 0.1.0 has no
 * `schema` field and is schema 1. Raise `SNAPSHOT_SCHEMA` whenever a summary figure, a dated tab,
 * a column of a dated or reference tab, or a setting is added, and mark the addition with
 * `since: <the new number>` where it is declared (core/summary/figures.ts, core/model/tabs.ts,
 * core/model/settings.ts). Comparing a closed month with its snapshot then looks only at what the
 * snapshot's schema held, so an addition never wakes a month archived before it.
 */
export const SNAPSHOT_SCHEMA = 6;

/** The schema a stored snapshot was written in (1 before snapshots said). */
export const schemaOf = (content: { schema?: number }): number => content.schema ?? 1;

const held = (item: { since?: number }, schema: number) => (item.since ?? 1) <= schema;

/** Whether a snapshot of a schema held a figure. */
export const figureHeld = (figure: Figure, schema: number): boolean => held(figure, schema);

/** Whether a snapshot of a schema held a setting (a setting unknown to this version counts as held). */
export function settingHeld(key: string, schema: number): boolean {
  const spec = SETTING_SPECS.find((s) => s.key === key);
  return spec === undefined || held(spec, schema);
}

/**
 * Rows as a snapshot of a schema would have held them: only the tabs and columns it knew. Rows of
 * the current schema are returned as they are.
 */
export function rowsHeld(
  rows: Partial<Record<string, SnapshotRow[]>>,
  schema: number,
): Partial<Record<string, SnapshotRow[]>> {
  if (schema >= SNAPSHOT_SCHEMA) return rows;
  const out: Partial<Record<string, SnapshotRow[]>> = {};
  for (const [tab, list] of Object.entries(rows)) {
    const spec = tabSpec(tab as TabKey);
    if (!spec) {
      out[tab] = list;
      continue;
    }
    if (!held(spec, schema) || !list) continue;
    const later = spec.columns.filter((c) => !held(c, schema)).map((c) => c.key);
    out[tab] =
      later.length === 0
        ? list
        : list.map((r) => ({
            row: r.row,
            values: Object.fromEntries(Object.entries(r.values).filter(([k]) => !later.includes(k))),
          }));
  }
  return out;
}
