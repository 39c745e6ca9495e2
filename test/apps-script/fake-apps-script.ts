/// <reference types="google-apps-script" />
import { execFileSync } from 'node:child_process';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type CellValue, columnIndex, serialOf, type Workbook } from '../../core/index.ts';

/**
 * An in-memory Apps Script world, written from Google's reference documentation for every method
 * the shell calls (issue 19, point 12), not from what the shell happens to need:
 * - getValues gives Date objects for date cells — midnight in the *spreadsheet's* time zone — and
 *   numbers, booleans and ''; a percentage cell holds its fraction (1.5% is 0.015) and shows it
 *   only through its number format (getNumberFormats); typing into a cell is parsed as Sheets
 *   parses it (`type`): numbers, percentages, TRUE/FALSE; anything else stays text;
 * - edit events as documented for the simple and installable onEdit: `range`, `source`, `user`,
 *   `authMode`, and `value` / `oldValue` only when a single cell was edited (none for a paste;
 *   a cleared cell has `oldValue` and no `value`); change events (`changeType`: INSERT_COLUMN …);
 * - simple triggers run in AuthMode.LIMITED: a service that needs authorization (UrlFetchApp,
 *   MailApp, ScriptApp, Session's email) throws "You do not have permission to call …";
 * - CacheService: 100 KB of UTF-8 a value, 250-character keys, 1,000 entries (the oldest evicted),
 *   and entries expire (10 minutes by default, 6 hours at most) on the world's clock;
 * - PropertiesService: script and document properties shared, user properties per user; 9 KB a
 *   value, 500 KB a store;
 * - ScriptApp triggers belong to the user who made them: getProjectTriggers lists the current
 *   user's only, and a time-driven trigger runs as its owner with full authority;
 * - UrlFetchApp: a real HTTP request (from a child process: Apps Script's fetch is synchronous),
 *   but Google's servers cannot reach this machine: a loopback or private address is "Address
 *   unavailable", a public https address reaches the local server a test routes it to; a 4xx or
 *   5xx throws unless muteHttpExceptions;
 * - no Sheets advanced service: under `spreadsheets.currentonly` it is refused on every call, so
 *   the shell does not use it.
 * Every range read and write is counted. The fakes implement the real interfaces' members they
 * offer (Pick<…>).
 */
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Counts {
  reads: number;
  writes: number;
}

const DAY_MS = 86_400_000;

/** The offset of a zone from UTC at an instant, in milliseconds (Bangkok: +7 h). */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return local - Math.floor(utcMs / 1000) * 1000;
}

/** A serial day number (Sheets' epoch 1899-12-30) as the Date getValues() gives: midnight in the zone. */
export function dateOfSerial(serial: number, zone = 'Asia/Bangkok', DateCtor: DateConstructor = Date): Date {
  const utcMidnight = (serial - 25569) * DAY_MS;
  // the zone's offset at that local midnight (it moves across a daylight-saving change): twice
  const guess = utcMidnight - zoneOffsetMs(zone, utcMidnight);
  return new DateCtor(utcMidnight - zoneOffsetMs(zone, guess));
}
/** A date cell as the Sheets API sends it (SERIAL_NUMBER): its day in the spreadsheet's zone. */
const serialOfDate = (date: Date, zone: string) => {
  const local = date.getTime() + zoneOffsetMs(zone, date.getTime());
  return local / DAY_MS + 25569;
};
/** A Date of any realm (the script's own, in the vm). */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Sheets' "Automatic" number format, as getNumberFormats reports it. */
export const AUTOMATIC = '0.###############';

class Cell {
  value: CellValue | Date = '';
  note = '';
  background = '#ffffff';
  /** A link over the whole of a rich-text value (setRichTextValues), e.g. `#gid=3&range=B7`. */
  link: string | null = null;
  /** A checkbox's data validation (insertCheckboxes): TRUE ticked, FALSE not. */
  checkbox = false;
  /** A format set on this cell, and when (a later range format wins over an earlier one). */
  format: { format: string; seq: number } | undefined;
}

let formatSeq = 0;

