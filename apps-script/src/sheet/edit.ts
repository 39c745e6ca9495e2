import {
  advance,
  type CellValue,
  type CheckContext,
  checkRows,
  cloneLedger,
  type DataTabKey,
  DEFAULT_ZONE,
  entryOf,
  type Finding,
  finish,
  ledgerStateFromJson,
  type RowResult,
  tabsWhere,
  updateContext,
} from '../../../core/index.ts';
import { withSajjaNote } from '../shell/notes.ts';
import { editContext, keepContext, tabKeyOf } from './book.ts';
import { getCached, putCached } from './store.ts';

/** Tabs whose ids or request facts the context holds: an edit there updates it. */
const REFERENCE: readonly string[] = tabsWhere((r) => r.referenced);
/** Tabs whose rows post money: an edit there is posted to the kept ledger. */
const MONEY: readonly string[] = tabsWhere((r) => r.posts);

/** Today in the spreadsheet's zone. */
export function todayHere(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone() || DEFAULT_ZONE, 'yyyy-MM-dd');
}

/**
 * The simple onEdit trigger (30 s, no network): only the edited rows are read — a pasted block
 * too, by `e.range` — and checked against the cached context; money rows dated after the last
 * full check are also checked against its kept ledger state. Each wrong cell gets Sajja's note
 * (Thai, then English); a fixed cell loses it; the user's own notes and every value stay as they are.
 */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const key = tabKeyOf(sheet);
  if (!key || key === 'settings') {
    if (key === 'settings') CacheService.getDocumentCache()?.remove('sajja:context');
    return;
  }
  const ss = sheet.getParent();
  const first = Math.max(2, range.getRow());
  const last = range.getRow() + range.getNumRows() - 1;
  if (last < first) return;
  const width = Math.max(1, sheet.getLastColumn());
  // one read for the rows' values, one for their notes, one write of the notes: whatever the tab's height
  const block = sheet.getRange(first, 1, last - first + 1, width);
  const values = block.getValues() as CellValue[][];
  const notes = block.getNotes();
  const ctx = editContext(ss, todayHere(ss));
  const rows = values.map((cells, i) => ({ row: first + i, cells }));
  if (REFERENCE.includes(key)) {
    updateContext(ctx, key, rows);
    keepContext(ctx);
  }
  const tab = key as DataTabKey;
  const { rows: results, findings } = checkRows(ctx, tab, rows);
  findings.push(...moneyFindings(tab, results, ctx));
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) if (f.cell) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
  const next = notes.map((row, r) =>
    row.map((note, c) => {
      const cell = `${columnLetter(c)}${first + r}`;
      return withSajjaNote(
        note,
        (byCell.get(cell) ?? []).map((f) => f.message),
      );
    }),
  );
  if (next.some((row, r) => row.some((note, c) => note !== notes[r]![c]))) block.setNotes(next);
  putCached('sajja:edited', JSON.stringify({ sheet: key, rows: [first, last], findings: findings.length }));
}

/**
 * Money codes on an edit: a valid money row dated after the last full check is posted to a copy of
 * that check's ledger state (overdrawn savings, a balance below zero); an earlier one makes a full
 * check due (the sidebar says so).
 */
function moneyFindings(tab: DataTabKey, results: RowResult[], ctx: CheckContext): Finding[] {
  if (!MONEY.includes(tab)) return [];
  const kept = getCached('sajja:ledger:v2');
  const subgroups = getCached('sajja:subgroups');
  if (!kept || !subgroups) return [];
  const state = cloneLedger(ledgerStateFromJson(kept));
  const subgroupOf = new Map<string, string>(JSON.parse(subgroups) as [string, string][]);
  const found: Finding[] = [];
  for (const result of results) {
    if (!result.record) continue;
    const entry = entryOf(tab, result, subgroupOf);
    if (!entry) continue;
    if (state.day !== null && entry.date <= state.day) {
      putCached('sajja:check-due', entry.date);
      continue;
    }
    found.push(...advance(state, [entry], ctx));
  }
  // the end of the edited day (a balance below zero); findings elsewhere are not this edit's
  if (found.length > 0 || results.some((r) => r.record)) found.push(...finish(state, ctx, ctx.asOf));
  return found;
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
