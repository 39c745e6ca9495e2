import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SheetsSource } from '../../adapters/sheets-source.ts';
import { EXAMPLE_WORKBOOK } from '../../cli/main.ts';
import { startSheetsServer } from '../../cli/sheets-serve.ts';
import { loadWorkbook } from '../../cli/sources/load-workbook.ts';
import { readXlsx } from '../../cli/sources/xlsx.ts';
import { checkBooks } from '../../core/index.ts';
import { plainXlsx } from '../helpers/xlsx-files.ts';

/**
 * Issue 19, point 5: a rate typed `1.25%` is one value for every reader. The Sheets API with
 * UNFORMATTED_VALUE gives its fraction (the stand-in does as Google documents); the job asks the
 * rate columns' formats and reads it as the `.xlsx` reader and the sheet's script do.
 */
const dir = mkdtempSync(join(tmpdir(), 'sajja-percent-'));
let sheets: Awaited<ReturnType<typeof startSheetsServer>>;
let bytes: Buffer;

beforeAll(async () => {
  const book = await loadWorkbook(EXAMPLE_WORKBOOK);
  const loans = book.tabs.find((t) => t.name.endsWith('(loans)'))!;
  loans.rows[1]![4] = 0.0125; // 1.25%, as Sheets keeps it
  loans.rows[2]![4] = 1; // a plain 1 (one percent)
  bytes = await plainXlsx(book, [{ tab: 'loans', cell: 'E2', numFmt: '0.00%' }]);
  writeFileSync(join(dir, 'pct.xlsx'), bytes);
  writeFileSync(join(dir, 'plain.xlsx'), await plainXlsx(await loadWorkbook(EXAMPLE_WORKBOOK)));
  sheets = await startSheetsServer({ dir });
});
afterAll(async () => {
  await sheets.close();
});

describe('a percentage through the Sheets API (issue 19, point 5)', () => {
  it('reads a 1.25% rate as the file does, with one more read only where a rate is a fraction', async () => {
    const source = new SheetsSource({ rootUrl: sheets.url });
    const viaApi = await source.read({ spreadsheet_id: 'pct' });
    const viaFile = await readXlsx(bytes);
    const rate = (wb: typeof viaApi) => wb.tabs.find((t) => t.name.endsWith('(loans)'))!.rows[1]![4];
    expect(rate(viaFile)).toBe('1.25%');
    expect(rate(viaApi)).toBe('1.25%');
    const findings = (wb: typeof viaApi) =>
      checkBooks(wb, { asOf: '2026-11-01' }).findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);
    expect(findings(viaApi)).toEqual(findings(viaFile));
    expect(sheets.counts.get('pct')).toEqual({ reads: 3, writes: 0 });
    await source.read({ spreadsheet_id: 'plain' });
    expect(sheets.counts.get('plain')).toEqual({ reads: 2, writes: 0 });
  });
});
