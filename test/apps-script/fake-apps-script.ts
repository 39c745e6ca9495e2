/// <reference types="google-apps-script" />
import { execFileSync } from 'node:child_process';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type CellValue, columnIndex, serialOf, type Workbook } from '../../core/index.ts';

/**
 * An in-memory Apps Script world, faithful to Google's documented behaviour where the shell
 * relies on it: getValues gives Date objects (date-formatted cells), numbers, booleans and '';
 * getRange by A1 and by row/column/count; notes; number formats; data validation; protections;
 * frozen rows; menus; `e.range` for multi-cell edits; CacheService (100 KB of UTF-8 a value, 250-character
 * keys, 1,000 entries: the oldest evicted), PropertiesService (9 KB a value), UrlFetchApp (a real HTTP request), Utilities (HMAC and
 * digests through node:crypto, as signed bytes), HtmlService, ScriptApp triggers, MailApp, and the
 * Sheets advanced service's values.batchGet (the same JSON as the REST API). Every range read and
 * write is counted. The fakes implement the real interfaces' members they offer (Pick<…>).
 */
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Counts {
  reads: number;
  writes: number;
}

const DAY_MS = 86_400_000;
/** A serial day number (Sheets' epoch 1899-12-30) as the Date getValues() gives: midnight in Bangkok. */
export const dateOfSerial = (serial: number, DateCtor: DateConstructor = Date) =>
  new DateCtor((serial - 25569) * DAY_MS - 7 * 3600_000);
const serialOfDate = (date: Date) => (date.getTime() + 7 * 3600_000) / DAY_MS + 25569;
/** A Date of any realm (the script's own, in the vm). */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

class Cell {
  value: CellValue | Date = '';
  note = '';
  background = '#ffffff';
  format = '';
  validation: unknown = null;
}

export class FakeRange
  implements Pick<GRange, 'getRow' | 'getColumn' | 'getNumRows' | 'getNumColumns' | 'getA1Notation'>
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
  private cells(): Cell[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.columns }, (_, c) => this.sheet.cell(this.row + r, this.column + c)),
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
  getSheet() {
    return this.sheet as unknown as GSheet;
  }
  getA1Notation() {
    return `${letters(this.column)}${this.row}`;
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
  setValues(values: (CellValue | Date)[][]) {
    this.sheet.counts.writes++;
    if (values.length !== this.rows || values.some((r) => r.length !== this.columns))
      throw new Error('The number of rows or columns in the data does not match the range.');
    for (const [r, row] of values.entries())
      for (const [c, v] of row.entries())
        this.sheet.cell(this.row + r, this.column + c, true).value = v ?? '';
    return this;
  }
  setValue(value: CellValue) {
    return this.setValues([[value]]);
  }
  getBackgrounds(): string[][] {
    this.sheet.counts.reads++;
    return this.cells().map((row) => row.map((c) => c.background));
  }
  setBackgrounds(colours: string[][]) {
    this.sheet.counts.writes++;
    for (const [r, row] of colours.entries())
      for (const [c, colour] of row.entries())
        this.sheet.cell(this.row + r, this.column + c, true).background = colour;
    return this;
  }
  getNotes(): string[][] {
    this.sheet.counts.reads++;
    return this.cells().map((row) => row.map((c) => c.note));
  }
  setNotes(notes: string[][]) {
    this.sheet.counts.writes++;
    for (const [r, row] of notes.entries())
      for (const [c, n] of row.entries()) this.sheet.cell(this.row + r, this.column + c, true).note = n;
    return this;
  }
  setNumberFormat(format: string) {
    this.sheet.counts.writes++;
    this.sheet.formats.set(`${this.column}`, format);
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
  readonly formats = new Map<string, string>();
  readonly validations = new Map<string, unknown>();
  readonly protections: FakeProtection[] = [];
  frozen = 0;
  maxRows = 1000;
  constructor(
    readonly parent: FakeSpreadsheet,
    public name: string,
    readonly counts: Counts,
  ) {}
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
  getName() {
    return this.name;
  }
  getParent() {
    return this.parent as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
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
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      return new FakeRange(this, Number(m[2]), columnIndex(m[1]!) + 1, 1, 1);
    }
    return new FakeRange(this, a, column!, rows, columns);
  }
  /** The sheet's rows as the Sheets API sends them with UNFORMATTED_VALUE + SERIAL_NUMBER. */
  apiValues(): (string | number | boolean)[][] {
    const lastRow = this.getLastRow();
    const lastColumn = this.getLastColumn();
    const rows: (string | number | boolean)[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = 1; c <= lastColumn; c++) {
        const v = this.cell(r, c).value;
        row.push(
          isDate(v) ? serialOfDate(v) : v === null || v === undefined ? '' : (v as string | number | boolean),
        );
      }
      while (row.length > 0 && row[row.length - 1] === '') row.pop();
      rows.push(row);
    }
    return rows;
  }
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  active = '';
  readonly counts: Counts = { reads: 0, writes: 0 };
  constructor(
    readonly id = 'spreadsheet-1',
    readonly name = 'กลุ่มทดสอบ',
  ) {}
  getId() {
    return this.id;
  }
  getName() {
    return this.name;
  }
  getSpreadsheetTimeZone() {
    return 'Asia/Bangkok';
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
  ): FakeSpreadsheet {
    const ss = new FakeSpreadsheet();
    for (const tab of workbook.tabs) {
      const sheet = ss.insertSheet(tab.name);
      const header = (tab.rows[0] ?? []).map(String);
      for (const [r, row] of tab.rows.entries())
        for (const [c, value] of (row ?? []).entries()) {
          if (value === null || value === undefined || value === '') continue;
          const isDate = r > 0 && typeof value === 'number' && dateColumns(tab.name, header[c] ?? '');
          sheet.cell(r + 1, c + 1, true).value = isDate ? dateOfSerial(value, DateCtor) : value;
        }
    }
    ss.counts.reads = 0;
    ss.counts.writes = 0;
    return ss;
  }
}

