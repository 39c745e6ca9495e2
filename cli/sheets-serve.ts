import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  batchGetFromWorkbook,
  type CellValue,
  columnIndex,
  splitRange,
  type Workbook,
} from '../core/index.ts';
import { readXlsx } from './sources/xlsx.ts';

/** A fault to answer for a spreadsheet: every time, or the first n times. */
export interface Fault {
  /** An error status; `hang` never answers; `huge` streams a body without end (no Content-Length). */
  status: 403 | 429 | 500 | 'hang' | 'huge';
  times?: number;
}

/** Requests the stand-in answered, per spreadsheet: what the job's quota is counted in. */
export interface Counts {
  reads: number;
  writes: number;
}

/**
 * A small server that speaks the Sheets API v4 routes the monthly job uses (`sajja sheets-serve`),
 * over `.xlsx` files named `<spreadsheet_id>.xlsx` in a folder: spreadsheets.get (tab titles),
 * values.batchGet (UNFORMATTED_VALUE, SERIAL_NUMBER), values.update and batchUpdate (addSheet,
 * updateCells) for the summary tab. Writes are kept in memory (the files are never changed), and
 * every request is counted. Faults (403, 429, 500) can be switched on for chosen ids.
 */
export async function startSheetsServer(options: {
  dir: string;
  host?: string;
  port?: number;
  faults?: Map<string, Fault>;
  /** Each answer waits this long (Google's latency, for the bench). */
  latencyMs?: number;
}) {
  const books = new Map<string, Workbook>();
  /** Each book's percentage cells: batchGet gives their fractions, spreadsheets.get their PERCENT format. */
  const percents = new Map<string, Map<string, Set<string>>>();
  const counts = new Map<string, Counts>();
  const faults = options.faults ?? new Map<string, Fault>();
  const bookOf = async (id: string): Promise<Workbook | undefined> => {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return undefined;
    if (!books.has(id)) {
      const bytes = await readFile(join(options.dir, `${id}.xlsx`)).catch(() => undefined);
      if (!bytes) return undefined;
      const cells = new Map<string, Set<string>>();
      books.set(id, await readXlsx(bytes, { percentCells: cells }));
      percents.set(id, cells);
    }
    return books.get(id);
  };
  const count = (id: string, kind: keyof Counts) => {
    const c = counts.get(id) ?? { reads: 0, writes: 0 };
    c[kind]++;
    counts.set(id, c);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error) =>
      reply(response, 500, { error: { code: 500, message: String(error) } }),
    );
  });
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const url = new URL(request.url ?? '/', 'http://localhost');
    const m = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(url.pathname);
    if (!m) return reply(response, 404, { error: { code: 404, message: 'not a Sheets API route' } });
    const id = decodeURIComponent(m[1]!);
    const rest = decodeURIComponent(m[2]!);
    const write = request.method !== 'GET';
    count(id, write ? 'writes' : 'reads');
    const fault = faults.get(id);
    if (fault && (fault.times === undefined || fault.times > 0)) {
      if (fault.times !== undefined) fault.times--;
      if (fault.status === 'hang') return; // accepted, never answered
      if (fault.status === 'huge') {
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1 << 20, 32);
        const more = () => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once('drain', more);
        };
        response.on('close', () => response.destroy());
        return more();
      }
      const message = {
        403: 'The caller does not have permission',
        429: 'Quota exceeded',
        500: 'Internal error',
      }[fault.status];
      return reply(response, fault.status, {
        error: {
          code: fault.status,
          message,
          status: fault.status === 403 ? 'PERMISSION_DENIED' : 'UNAVAILABLE',
        },
      });
    }
    const book = await bookOf(id);
    if (!book)
      return reply(response, 404, {
        error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' },
      });
    if (request.method === 'GET' && rest === '' && url.searchParams.getAll('ranges').length > 0) {
      // grid data for the ranges asked, each cell's effective number format type (what the job reads)
      const sheets = url.searchParams.getAll('ranges').map((range) => {
        const { sheet, row, column } = splitRange(range);
        const tab = book.tabs.find((t) => t.name === sheet);
        const end = /:([A-Z]+)$/.exec(range)?.[1];
        const width = end ? columnIndex(end) - column + 1 : 1;
        const marked = percents.get(id)?.get(sheet) ?? new Set<string>();
        const rowData = (tab?.rows ?? []).slice(row - 1).map((cells, r) => ({
          values: Array.from({ length: width }, (_, c) => {
            const value = cells?.[column + c];
            if (value === undefined || value === null || value === '') return {};
            const type = marked.has(`${row - 1 + r}:${column + c}`)
              ? 'PERCENT'
              : typeof value === 'number'
                ? 'NUMBER'
                : 'TEXT';
            return { effectiveFormat: { numberFormat: { type } } };
          }),
        }));
        return { properties: { title: sheet }, data: [{ startRow: row - 1, startColumn: column, rowData }] };
      });
      return reply(response, 200, { spreadsheetId: id, sheets });
    }
    if (request.method === 'GET' && rest === '')
      return reply(response, 200, {
        spreadsheetId: id,
        sheets: book.tabs.map((t) => ({ properties: { title: t.name } })),
      });
    if (request.method === 'GET' && rest === '/values:batchGet') {
      const ranges = url.searchParams.getAll('ranges');
      const wanted = ranges.map((r) => splitRange(r).sheet);
      const all = batchGetFromWorkbook({ tabs: book.tabs.filter((t) => wanted.includes(t.name)) }, id);
      return reply(response, 200, all);
    }
    const body = JSON.parse(await text(request)) as Record<string, unknown>;
    if (request.method === 'PUT' && rest.startsWith('/values/')) {
      if (url.searchParams.get('valueInputOption') !== 'RAW')
        return reply(response, 400, {
          error: { code: 400, message: 'the stand-in takes valueInputOption=RAW only' },
        });
      const { sheet } = splitRange(rest.slice('/values/'.length));
      const tab = book.tabs.find((t) => t.name === sheet);
      if (!tab)
        return reply(response, 400, { error: { code: 400, message: `Unable to parse range: ${sheet}` } });
      tab.rows = (body.values as CellValue[][]).map((row) => [...row]);
      return reply(response, 200, { spreadsheetId: id, updatedRange: rest.slice(8) });
    }
    if (request.method === 'POST' && rest === ':batchUpdate') {
      const ids = new Map<number, string>();
      for (const r of (body.requests as BatchRequest[]) ?? []) {
        if (r.addSheet) {
          const title = r.addSheet.properties.title as string;
          if (book.tabs.some((t) => t.name === title))
            return reply(response, 400, {
              error: { code: 400, message: `A sheet with the name "${title}" already exists` },
            });
          book.tabs.push({ name: title, rows: [] });
          ids.set(r.addSheet.properties.sheetId, title);
        }
        const cells = r.updateCells;
        if (cells) {
          const tab = book.tabs.find((t) => t.name === ids.get(cells.start.sheetId))!;
          tab.rows = cells.rows.map((row) =>
            row.values.map(
              (v): CellValue => v.userEnteredValue.stringValue ?? v.userEnteredValue.numberValue ?? null,
            ),
          );
        }
      }
      return reply(response, 200, { spreadsheetId: id, replies: [] });
    }
    return reply(response, 404, { error: { code: 404, message: 'not a route the stand-in speaks' } });
  }
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    counts,
    books,
    faults,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The two batchUpdate requests the job sends. */
interface BatchRequest {
  addSheet?: { properties: { title: string; sheetId: number } };
  updateCells?: {
    start: { sheetId: number };
    rows: { values: { userEnteredValue: { stringValue?: string; numberValue?: number } }[] }[];
  };
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

async function text(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8') || '{}';
}