export class FakeRange
  implements
    Pick<
      GRange,
      | 'getRow'
      | 'getColumn'
      | 'getNumRows'
      | 'getNumColumns'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getA1Notation'
    >
{
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly column: number,
    private readonly rows: number,
    private readonly columns: number,
  ) {
    if (row < 1 || column < 1 || rows < 1 || columns < 1)
      throw new Error(`The coordinates of the range are outside the dimensions of the sheet.`);
  }
  private cells(create = false): Cell[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.columns }, (_, c) => this.sheet.cell(this.row + r, this.column + c, create)),
    );
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.column;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.columns;
  }
  getLastRow() {
    return this.row + this.rows - 1;
  }
  getLastColumn() {
    return this.column + this.columns - 1;
  }
  getSheet() {
    return this.sheet as unknown as GSheet;
  }
  getA1Notation() {
    const first = `${letters(this.column)}${this.row}`;
    return this.rows === 1 && this.columns === 1
      ? first
      : `${first}:${letters(this.getLastColumn())}${this.getLastRow()}`;
  }
  getValues(): (CellValue | Date)[][] {
    this.sheet.counts.reads++;
    return this.cells().map((row) =>
      row.map((c) => (c.value === null || c.value === undefined ? '' : c.value)),
    );
  }
  getValue() {
    return this.getValues()[0]![0];
  }
  /** The formats as documented: a string per cell, Sheets' Automatic format where none was set. */
  getNumberFormats(): string[][] {
    this.sheet.counts.reads++;
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.columns }, (_, c) => this.sheet.formatAt(this.row + r, this.column + c)),
    );
  }
  setValues(values: (CellValue | Date)[][]) {
    this.sheet.counts.writes++;
    if (values.length !== this.rows || values.some((r) => r.length !== this.columns))
      throw new Error('The number of rows or columns in the data does not match the range.');
    for (const [r, row] of values.entries())
      for (const [c, v] of row.entries())
        this.sheet.cell(this.row + r, this.column + c, true).value = v ?? '';
    return this;
  }
  setValue(value: CellValue | Date) {
    return this.setValues([[value]]);
  }
  /** clearContent(): values gone (a rich text's link with it), formats, notes and checkboxes kept (as documented). */
  clearContent() {
    this.sheet.counts.writes++;
    for (const row of this.cells(true))
      for (const cell of row) {
        cell.value = '';
        cell.link = null;
      }
    return this;
  }
  /**
   * insertCheckboxes(): each cell gets a checkbox's validation, "true for checked and false for
   * unchecked", and — as documented — every cell's value is set to false.
   */
  insertCheckboxes() {
    this.sheet.counts.writes++;
    for (const row of this.cells(true))
      for (const cell of row) {
        cell.checkbox = true;
        cell.value = false;
      }
    return this;
  }
  /** setRichTextValues(values): literal text (never parsed as a number or a formula), with each value's link. */
  setRichTextValues(values: FakeRichText[][]) {
    this.sheet.counts.writes++;
    if (values.length !== this.rows || values.some((r) => r.length !== this.columns))
      throw new Error('The number of rows or columns in the data does not match the range.');
    for (const [r, row] of values.entries())
      for (const [c, v] of row.entries()) {
        const cell = this.sheet.cell(this.row + r, this.column + c, true);
        cell.value = v.getText();
        cell.link = v.getLinkUrl();
      }
    return this;
  }
  getRichTextValues(): FakeRichText[][] {
    this.sheet.counts.reads++;
    return this.cells().map((row) => row.map((c) => richText(String(c.value ?? ''), c.link)));
  }
  setBackground(colour: string | null) {
    this.sheet.counts.writes++;
    for (const row of this.cells(true)) for (const cell of row) cell.background = colour ?? '#ffffff';
    return this;
  }
  getBackgrounds(): string[][] {
    this.sheet.counts.reads++;
    return this.cells().map((row) => row.map((c) => c.background));
  }
  /** setBackgrounds(color[][]): CSS colours; null resets a cell to the default, white (as documented). */
  setBackgrounds(colours: (string | null)[][]) {
    this.sheet.counts.writes++;
    if (colours.length !== this.rows || colours.some((r) => r.length !== this.columns))
      throw new Error('The number of rows or columns in the data does not match the range.');
    for (const [r, row] of colours.entries())
      for (const [c, colour] of row.entries())
        this.sheet.cell(this.row + r, this.column + c, true).background = colour ?? '#ffffff';
    return this;
  }
  getNotes(): string[][] {
    this.sheet.counts.reads++;
    return this.cells().map((row) => row.map((c) => c.note));
  }
  getNote() {
    return this.getNotes()[0]![0]!;
  }
  setNotes(notes: string[][]) {
    this.sheet.counts.writes++;
    this.sheet.noteWrites.push(this.getA1Notation());
    if (notes.length !== this.rows || notes.some((r) => r.length !== this.columns))
      throw new Error('The number of rows or columns in the data does not match the range.');
    for (const [r, row] of notes.entries())
      for (const [c, n] of row.entries()) this.sheet.cell(this.row + r, this.column + c, true).note = n ?? '';
    return this;
  }
  setNote(note: string) {
    return this.setNotes([[note]]);
  }
  setNumberFormat(format: string) {
    this.sheet.counts.writes++;
    this.sheet.formatRules.push({
      row: this.row,
      column: this.column,
      rows: this.rows,
      columns: this.columns,
      format,
      seq: ++formatSeq,
    });
    return this;
  }
  setDataValidation(rule: unknown) {
    this.sheet.counts.writes++;
    this.sheet.validations.set(`${this.column}:${this.row}:${this.rows}`, rule);
    return this;
  }
  protect() {
    const protection = new FakeProtection(this);
    this.sheet.protections.push(protection);
    return protection;
  }
  activate() {
    this.sheet.parent.active = `${this.sheet.name}!${this.getA1Notation()}`;
    return this;
  }
}

