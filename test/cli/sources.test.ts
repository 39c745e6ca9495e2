import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../cli/generate/generate-workbook.ts';
import { loadWorkbook } from '../../cli/sources/load-workbook.ts';
import { writeXlsx } from '../../cli/sources/write-xlsx.ts';
import { cellValue, readXlsx } from '../../cli/sources/xlsx.ts';
import { checkWorkbook, columnLetters, type Workbook } from '../../core/index.ts';
import {
  batchGetFromWorkbook,
  splitRange,
  UnusableWorkbookError,
  workbookFromBatchGet,
} from '../../core/sources/batchget.ts';
import { setCell, smallBook } from '../helpers/small-book.ts';
import { plainXlsx } from '../helpers/xlsx-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'sajja-src-'));
const trimmed = (wb: Workbook) =>
  wb.tabs.map((t) => ({
    name: t.name,
    rows: t.rows.map((r) => {
      const row = Array.from(r, (v) => (v === undefined || v === '' ? null : v));
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      return row;
    }),
  }));

describe('batchGet JSON source', () => {
  it.each([
    ["'เงินออม (savings)'!A1:H900", { sheet: 'เงินออม (savings)', row: 1, column: 0 }],
    ["'it''s'!B3:C4", { sheet: "it's", row: 3, column: 1 }],
    ['members!A1:Z', { sheet: 'members', row: 1, column: 0 }],
    ['members', { sheet: 'members', row: 1, column: 0 }],
  ])('splits %s', (range, expected) => expect(splitRange(range)).toEqual(expected));

  it('keeps sheet positions for ranges that do not start at A1, and reads COLUMNS', () => {
    const wb = workbookFromBatchGet({
      valueRanges: [
        { range: 'members!B2:C3', values: [['member_id', 'name']] },
        {
          range: 'x!A1:B2',
          majorDimension: 'COLUMNS',
          values: [
            ['h1', 'a'],
            ['h2', 'b'],
          ],
        },
      ],
    });
    // offsets are holes (no memory spent on them): the cells keep their sheet positions
    expect(wb.tabs[0]!.rows).toHaveLength(2);
    expect(wb.tabs[0]!.rows[0]).toBeUndefined();
    expect(wb.tabs[0]!.rows[1]![0]).toBeUndefined();
    expect(wb.tabs[0]!.rows[1]!.slice(1)).toEqual(['member_id', 'name']);
    expect(wb.tabs[1]!.rows).toEqual([
      ['h1', 'h2'],
      ['a', 'b'],
    ]);
  });

  it('refuses what is not a batchGet response', () => {
    expect(() => workbookFromBatchGet({ sheets: [] })).toThrow(UnusableWorkbookError);
    expect(() => workbookFromBatchGet({ valueRanges: [{ range: 'x', values: ['row'] }] })).toThrow(
      UnusableWorkbookError,
    );
  });

  it('keeps a cell the Sheets API never sends as its JSON text', () => {
    const wb = workbookFromBatchGet({ valueRanges: [{ range: 'x', values: [[{ a: 1 }, [2], 3]] }] });
    expect(wb.tabs[0]!.rows).toEqual([['{"a":1}', '[2]', 3]]);
  });

  it('round-trips a workbook, dates as serial numbers', () => {
    const wb = smallBook();
    expect(trimmed(workbookFromBatchGet(JSON.parse(JSON.stringify(batchGetFromWorkbook(wb)))))).toEqual(
      trimmed(wb),
    );
  });
});

