import {
  advance,
  type CellValue,
  type CheckContext,
  checkRows,
  cloneLedger,
  columnLetters,
  type DataTabKey,
  entryOf,
  type Finding,
  finish,
  ledgerStateFromJson,
  placeOf,
  type RowResult,
  readBook,
  tabsWhere,
  updateContext,
  type Workbook,
  welfareFindings,
} from '../../../core/index.ts';
import { colouredBySajja, withSajjaNote } from '../shell/notes.ts';
import { dropContext, editContext, keepContext, refreshColumns, sheetOf, tabKeyOf } from './book.ts';
import { readCells, zoneOf } from './cells.ts';
import { getCached, getKept, putCached } from './store.ts';

/** Tabs whose ids or request facts the context holds: an edit there updates it. */
const REFERENCE: readonly string[] = tabsWhere((r) => r.referenced);
/** Tabs whose rows post money: an edit there is posted to the kept ledger. */
const MONEY: readonly string[] = tabsWhere((r) => r.posts);

/** Today in the spreadsheet's zone. */
export function todayHere(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return Utilities.formatDate(new Date(), zoneOf(ss), 'yyyy-MM-dd');
}

/** What an edited money row is told when the last full check's ledger is not there to check it against. */
export const MONEY_NOT_CHECKED = {
  th: 'ยังไม่ได้ตรวจยอดเงินของแถวนี้ (ยังไม่มีผลการตรวจทั้งหมด): เลือกเมนู สัจจะ → ตรวจทั้งหมด',
  en: 'the money of this row was not checked (no full check to check it against): menu Sajja → Check everything',
};

/**
 * The simple onEdit trigger (30 s, no network, AuthMode.LIMITED): only the edited rows are read —
 * a pasted block too, by `e.range` — with the tab's header (columns may have moved), and checked
 * against the kept context; money rows dated after the last full check are also checked against
 * its kept ledger state. Each wrong cell gets Sajja's note (Thai, then English); a fixed cell
 * loses it; only the notes that change are written, the user's own words byte for byte, and no
 * value is ever changed.
 */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const key = tabKeyOf(sheet);
  if (!key || key === 'settings') {
    if (key === 'settings') dropContext();
    return;
  }
  const ss = sheet.getParent();
  const zone = zoneOf(ss);
  const width = Math.max(1, sheet.getLastColumn(), range.getLastColumn());
  const ctx = editContext(ss, todayHere(ss));
  // the header as it is now: a column inserted before this edit moves every column after it
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] as CellValue[];
  refreshColumns(ctx, key, header);
  const first = Math.max(2, range.getRow());
  const last = range.getLastRow();
  if (last < first) return;
  // one read for the rows' values, one for their formats, one for their notes: whatever the tab's height
  const block = sheet.getRange(first, 1, last - first + 1, width);
  const values = readCells(block, zone);
  const notes = block.getNotes();
  const rows = values.map((cells, i) => ({ row: first + i, cells }));
  if (REFERENCE.includes(key)) {
    updateContext(ctx, key, rows);
    keepContext(ctx);
  }
  const tab = key as DataTabKey;
  const { rows: results, findings } = checkRows(ctx, tab, rows);
  const money = moneyFindings(tab, results, ctx);
  findings.push(...(money ?? []));
  if (tab === 'welfare') findings.push(...welfareRowFindings(ss, ctx, first, last));
  const said: { cell: string | null; message: Finding['message'] }[] = [
    ...findings,
    ...(money ? [] : notChecked(tab, results, ctx)),
  ];
  const byCell = new Map<string, Finding['message'][]>();
  for (const f of said) if (f.cell) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f.message]);
  const worst = new Map<string, Finding['severity']>();
  for (const f of findings) if (f.cell && worst.get(f.cell) !== 'error') worst.set(f.cell, f.severity);
  writeChangedMarks(sheet, first, notes, block.getBackgrounds(), (r, c) => {
    const cell = `${columnLetters(c)}${first + r}`;
    return { messages: byCell.get(cell) ?? [], severity: worst.get(cell) };
  });
  putCached('sajja:edited', JSON.stringify({ sheet: key, rows: [first, last], findings: findings.length }));
}

/** Sajja's colours for a wrong cell (light red an error, light yellow a warning): the phone apps show them, as they show notes. */
export const SAJJA_COLOURS = { error: '#f4cccc', warning: '#fff2cc' } as const;
const OURS: readonly string[] = Object.values(SAJJA_COLOURS);
const PLAIN = '#ffffff';

/** What a cell is to be told: its findings' messages, and the worst severity among them. */
type Marks = { messages: { th: string; en: string }[]; severity: Finding['severity'] | undefined };