/** A RichTextValue as built by SpreadsheetApp.newRichTextValue(): text, and a link over all of it. */
export interface FakeRichText {
  getText(): string;
  getLinkUrl(): string | null;
}
const richText = (text: string, link: string | null): FakeRichText => ({
  getText: () => text,
  getLinkUrl: () => link,
});

class FakeProtection {
  description = '';
  warningOnly = false;
  constructor(readonly range: FakeRange) {}
  setDescription(text: string) {
    this.description = text;
    return this;
  }
  getDescription() {
    return this.description;
  }
  setWarningOnly(on: boolean) {
    this.warningOnly = on;
    return this;
  }
}

export class FakeSheet
  implements Pick<GSheet, 'getName' | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getFrozenRows'>
{
  readonly grid = new Map<number, Map<number, Cell>>();
  readonly formatRules: {
    row: number;
    column: number;
    rows: number;
    columns: number;
    format: string;
    seq: number;
  }[] = [];
  readonly validations = new Map<string, unknown>();
  readonly protections: FakeProtection[] = [];
  /** The A1 ranges each setNotes wrote (a test sees what was rewritten). */
  readonly noteWrites: string[] = [];
  frozen = 0;
  maxRows = 1000;
  readonly id: number;
  constructor(
    readonly parent: FakeSpreadsheet,
    public name: string,
    readonly counts: Counts,
  ) {
    this.id = parent.nextSheetId++;
  }
  cell(row: number, column: number, create = false): Cell {
    let r = this.grid.get(row);
    if (!r) {
      if (!create) return new Cell();
      r = new Map();
      this.grid.set(row, r);
    }
    let c = r.get(column);
    if (!c) {
      c = new Cell();
      if (create) r.set(column, c);
    }
    if (create && row > this.maxRows) this.maxRows = row;
    return c;
  }
  /** A cell's number format: the latest of its own and every range format over it. */
  formatAt(row: number, column: number): string {
    let best = this.grid.get(row)?.get(column)?.format;
    for (const rule of this.formatRules)
      if (
        row >= rule.row &&
        row < rule.row + rule.rows &&
        column >= rule.column &&
        column < rule.column + rule.columns &&
        (!best || rule.seq > best.seq)
      )
        best = rule;
    return best?.format ?? AUTOMATIC;
  }
  getName() {
    return this.name;
  }
  /** The sheet's gid (the `#gid=` of a link to it): unique in its spreadsheet, never reused. */
  getSheetId() {
    return this.id;
  }
  getParent() {
    return this.parent as unknown as GSpreadsheet;
  }
  getLastRow() {
    let last = 0;
    for (const [row, cells] of this.grid)
      for (const c of cells.values()) if (c.value !== '' && c.value !== null && row > last) last = row;
    return last;
  }
  getLastColumn() {
    let last = 0;
    for (const cells of this.grid.values())
      for (const [column, c] of cells) if (c.value !== '' && c.value !== null && column > last) last = column;
    return last;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getFrozenRows() {
    return this.frozen;
  }
  setFrozenRows(n: number) {
    this.frozen = n;
    return this;
  }
  getProtections() {
    return this.protections;
  }
  getDataRange(): FakeRange {
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  getRange(a: number | string, column?: number, rows = 1, columns = 1): FakeRange {
    if (typeof a === 'string') {
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a);
      if (!m) throw new Error(`Range not found`);
      const c1 = columnIndex(m[1]!) + 1;
      const r1 = Number(m[2]);
      const c2 = m[3] ? columnIndex(m[3]) + 1 : c1;
      const r2 = m[4] ? Number(m[4]) : r1;
      return new FakeRange(this, r1, c1, r2 - r1 + 1, c2 - c1 + 1);
    }
    return new FakeRange(this, a, column!, rows, columns);
  }
  /**
   * A column inserted before `column` (Sheets' Insert column): every cell at or right of it moves
   * one to the right, formats with it. The change event is the test's to send (`change`).
   */
  insertColumnBefore(column: number) {
    for (const cells of this.grid.values()) {
      const moved = [...cells.entries()].sort(([a], [b]) => b - a);
      for (const [c, cell] of moved)
        if (c >= column) {
          cells.delete(c);
          cells.set(c + 1, cell);
        }
    }
    for (const rule of this.formatRules)
      if (rule.column >= column) rule.column++;
      else if (rule.column + rule.columns > column) rule.columns++;
    return this;
  }
  /**
   * What a person's typing leaves in a cell, as Sheets parses it: a number (with thousands
   * commas), a percentage (its fraction, and a percent format), TRUE/FALSE; text otherwise (a
   * leading apostrophe forces text). Dates typed are left as text here: how Sheets reads a date
   * depends on the spreadsheet's locale, and the shell must take either.
   */
  type(row: number, column: number, typed: string): CellValue {
    const cell = this.cell(row, column, true);
    const text = typed.trim();
    let value: CellValue = typed;
    if (typed.startsWith("'")) value = typed.slice(1);
    else if (/^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/.test(text))
      value = Number(text.replace(/,/g, ''));
    else if (/^-?\d+(\.\d+)?%$/.test(text)) {
      value = Number(text.slice(0, -1)) / 100;
      cell.format = { format: text.includes('.') ? '0.00%' : '0%', seq: ++formatSeq };
    } else if (/^(true|false)$/i.test(text)) value = text.toLowerCase() === 'true';
    cell.value = value;
    return value;
  }
  /** The sheet's rows as the Sheets API sends them with UNFORMATTED_VALUE + SERIAL_NUMBER. */
  apiValues(): (string | number | boolean)[][] {
    const lastRow = this.getLastRow();
    const lastColumn = this.getLastColumn();
    const zone = this.parent.timeZone;
    const rows: (string | number | boolean)[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = 1; c <= lastColumn; c++) {
        const v = this.cell(r, c).value;
        row.push(
          isDate(v)
            ? serialOfDate(v, zone)
            : v === null || v === undefined
              ? ''
              : (v as string | number | boolean),
        );
      }
      while (row.length > 0 && row[row.length - 1] === '') row.pop();
      rows.push(row);
    }
    return rows;
  }
}