describe('xlsx source', () => {
  it('reads back exactly what was written, dates as serial numbers', async () => {
    const wb = generateWorkbook({
      groupId: 'g',
      groupName: 'g',
      households: 6,
      months: 2,
      start: '2026-07',
      seed: 3,
    });
    const back = await readXlsx(await writeXlsx(wb));
    const known = trimmed(back).filter((t) => !t.name.includes('instructions'));
    expect(known).toEqual(trimmed(wb));
  });

  it('reads what a person sees: formula results, rich text, hyperlinks, errors', () => {
    expect(cellValue({ formula: 'A1*2', result: 40 } as never)).toBe(40);
    expect(cellValue({ richText: [{ text: 'สม' }, { text: 'ชาย' }] } as never)).toBe('สมชาย');
    expect(cellValue({ text: 'M1', hyperlink: 'http://x' } as never)).toBe('M1');
    expect(cellValue({ error: '#REF!' } as never)).toBe('#REF!');
    expect(cellValue(new Date(Date.UTC(2026, 8, 14)))).toBe(46279);
  });

  it('gives the same findings from .xlsx and from batchGet .json', async () => {
    const wb = smallBook();
    setCell(wb, 'savings', 2, 'amount', '1O0');
    setCell(wb, 'members', 3, 'household_id', 'H9');
    writeFileSync(join(dir, 'b.xlsx'), await writeXlsx(wb));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(batchGetFromWorkbook(wb)));
    const fromXlsx = checkWorkbook(await loadWorkbook(join(dir, 'b.xlsx')), { asOf: '2026-11-26' });
    const fromJson = checkWorkbook(await loadWorkbook(join(dir, 'b.json')), { asOf: '2026-11-26' });
    expect(fromXlsx.findings.map((f) => [f.code, f.cell])).toEqual([
      ['E_UNKNOWN_REF', 'C3'],
      ['E_VALUE', 'D2'],
      // M2's household is unknown, so neither is M2's sub-group: the deposit cannot be posted
      ['E_SAVINGS_OVERDRAWN', 'D4'],
    ]);
    expect(fromJson).toEqual(fromXlsx);
  });

  it('reads a percent cell as the percentage shown (1% is stored as 0.01)', async () => {
    expect(cellValue(0.01, '0%')).toBe('1%');
    expect(cellValue(0.0115, '0.00%')).toBe('1.15%');
    expect(cellValue(0.01, '0.00')).toBe(0.01);
    expect(cellValue(0.01, '"%"0.00')).toBe(0.01);
    const wb = smallBook();
    setCell(wb, 'loans', 2, 'monthly_rate', 0.01);
    const loans = wb.tabs.find((t) => t.name.endsWith('(loans)'))!;
    const column = loans.rows[0]!.findIndex((h) => String(h).includes('monthly_rate'));
    const file = join(dir, 'percent.xlsx');
    writeFileSync(
      file,
      await plainXlsx(wb, [{ tab: 'loans', cell: `${columnLetters(column)}2`, numFmt: '0%' }]),
    );
    const checked = checkWorkbook(await loadWorkbook(file), { asOf: '2026-11-26' });
    expect(checked.findings.filter((f) => f.sheet === 'loans')).toEqual([]);
    // the same 0.01 from the Sheets API (no format) is asked about, not charged in silence
    writeFileSync(join(dir, 'percent.json'), JSON.stringify(batchGetFromWorkbook(wb)));
    const fromJson = checkWorkbook(await loadWorkbook(join(dir, 'percent.json')), { asOf: '2026-11-26' });
    const low = fromJson.findings.find((f) => f.code === 'W_RATE_TOO_LOW');
    expect(low).toMatchObject({ sheet: 'loans', column: 'monthly_rate', value: 0.01 });
    expect(low!.message.en).toContain('did you mean 1%?');
  });

  it('refuses a file that is not a workbook', async () => {
    writeFileSync(join(dir, 'fake.xlsx'), 'not a zip');
    await expect(loadWorkbook(join(dir, 'fake.xlsx'))).rejects.toThrow(UnusableWorkbookError);
    await expect(loadWorkbook(join(dir, 'missing.json'))).rejects.toThrow(UnusableWorkbookError);
    writeFileSync(join(dir, 'x.csv'), 'a,b');
    await expect(loadWorkbook(join(dir, 'x.csv'))).rejects.toThrow(UnusableWorkbookError);
  });
});