class FakeCache {
  private readonly store = new Map<string, string>();
  get(key: string) {
    return this.store.get(key) ?? null;
  }
  getAll(keys: string[]) {
    const out: Record<string, string> = {};
    for (const k of keys) if (this.store.has(k)) out[k] = this.store.get(k)!;
    return out;
  }
  put(key: string, value: string) {
    this.putAll({ [key]: value });
  }
  putAll(values: Record<string, string>) {
    for (const [k, v] of Object.entries(values)) {
      if (k.length > 250) throw new Error('Argument too large: key');
      if (Buffer.byteLength(v, 'utf8') > 100_000) throw new Error('Argument too large: value');
      this.store.delete(k);
      this.store.set(k, v);
      // at most 1,000 entries: the oldest are evicted
      while (this.store.size > 1_000) this.store.delete(this.store.keys().next().value!);
    }
  }
  /** What the cache holds, for the bench: entries and UTF-8 bytes. */
  size() {
    let bytes = 0;
    for (const v of this.store.values()) bytes += Buffer.byteLength(v, 'utf8');
    return { entries: this.store.size, bytes };
  }
  remove(key: string) {
    this.store.delete(key);
  }
  removeAll(keys: string[]) {
    for (const k of keys) this.store.delete(k);
  }
}

class FakeProperties {
  readonly store = new Map<string, string>();
  getProperty(key: string) {
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string) {
    if (value.length > 9_000) throw new Error('Argument too large: value');
    this.store.set(key, value);
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

/** The global objects of Apps Script, for a vm context, with what they saw. */
export function appsScriptWorld(
  spreadsheet: () => FakeSpreadsheet,
  options: { htmlDir: string; now?: () => number },
) {
  const menus: { name: string; items: [string, string][] }[] = [];
  const alerts: string[] = [];
  const sidebars: string[] = [];
  const triggers: { fn: string; everyDays: number; atHour: number }[] = [];
  const mails: { to: string; subject: string; body: string }[] = [];
  /** Each UrlFetchApp.fetch: where to, and the payload's size in UTF-8 bytes. */
  const fetches: { url: string; bytes: number }[] = [];
  const prompts: string[] = [];
  const cache = new FakeCache();
  /** The document lock; `heldElsewhere` stands for another run (a trigger, another user) holding it. */
  const lock = {
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
  const batchGets: Record<string, unknown>[] = [];
  /** `refused`: the advanced service answers 403 insufficient scopes, as under spreadsheets.currentonly. */
  const sheetsApi = { refused: false };
  const properties = new FakeProperties();
  const ui = {
    ButtonSet: { OK_CANCEL: 'OK_CANCEL' },
    Button: { OK: 'OK', CANCEL: 'CANCEL' },
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
    alert(text: string) {
      alerts.push(text);
      return 'OK';
    },
    prompt() {
      const text = prompts.shift() ?? '';
      return { getSelectedButton: () => 'OK', getResponseText: () => text };
    },
    showSidebar(html: { getContent(): string }) {
      sidebars.push(html.getContent());
    },
    showModalDialog(html: { getContent(): string }) {
      sidebars.push(html.getContent());
    },
  };
  const world = {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => spreadsheet(),
      getActive: () => spreadsheet(),
      getUi: () => ui,
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
    PropertiesService: { getScriptProperties: () => properties, getDocumentProperties: () => properties },
    Utilities: {
      DigestAlgorithm: { SHA_256: 'SHA_256' },
      Charset: { UTF_8: 'UTF_8' },
      computeDigest: (_alg: string, value: string) =>
        signed(createHash('sha256').update(value, 'utf8').digest()),
      computeHmacSha256Signature: (value: string, key: string) =>
        signed(createHmac('sha256', Buffer.from(key, 'utf8')).update(value, 'utf8').digest()),
      getUuid: () => randomUUID(),
      // newBlob(data: String | Byte[], contentType?): a string becomes its UTF-8 bytes
      newBlob: (data: string | number[], contentType?: string) =>
        fakeBlob(typeof data === 'string' ? Buffer.from(data, 'utf8') : unsigned(data), contentType ?? null),
      // gzip(blob): a Blob of the gzip-compressed bytes (application/x-gzip)
      gzip: (blob: FakeBlob) => fakeBlob(gzipSync(unsigned(blob.getBytes())), 'application/x-gzip'),
      ungzip: (blob: FakeBlob) => fakeBlob(gunzipSync(unsigned(blob.getBytes()))),
      // base64Encode(data: Byte[] | String): standard base64 (a string is taken as UTF-8)
      base64Encode: (data: number[] | string) =>
        (typeof data === 'string' ? Buffer.from(data, 'utf8') : unsigned(data)).toString('base64'),
      formatDate: (date: Date, zone: string) =>
        new Intl.DateTimeFormat('en-CA', {
          timeZone: zone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        }).format(options.now ? options.now() : date),
    },
    UrlFetchApp: {
      // Apps Script's fetch is synchronous: a child process makes the real request
      fetch(
        url: string,
        params: { method: string; payload?: string; headers?: Record<string, string>; contentType?: string },
      ) {
        const bytes = Buffer.byteLength(params.payload ?? '', 'utf8');
        // Apps Script's quota: a URL Fetch POST carries at most 50 MB
        if (bytes > 50 * 1024 * 1024)
          throw new Error('Exception: the payload is larger than 50 MB (URL Fetch POST size)');
        fetches.push({ url, bytes });
        const script = `process.stdin.setEncoding('utf8'); let input = ''; for await (const chunk of process.stdin) input += chunk; const [url, init] = JSON.parse(input); const r = await fetch(url, init); process.stdout.write(JSON.stringify({ status: r.status, text: await r.text() }));`;
        const init = {
          method: params.method.toUpperCase(),
          headers: { 'content-type': params.contentType ?? 'application/json', ...params.headers },
          body: params.payload,
        };
        const out = JSON.parse(
          execFileSync(process.execPath, ['--input-type=module', '-e', script], {
            input: JSON.stringify([url, init]),
            encoding: 'utf8',
            maxBuffer: 1 << 26,
          }),
        );
        return { getResponseCode: () => out.status as number, getContentText: () => out.text as string };
      },
    },
    HtmlService: {
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
      getProjectTriggers: () => triggers.map((t) => ({ getHandlerFunction: () => t.fn, t })),
      deleteTrigger: (trigger: { t: unknown }) => {
        triggers.splice(triggers.indexOf(trigger.t as never), 1);
      },
      newTrigger(fn: string) {
        const t = { fn, everyDays: 0, atHour: 0 };
        const builder = {
          timeBased: () => builder,
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
      getRemainingDailyQuota: () => 100 - mails.length,
      sendEmail(to: string, subject: string, body: string) {
        mails.push({ to, subject, body });
      },
    },
    Session: {
      getEffectiveUser: () => ({ getEmail: () => 'treasurer@example.org' }),
      getScriptTimeZone: () => 'Asia/Bangkok',
    },
    Sheets: {
      Spreadsheets: {
        Values: {
          batchGet(id: string, params: { ranges: string[] }) {
            if (sheetsApi.refused)
              throw new Error(
                'GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchGet failed with error: Request had insufficient authentication scopes.',
              );
            batchGets.push({ ...params, ranges: params.ranges.length });
            const ss = spreadsheet();
            ss.counts.reads++;
            return {
              spreadsheetId: id,
              valueRanges: params.ranges.map((range) => {
                const name = range.replace(/^'|'$/g, '').replace(/''/g, "'");
                const sheet = ss.getSheetByName(name)!;
                return { range: `${range}!A1`, majorDimension: 'ROWS', values: sheet.apiValues() };
              }),
            };
          },
        },
      },
    },
  };
  return {
    world,
    menus,
    alerts,
    sidebars,
    triggers,
    mails,
    fetches,
    prompts,
    cache,
    properties,
    lock,
    batchGets,
    sheetsApi,
  };
}

function letters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export { serialOf };