/**
 * Writes only the notes and colours that change. A wrong cell gets Sajja's note and — when it is
 * plain (white) — Sajja's colour, which its note then says is Sajja's; a fixed cell loses Sajja's
 * part of the note and, only if Sajja coloured it, the colour. A colour the group gave a cell is
 * never changed, even one that looks like Sajja's. Each run of neighbouring changed cells in a
 * row is one write; a cell that stays is never written (another person's note typed meanwhile
 * survives, and nothing of the user's own is rewritten).
 */
function writeChangedMarks(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  first: number,
  notes: string[][],
  colours: string[][],
  marksAt: (row: number, column: number) => Marks,
): void {
  notes.forEach((row, r) => {
    const nextNotes: string[] = [];
    const nextColours: (string | null)[] = [];
    row.forEach((note, c) => {
      const { messages, severity } = marksAt(r, c);
      const now = (colours[r]?.[c] ?? PLAIN).toLowerCase();
      const ours = colouredBySajja(note) && OURS.includes(now);
      // Sajja colours a plain cell, or one it coloured itself; it takes off only its own colour
      const colouring = severity !== undefined && (ours || now === PLAIN);
      const colour = colouring ? SAJJA_COLOURS[severity] : ours ? null : now;
      nextNotes.push(withSajjaNote(note, messages, colouring));
      nextColours.push(colour);
    });
    writeRuns(row, nextNotes, (start, run) =>
      sheet.getRange(first + r, start + 1, 1, run.length).setNotes([run]),
    );
    writeRuns(
      row.map((_, c) => (colours[r]?.[c] ?? PLAIN).toLowerCase()),
      nextColours,
      (start, run) => sheet.getRange(first + r, start + 1, 1, run.length).setBackgrounds([run as string[]]),
    );
  });
}

/** Each run of neighbouring values that differ from what is there, written once. */
function writeRuns<T>(
  before: readonly T[],
  after: readonly T[],
  write: (start: number, run: T[]) => void,
): void {
  let run: T[] = [];
  let start = -1;
  const flush = () => {
    if (run.length > 0) write(start, run);
    run = [];
    start = -1;
  };
  after.forEach((value, c) => {
    if (value === before[c]) flush();
    else {
      if (start < 0) start = c;
      run.push(value);
    }
  });
  flush();
}

/**
 * Money codes on an edit: a valid money row dated after the last full check is posted to a copy of
 * that check's ledger state (overdrawn savings, a balance below zero); an earlier one makes a full
 * check due (the sidebar says so). The state is kept where it does not expire (document
 * properties); when it is not there, each posted row is told its money was not checked.
 */
function moneyFindings(tab: DataTabKey, results: RowResult[], ctx: CheckContext): Finding[] | undefined {
  if (!MONEY.includes(tab)) return [];
  const kept = getKept('ledger');
  const subgroups = getKept('subgroups');
  if (!kept || !subgroups) return undefined;
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

/** The tabs a welfare payout is judged by (SPEC §14): who the member is, the table, the bylaws, the fund's rows. */
const WELFARE_TABS = ['settings', 'rules', 'members', 'welfare_rules', 'welfare'] as const;

/**
 * The welfare table's checks of edited payout rows, as they are typed: a member too new or lapsed,
 * a claim above the table, late, or of a benefit the table lacks. The welfare tab is read whole
 * (a lapse and the year's cap need every contribution and payout), with the members, the table
 * and the bylaws; the findings are those of the edited rows only.
 */
function welfareRowFindings(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  ctx: CheckContext,
  first: number,
  last: number,
): Finding[] {
  const zone = zoneOf(ss);
  const workbook: Workbook = { tabs: [] };
  for (const key of WELFARE_TABS) {
    const sheet = sheetOf(ss, key);
    if (!sheet || sheet.getLastRow() < 1) continue;
    workbook.tabs.push({ name: sheet.getName(), rows: readCells(sheet.getDataRange(), zone) });
  }
  const book = readBook(workbook, { asOf: ctx.asOf });
  return welfareFindings(book).filter(
    (f) => f.sheet === 'welfare' && f.row !== null && f.row >= first && f.row <= last,
  );
}

/** Each valid money row's amount cell, told that its money was not checked (and a full check made due). */
function notChecked(tab: DataTabKey, results: RowResult[], ctx: CheckContext) {
  const layout = ctx.layouts.get(tab);
  const column = ['amount', 'principal', 'balance'].find((c) => layout?.columns.has(c));
  if (!layout || !column) return [];
  const out = results
    .filter((result) => result.record)
    .map((result) => ({ cell: placeOf(layout, result.row, column).cell, message: MONEY_NOT_CHECKED }));
  if (out.length > 0 && !getCached('sajja:check-due')) putCached('sajja:check-due', 'money');
  return out;
}
