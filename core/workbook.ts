import { type CellValue, isBlank } from './cell.ts';
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

/**
 * How well a name matches: 0 exactly (the key, the Thai label, or `Thai (key)` as the template
 * writes it), 1 by the `(key)` suffix or a cut name, undefined not at all. Of two that match,
 * the exact one is the one meant (`เงินออม (savings)` over `สำเนาของ เงินออม (savings)`).
 */
export function matchRank(name: string, key: string, th: string): number | undefined {
  const folded = foldWord(name);
  if (folded === key || folded === foldWord(th) || folded === foldWord(`${th} (${key})`)) return 0;
  return nameMatches(name, key, th) ? 1 : undefined;
}

/** The best of several candidates by match rank (first among equals), and the others that match. */
export function bestMatch<T>(candidates: T[], nameOf: (c: T) => string, key: string, th: string) {
  let best: { item: T; rank: number } | undefined;
  const all: T[] = [];
  for (const item of candidates) {
    const rank = matchRank(nameOf(item), key, th);
    if (rank === undefined) continue;
    all.push(item);
    if (!best || rank < best.rank) best = { item, rank };
  }
  return { best: best?.item, others: all.filter((item) => item !== best?.item) };
}

/** Finds the tab for a spec (the best match: an exact name before a suffix), or undefined. */
export function findTab(workbook: Workbook, spec: { key: string; th: string }): SheetTab | undefined {
  return bestMatch(workbook.tabs, (tab) => tab.name, spec.key, spec.th).best;
}

/** The other tabs that also match a spec (a copied tab, a second one): each is an error. */
export function otherTabs(workbook: Workbook, spec: { key: string; th: string }): SheetTab[] {
  return bestMatch(workbook.tabs, (tab) => tab.name, spec.key, spec.th).others;
}

/** True when every cell of a row is blank. */
export function isEmptyRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (!isBlank(cell)) return false;
  return true;
}