export class FakeSpreadsheet
  implements Pick<GSpreadsheet, 'getId' | 'getName' | 'getSpreadsheetTimeZone' | 'getUrl'>
{
  readonly sheets: FakeSheet[] = [];
  active = '';
  /** The first sheet is gid 0, as in a new spreadsheet. */
  nextSheetId = 0;
  /** How many times the script flushed its pending changes (SpreadsheetApp.flush). */
  flushes = 0;
  readonly counts: Counts = { reads: 0, writes: 0 };
  constructor(
    readonly id = 'spreadsheet-1',
    readonly name = 'กลุ่มทดสอบ',
    /** The spreadsheet's own time zone (File → Settings), which may differ from the script's. */
    public timeZone = 'Asia/Bangkok',
  ) {}
  getId() {
    return this.id;
  }
  getName() {
    return this.name;
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  getSheets() {
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string, index?: number) {
    if (this.getSheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists.`);
    const sheet = new FakeSheet(this, name, this.counts);
    if (index === undefined) this.sheets.push(sheet);
    else this.sheets.splice(index, 0, sheet);
    return sheet;
  }
  /** Loads a workbook: serial numbers in date columns become Date cells, as a typed date would. */
  static from(
    workbook: Workbook,
    dateColumns: (tab: string, header: string) => boolean = () => false,
    DateCtor: DateConstructor = Date,
    timeZone = 'Asia/Bangkok',
  ): FakeSpreadsheet {
    const ss = new FakeSpreadsheet('spreadsheet-1', 'กลุ่มทดสอบ', timeZone);
    for (const tab of workbook.tabs) {
      const sheet = ss.insertSheet(tab.name);
      const header = (tab.rows[0] ?? []).map(String);
      for (const [r, row] of tab.rows.entries())
        for (const [c, value] of (row ?? []).entries()) {
          if (value === null || value === undefined || value === '') continue;
          const isDate = r > 0 && typeof value === 'number' && dateColumns(tab.name, header[c] ?? '');
          sheet.cell(r + 1, c + 1, true).value = isDate ? dateOfSerial(value, timeZone, DateCtor) : value;
        }
    }
    ss.counts.reads = 0;
    ss.counts.writes = 0;
    return ss;
  }
}

class FakeCache
  implements Pick<GoogleAppsScript.Cache.Cache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'>
{
  private readonly store = new Map<string, { value: string; until: number }>();
  constructor(private readonly clock: { now(): number }) {}
  private live(key: string) {
    const entry = this.store.get(key);
    if (entry && entry.until <= this.clock.now()) this.store.delete(key);
    return this.store.get(key);
  }
  get(key: string) {
    return this.live(key)?.value ?? null;
  }
  getAll(keys: string[]) {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const entry = this.live(k);
      if (entry) out[k] = entry.value;
    }
    return out;
  }
  put(key: string, value: string, seconds?: number) {
    this.putAll({ [key]: value }, seconds);
  }
  /** putAll(values, expirationInSeconds): 600 s when not given, at most 21,600 (six hours). */
  putAll(values: Record<string, string>, seconds = 600) {
    const until = this.clock.now() + Math.min(seconds, 21_600) * 1000;
    for (const [k, v] of Object.entries(values)) {
      if (k.length > 250) throw new Error('Argument too large: key');
      if (Buffer.byteLength(v, 'utf8') > 100_000) throw new Error('Argument too large: value');
      this.store.delete(k);
      this.store.set(k, { value: v, until });
      // at most 1,000 entries: the oldest are evicted
      while (this.store.size > 1_000) this.store.delete(this.store.keys().next().value!);
    }
  }
  /** What the cache holds, for the bench: entries and UTF-8 bytes. */
  size() {
    let bytes = 0;
    for (const v of this.store.values()) bytes += Buffer.byteLength(v.value, 'utf8');
    return { entries: this.store.size, bytes };
  }
  remove(key: string) {
    this.store.delete(key);
  }
  removeAll(keys: string[]) {
    for (const k of keys) this.store.delete(k);
  }
}

/** A property store: 9 KB a value, 500 KB in all (Apps Script's quotas). */
class FakeProperties
  implements Pick<GoogleAppsScript.Properties.Properties, 'getProperty' | 'getKeys' | 'getProperties'>
{
  readonly store = new Map<string, string>();
  private bytes(except?: string) {
    let total = 0;
    for (const [k, v] of this.store) if (k !== except) total += Buffer.byteLength(k + v, 'utf8');
    return total;
  }
  getProperty(key: string) {
    return this.store.get(key) ?? null;
  }
  getKeys() {
    return [...this.store.keys()];
  }
  getProperties() {
    return Object.fromEntries(this.store);
  }
  setProperty(key: string, value: string) {
    return this.setProperties({ [key]: value });
  }
  setProperties(values: Record<string, string>) {
    for (const [key, value] of Object.entries(values)) {
      if (Buffer.byteLength(value, 'utf8') > 9_216) throw new Error('Argument too large: value');
      if (this.bytes(key) + Buffer.byteLength(key + value, 'utf8') > 512_000)
        throw new Error('You have exceeded the property storage quota.');
      this.store.set(key, String(value));
    }
    return this;
  }
  deleteProperty(key: string) {
    this.store.delete(key);
    return this;
  }
}

const signed = (bytes: Buffer) => [...bytes].map((b) => (b > 127 ? b - 256 : b));
const unsigned = (bytes: number[]) => Buffer.from(bytes.map((b) => (b < 0 ? b + 256 : b)));

/**
 * A Blob as Apps Script's Utilities make them: bytes as Java's signed bytes (getBytes), text
 * decoded as UTF-8 (getDataAsString), a content type. Only what the shells call.
 */
function fakeBlob(bytes: Buffer, contentType: string | null = null) {
  return {
    getBytes: () => signed(bytes),
    getDataAsString: () => bytes.toString('utf8'),
    getContentType: () => contentType,
  };
}
type FakeBlob = ReturnType<typeof fakeBlob>;

/** The scope each service needs: what a simple trigger's "You do not have permission" names. */
const NEEDS = {
  'UrlFetchApp.fetch': 'https://www.googleapis.com/auth/script.external_request',
  'MailApp.sendEmail': 'https://www.googleapis.com/auth/script.send_mail',
  'MailApp.getRemainingDailyQuota': 'https://www.googleapis.com/auth/script.send_mail',
  'ScriptApp.getProjectTriggers': 'https://www.googleapis.com/auth/script.scriptapp',
  'ScriptApp.newTrigger': 'https://www.googleapis.com/auth/script.scriptapp',
  'ScriptApp.deleteTrigger': 'https://www.googleapis.com/auth/script.scriptapp',
  'Ui.showSidebar': 'https://www.googleapis.com/auth/script.container.ui',
  'Ui.showModalDialog': 'https://www.googleapis.com/auth/script.container.ui',
} as const;

export interface FakeTrigger {
  fn: string;
  owner: string;
  kind: 'time' | 'edit' | 'change';
  everyDays: number;
  atHour: number;
  id: string;
}

/** The global objects of Apps Script, for a vm context, with what they saw. */
export function appsScriptWorld(
  spreadsheet: () => FakeSpreadsheet,
  options: { htmlDir: string; now?: () => number },
) {
  const clock = { now: options.now ?? (() => Date.now()) };
  const menus: { name: string; items: [string, string][] }[] = [];
  const alerts: string[] = [];
  const sidebars: string[] = [];
  const triggers: FakeTrigger[] = [];
  const mails: { to: string; subject: string; body: string }[] = [];
  /** Each UrlFetchApp.fetch: where to, the payload's size in bytes, the payload and headers as sent. */
  const fetches: { url: string; bytes: number; body: Buffer; headers: Record<string, string> }[] = [];
  const prompts: string[] = [];
  /** Answers for ui.alert with buttons (YES_NO): 'YES' or 'NO', in order; 'NO' when none is left. */
  const answers: string[] = [];
  const cache = new FakeCache(clock);
  /**
   * Who runs the script now, and how: a simple trigger runs LIMITED; a menu, a dialog or an
   * installable trigger FULL. `ui` is whether a browser is there to show a dialog: a trigger has
   * none, and Google's docs give SpreadsheetApp.getUi() only "for the current instance of an open
   * editor" — the fake refuses it from a trigger (conservative: an edit trigger is often fired by
   * someone on a phone, where no dialog exists).
   */
  const session = { user: 'treasurer@example.org', authMode: 'FULL' as 'FULL' | 'LIMITED', ui: true };
  /** Each Utilities.sleep, in milliseconds (the fake does not wait). */
  const sleeps: number[] = [];
  /**
   * What other executions do while one sleeps: Apps Script runs a project's triggers of one edit
   * side by side, so a trigger that sleeps lets the others run (the test's tick sets this).
   */
  const meanwhile: { run?: () => void } = {};
  /** Public https origins and the local server each reaches (the Function URL in front of `sajja serve`). */
  const routes = new Map<string, string>();
  const needs = (what: keyof typeof NEEDS) => {
    if (session.authMode === 'LIMITED')
      throw new Error(`You do not have permission to call ${what}. Required permissions: ${NEEDS[what]}`);
  };
  /** The document lock; `heldElsewhere` stands for another run (a trigger, another user) holding it. */
  const lock: {
    heldElsewhere: boolean;
    held: boolean;
    tryLock(ms: number): boolean;
    hasLock(): boolean;
    releaseLock(): void;
  } = {
    heldElsewhere: false,
    held: false,
    tryLock(_ms: number) {
      if (lock.heldElsewhere || lock.held) return false;
      lock.held = true;
      return true;
    },
    hasLock: () => lock.held,
    releaseLock() {
      lock.held = false;
    },
  };
  lock satisfies Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'hasLock' | 'releaseLock'>;
  const properties = new FakeProperties();
  const documentProperties = new FakeProperties();
  const userProperties = new Map<string, FakeProperties>();
  const userStore = () => {
    const store = userProperties.get(session.user) ?? new FakeProperties();
    userProperties.set(session.user, store);
    return store;
  };
  const ui = {
    ButtonSet: { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' },
    Button: { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' },
    createMenu(name: string) {
      const menu = { name, items: [] as [string, string][] };
      const api = {
        addItem(caption: string, fn: string) {
          menu.items.push([caption, fn]);
          return api;
        },
        addSeparator() {
          return api;
        },
        addToUi() {
          menus.push(menu);
        },
      };
      return api;
    },
    alert(...args: unknown[]) {
      // alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons)
      alerts.push(args.filter((a) => typeof a === 'string' && !(a in ui.ButtonSet)).join('\n'));
      const buttons = args.at(-1);
      return buttons === 'YES_NO' ? (answers.shift() ?? 'NO') : 'OK';
    },
    prompt() {
      const text = prompts.shift() ?? '';
      return { getSelectedButton: () => 'OK', getResponseText: () => text };
    },
    showSidebar(html: { getContent(): string }) {
      needs('Ui.showSidebar');
      sidebars.push(html.getContent());
    },
    showModalDialog(html: { getContent(): string }) {
      needs('Ui.showModalDialog');
      sidebars.push(html.getContent());
    },
  };
  const world = {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => spreadsheet(),
      getActive: () => spreadsheet(),
      getUi: () => {
        if (!session.ui) throw new Error('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
        return ui;
      },
      flush: () => {
        spreadsheet().flushes++;
      },
      // newRichTextValue(): setText, setLinkUrl (over the whole text), build
      newRichTextValue() {
        let text = '';
        let link: string | null = null;
        const builder = {
          setText(t: string) {
            text = t;
            return builder;
          },
          setLinkUrl(url: string | null) {
            link = url;
            return builder;
          },
          build: () => richText(text, link),
        };
        return builder;
      },
      ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
      newDataValidation() {
        const rule: Record<string, unknown> = {};
        const builder = {
          requireValueInList(values: string[], dropdown: boolean) {
            rule.list = values;
            rule.dropdown = dropdown;
            return builder;
          },
          setAllowInvalid(on: boolean) {
            rule.allowInvalid = on;
            return builder;
          },
          setHelpText(text: string) {
            rule.help = text;
            return builder;
          },
          build() {
            return rule;
          },
        };
        return builder;
      },
    },
    CacheService: { getDocumentCache: () => cache, getScriptCache: () => cache },
    LockService: { getDocumentLock: () => lock, getScriptLock: () => lock },
    PropertiesService: {
      getScriptProperties: () => properties,
      getDocumentProperties: () => documentProperties,
      getUserProperties: () => userStore(),
    },
    Utilities: {
      DigestAlgorithm: { SHA_256: 'SHA_256' },
      Charset: { UTF_8: 'UTF_8' },
      // computeDigest(algorithm, value: String | Byte[], charset?)
      computeDigest: (_alg: string, value: string | number[]) =>
        signed(
          createHash('sha256')
            .update(typeof value === 'string' ? Buffer.from(value, 'utf8') : unsigned(value))
            .digest(),
        ),
      computeHmacSha256Signature: (value: string, key: string) =>
        signed(createHmac('sha256', Buffer.from(key, 'utf8')).update(value, 'utf8').digest()),
      getUuid: () => randomUUID(),
      sleep: (ms: number) => {
        sleeps.push(ms);
        meanwhile.run?.();
      },
      // newBlob(data: String | Byte[], contentType?): a string becomes its UTF-8 bytes
      newBlob: (data: string | number[], contentType?: string) =>
        fakeBlob(typeof data === 'string' ? Buffer.from(data, 'utf8') : unsigned(data), contentType ?? null),
      // gzip(blob): a Blob of the gzip-compressed bytes (application/x-gzip)
      gzip: (blob: FakeBlob) => fakeBlob(gzipSync(unsigned(blob.getBytes())), 'application/x-gzip'),
      ungzip: (blob: FakeBlob) => fakeBlob(gunzipSync(unsigned(blob.getBytes()))),
      // base64Encode(data: Byte[] | String): standard base64 (a string is taken as UTF-8)
      base64Encode: (data: number[] | string) =>
        (typeof data === 'string' ? Buffer.from(data, 'utf8') : unsigned(data)).toString('base64'),
      // formatDate(date, timeZone, format): only the ISO day format the shell uses
      formatDate: (date: Date, zone: string, format: string) => {
        if (format !== 'yyyy-MM-dd') throw new Error(`the fake formats yyyy-MM-dd only, not ${format}`);
        return new Intl.DateTimeFormat('en-CA', {
          timeZone: zone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        }).format(date);
      },
    },
    UrlFetchApp: {
      fetch(
        url: string,
        params: {
          method: string;
          payload?: string | number[];
          headers?: Record<string, string>;
          contentType?: string;
          muteHttpExceptions?: boolean;
        },
      ) {
        needs('UrlFetchApp.fetch');
        const body =
          params.payload === undefined
            ? Buffer.alloc(0)
            : typeof params.payload === 'string'
              ? Buffer.from(params.payload, 'utf8')
              : unsigned(params.payload);
        // Apps Script's quota: a URL Fetch POST carries at most 50 MB
        if (body.length > 50 * 1024 * 1024)
          throw new Error('Exception: the payload is larger than 50 MB (URL Fetch POST size)');
        let target: URL;
        try {
          target = new URL(url);
        } catch {
          throw new Error(`Exception: Invalid argument: ${url}`);
        }
        // the request leaves from Google's servers: this machine and private networks are unreachable
        if (/^(localhost|127\.|10\.|192\.168\.|\[::1\]|0\.0\.0\.0)/.test(target.hostname))
          throw new Error(`Exception: Address unavailable: ${url}`);
        const local = routes.get(target.origin);
        if (!local) throw new Error(`Exception: DNS error: ${url}`);
        const headers = {
          'content-type': params.contentType ?? 'application/x-www-form-urlencoded',
          ...params.headers,
        };
        fetches.push({ url, bytes: body.length, body, headers });
        const script = `process.stdin.setEncoding('utf8'); let input = ''; for await (const chunk of process.stdin) input += chunk; const [url, init] = JSON.parse(input); if (init.body !== undefined) init.body = Buffer.from(init.body, 'base64'); const r = await fetch(url, init); process.stdout.write(JSON.stringify({ status: r.status, text: await r.text() }));`;
        const init = {
          method: params.method.toUpperCase(),
          headers,
          ...(params.method.toUpperCase() === 'GET' ? {} : { body: body.toString('base64') }),
        };
        const out = JSON.parse(
          execFileSync(process.execPath, ['--input-type=module', '-e', script], {
            input: JSON.stringify([`${local}${target.pathname}${target.search}`, init]),
            encoding: 'utf8',
            maxBuffer: 1 << 26,
          }),
        ) as { status: number; text: string };
        if (out.status >= 400 && !params.muteHttpExceptions)
          throw new Error(
            `Exception: Request failed for ${target.origin} returned code ${out.status}. Truncated server response: ${out.text.slice(0, 100)}`,
          );
        return { getResponseCode: () => out.status, getContentText: () => out.text };
      },
    },
    HtmlService: {
      // createHtmlOutput(html): a page made by the script itself (the year-end preview)
      createHtmlOutput(content: string) {
        const output = {
          getContent: () => content,
          setTitle: () => output,
          setWidth: () => output,
          setHeight: () => output,
        };
        return output;
      },
      createHtmlOutputFromFile(name: string) {
        const content = readFileSync(join(options.htmlDir, `${name}.html`), 'utf8');
        const output = {
          getContent: () => content,
          setTitle: () => output,
          setWidth: () => output,
          setHeight: () => output,
        };
        return output;
      },
    },
    ScriptApp: {
      AuthMode: { LIMITED: 'LIMITED', FULL: 'FULL' },
      getProjectTriggers: () => {
        needs('ScriptApp.getProjectTriggers');
        // the current user's triggers only, as documented
        return triggers
          .filter((t) => t.owner === session.user)
          .map((t) => ({ getHandlerFunction: () => t.fn, getUniqueId: () => t.id, t }));
      },
      deleteTrigger: (trigger: { t: FakeTrigger }) => {
        needs('ScriptApp.deleteTrigger');
        if (trigger.t.owner !== session.user) throw new Error('Exception: the trigger is not yours');
        triggers.splice(triggers.indexOf(trigger.t), 1);
      },
      newTrigger(fn: string) {
        needs('ScriptApp.newTrigger');
        const t: FakeTrigger = {
          fn,
          owner: session.user,
          kind: 'time',
          everyDays: 0,
          atHour: 0,
          id: randomUUID(),
        };
        const builder = {
          timeBased: () => builder,
          forSpreadsheet: () => builder,
          onEdit: () => {
            t.kind = 'edit';
            return builder;
          },
          onChange: () => {
            t.kind = 'change';
            return builder;
          },
          everyDays(n: number) {
            t.everyDays = n;
            return builder;
          },
          atHour(h: number) {
            t.atHour = h;
            return builder;
          },
          create() {
            triggers.push(t);
            return t;
          },
        };
        return builder;
      },
    },
    MailApp: {
      getRemainingDailyQuota: () => {
        needs('MailApp.getRemainingDailyQuota');
        return 100 - mails.length;
      },
      sendEmail(to: string, subject: string, body: string) {
        needs('MailApp.sendEmail');
        mails.push({ to, subject, body });
      },
    },
    Session: {
      // in a simple trigger the email is empty (no authorization to know who it is)
      getEffectiveUser: () => ({ getEmail: () => (session.authMode === 'LIMITED' ? '' : session.user) }),
      getActiveUser: () => ({ getEmail: () => (session.authMode === 'LIMITED' ? '' : session.user) }),
      getScriptTimeZone: () => 'Asia/Bangkok',
    },
  };
  return {
    world,
    clock,
    session,
    sleeps,
    meanwhile,
    routes,
    menus,
    alerts,
    answers,
    sidebars,
    triggers,
    mails,
    fetches,
    prompts,
    cache,
    properties,
    documentProperties,
    userProperties,
    lock,
  };
}

function letters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export { serialOf };
