import { columnIndex } from '../cell.ts';
import type { Finding } from '../model/finding.ts';
import { TABS, type TabKey } from '../model/tabs.ts';

const TAB_ORDER = new Map(TABS.map((tab, i) => [tab.key, i]));

/** Findings in sheet order: tab as the template orders them, then row, then column. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        (TAB_ORDER.get(a.f.sheet as TabKey) ?? -1) - (TAB_ORDER.get(b.f.sheet as TabKey) ?? -1) ||
        (a.f.row ?? 0) - (b.f.row ?? 0) ||
        cellColumn(a.f) - cellColumn(b.f) ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}

function cellColumn(f: Finding): number {
  return f.cell === null ? -1 : columnIndex(f.cell.replace(/\d+$/, ''));
}
