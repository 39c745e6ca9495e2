import { type Finding, finding } from '../model/finding.ts';
import type { TableLayout } from '../model/layout.ts';
import { TABS, type TabKey, type TabSpec, templateTabName } from '../model/tabs.ts';
import { foldWord } from '../thai-text.ts';
import { findTab, nameMatches, type Workbook } from '../workbook.ts';

/** Tabs Sajja itself writes or the template adds: never "unknown". */
const OWN_TABS: { key: string; th: string }[] = [
  { key: 'instructions', th: 'วิธีใช้' },
  { key: 'summary', th: 'สรุป' },
  // the sheet's phone tabs (SPEC §15): what to tick, and the last full check's findings
  { key: 'actions', th: 'สั่งงาน' },
  { key: 'findings', th: 'ผลการตรวจ' },
];

/** Edit distance between two short names (Levenshtein), by code point. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[y.length]!;
}

/** How much a tab looks like a known one: headers it shares, and how close its name is. */
function likeness(tab: Workbook['tabs'][number], spec: TabSpec): number {
  const header = tab.rows[0] ?? [];
  const shared = spec.columns.filter((column) =>
    header.some((cell) => typeof cell === 'string' && nameMatches(cell, column.key, column.th)),
  ).length;
  const name = foldWord(tab.name);
  const names = [spec.key, foldWord(spec.th), foldWord(templateTabName(spec))];
  const close = names.some((known) => {
    if (known.length >= 3 && (name.includes(known) || known.includes(name)) && name.length >= 3) return true;
    return distance(name, known) <= Math.max(1, Math.floor(known.length / 4));
  });
  // a shared header is strong evidence (two make a tab recognisable); a close name is some
  return shared * 2 + (close ? 3 : 0);
}

/**
 * A tab that matches no known tab, while a known tab it looks like is missing: a renamed tab
 * (`นำส่ง` for `นำส่งเงิน (remittances)`) is not read, so say which one it seems to be rather than
 * let its rows go missing from the books in silence.
 */
export function unknownTabFindings(workbook: Workbook, layouts: Map<TabKey, TableLayout>): Finding[] {
  const out: Finding[] = [];
  const missing = TABS.filter((spec) => !layouts.has(spec.key));
  if (missing.length === 0) return out;
  const read = new Set([...layouts.values()].map((layout) => layout.tab));
  for (const tab of workbook.tabs) {
    if (read.has(tab) || OWN_TABS.some((own) => nameMatches(tab.name, own.key, own.th))) continue;
    // a second tab named as a known one (a copy) is E_TAB_REPEATED's, not a missing tab's
    if (TABS.some((spec) => findTab({ tabs: [tab] }, spec) !== undefined)) continue;
    let best: { spec: TabSpec; score: number } | undefined;
    for (const spec of missing) {
      const score = likeness(tab, spec);
      if (score >= 3 && score > (best?.score ?? 0)) best = { spec, score };
    }
    if (!best) continue;
    const known = templateTabName(best.spec);
    out.push(
      finding(
        best.spec.required ? 'E_SHEET_MISSING' : 'W_SHEET_UNKNOWN',
        { sheet: best.spec.key, row: null, column: null, cell: null },
        {
          th: `แท็บ "${tab.name}" ไม่ตรงกับชื่อแท็บที่รู้จัก จึงไม่ได้อ่าน — หมายถึง "${known}" หรือไม่? ถ้าใช่ ให้เปลี่ยนชื่อแท็บเป็น "${known}"`,
          en: `the tab "${tab.name}" matches no known tab, so it is not read — did you mean "${known}"? If so, rename it "${known}"`,
        },
        { value: tab.name },
      ),
    );
  }
  return out;
}
