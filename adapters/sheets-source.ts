import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { isTemporary, ServiceStatusError } from '../app/monthly/errors.ts';
import type { WorkbookSource } from '../app/monthly/ports.ts';
import {
  columnLetters,
  layoutWorkbook,
  type PlainCell,
  percentShown,
  SUMMARY_TAB,
  type Workbook,
  workbookFromBatchGet,
} from '../core/index.ts';
import { boundedFetch } from './bounded-fetch.ts';

/** Quote a tab name for an A1 range: `'เงินออม (savings)'`. */
const quoted = (title: string) => `'${title.replace(/'/g, "''")}'`;

/** A Sheets request's deadline: a batchGet of a big book answers in seconds; none may hang a worker. */
export const SHEETS_TIMEOUT_MS = 60_000;
/** The largest answer read: a Google Sheet holds 10 million cells; far below memory's limits. */
export const SHEETS_MAX_BYTES = 100 * 1024 * 1024;

/** Truncated exponential backoff with jitter for 408, 429 and 5xx: at most 64 s a wait, 5 tries (SPEC §10). */
async function withBackoff<T>(
  call: () => Promise<T>,
  sleep: (ms: number) => Promise<void>,
  tries = 5,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (caught) {
      // the client wraps what our fetch threw (a deadline, a bound): the cause is the error to judge
      const cause = (caught as { cause?: unknown }).cause;
      const error = cause instanceof ServiceStatusError ? cause : caught;
      // the job's one rule for what is worth trying again (app/monthly/errors.ts)
      if (attempt + 1 >= tries || !isTemporary(error)) throw error;
      await sleep(Math.min(64_000, 1_000 * 2 ** attempt) * (0.5 + Math.random() / 2));
    }
  }
}

/**
 * A group's Google Sheet through the real Sheets client (`@googleapis/sheets`): the tab titles, then
 * every tab in one values.batchGet (UNFORMATTED_VALUE, SERIAL_NUMBER) — two read requests; the
 * summary tab written back with one request, RAW. `rootUrl` points it at a stand-in (sajja sheets-serve).
 */
export class SheetsSource implements WorkbookSource {
  private readonly api: sheets_v4.Sheets;
  constructor(
    options: {
      rootUrl?: string;
      auth?: sheets_v4.Options['auth'];
      /** A request's deadline (default 60 s) and the largest answer taken (default 100 MB). */
      timeoutMs?: number;
      maxBytes?: number;
    },
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.api = sheets({
      version: 'v4',
      ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
      ...(options.auth ? { auth: options.auth } : {}),
      // SPEC §10's five tries are withBackoff's: the client's own retries (3 more each) are off
      retry: false,
      fetchImplementation: boundedFetch({
        timeoutMs: options.timeoutMs ?? SHEETS_TIMEOUT_MS,
        maxBytes: options.maxBytes ?? SHEETS_MAX_BYTES,
      }),
    });
  }

  private readonly titles = new Map<string, string[]>();

  async read(group: { spreadsheet_id?: string }): Promise<Workbook> {
    const id = group.spreadsheet_id!;
    const meta = await withBackoff(
      () => this.api.spreadsheets.get({ spreadsheetId: id, fields: 'sheets.properties.title' }),
      this.sleep,
    );
    const titles = (meta.data.sheets ?? []).map((s) => s.properties?.title ?? '').filter((t) => t !== '');
    this.titles.set(id, titles);
    const values = await withBackoff(
      () =>
        this.api.spreadsheets.values.batchGet({
          spreadsheetId: id,
          ranges: titles.map(quoted),
          valueRenderOption: 'UNFORMATTED_VALUE',
          dateTimeRenderOption: 'SERIAL_NUMBER',
        }),
      this.sleep,
    );
    const workbook = workbookFromBatchGet(values.data);
    await this.showPercentages(id, workbook);
    return workbook;
  }

  /**
   * UNFORMATTED_VALUE gives a rate typed `1.25%` as 0.0125; the sheet and the `.xlsx` reader read
   * the text shown. So where a rate column holds a number below 1 (a fraction that may be a
   * percentage), one spreadsheets.get asks those columns' number formats, and a PERCENT cell
   * becomes its text shown (`1.25%`). A book whose rates are typed as plain numbers (1, 1.5) costs
   * no request. (A percentage of 100% or more is stored as 1 or more and is read as a plain number.)
   */
  private async showPercentages(id: string, workbook: Workbook): Promise<void> {
    const wanted: { tab: Workbook['tabs'][number]; column: number }[] = [];
    for (const layout of layoutWorkbook(workbook).values())
      for (const spec of layout.spec.columns) {
        const column = layout.columns.get(spec.key);
        if (spec.kind !== 'percent' || column === undefined) continue;
        const rows = layout.tab.rows;
        if (
          rows.some(
            (row, r) => r > 0 && typeof row?.[column] === 'number' && row[column] > 0 && row[column] < 1,
          )
        )
          wanted.push({ tab: layout.tab, column });
      }
    if (wanted.length === 0) return;
    const letter = (c: number) => columnLetters(c);
    const answer = await withBackoff(
      () =>
        this.api.spreadsheets.get({
          spreadsheetId: id,
          ranges: wanted.map((w) => `${quoted(w.tab.name)}!${letter(w.column)}1:${letter(w.column)}`),
          fields:
            'sheets(properties.title,data(startRow,startColumn,rowData.values.effectiveFormat.numberFormat.type))',
        }),
      this.sleep,
    );
    (answer.data.sheets ?? []).forEach((sheet, i) => {
      const { tab, column } = wanted[i]!;
      for (const data of sheet.data ?? []) {
        const start = data.startRow ?? 0;
        (data.rowData ?? []).forEach((row, r) => {
          const type = row.values?.[0]?.effectiveFormat?.numberFormat?.type;
          const cells = tab.rows[start + r];
          const value = cells?.[column];
          if (type === 'PERCENT' && typeof value === 'number') cells![column] = percentShown(value);
        });
      }
    });
  }

  async writeSummary(group: { spreadsheet_id?: string }, rows: PlainCell[][]): Promise<void> {
    const id = group.spreadsheet_id!;
    if (this.titles.get(id)?.includes(SUMMARY_TAB)) {
      await withBackoff(
        () =>
          this.api.spreadsheets.values.update({
            spreadsheetId: id,
            range: `${quoted(SUMMARY_TAB)}!A1`,
            valueInputOption: 'RAW',
            requestBody: { values: rows },
          }),
        this.sleep,
      );
      return;
    }
    // the first time: the tab made and filled in one request; typed values are never formulas
    await withBackoff(
      () =>
        this.api.spreadsheets.batchUpdate({
          spreadsheetId: id,
          requestBody: {
            requests: [
              { addSheet: { properties: { title: SUMMARY_TAB, sheetId: SUMMARY_SHEET_ID } } },
              {
                updateCells: {
                  start: { sheetId: SUMMARY_SHEET_ID, rowIndex: 0, columnIndex: 0 },
                  fields: 'userEnteredValue',
                  rows: rows.map((row) => ({
                    values: row.map((cell) =>
                      typeof cell === 'number'
                        ? { userEnteredValue: { numberValue: cell } }
                        : { userEnteredValue: { stringValue: cell } },
                    ),
                  })),
                },
              },
            ],
          },
        }),
      this.sleep,
    );
  }
}

/** The summary tab's sheet id, chosen so the add and the fill can share one request. */
const SUMMARY_SHEET_ID = 7_202_611;
