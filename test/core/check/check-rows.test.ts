import { describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../../cli/generate/generate-workbook.ts';
import {
  buildContext,
  type CellValue,
  checkRows,
  contextFromJson,
  contextToJson,
  readBook,
  updateContext,
} from '../../../core/index.ts';
import { addRow, rowsOf, setCell, smallBook } from '../../helpers/small-book.ts';

const AS_OF = '2026-11-26';
const edited = (wb: ReturnType<typeof smallBook>, tab: Parameters<typeof rowsOf>[1], row: number) => ({
  row,
  cells: rowsOf(wb, tab)[row - 1] as CellValue[],
});

describe('checkRows (on-edit validation of just the edited rows)', () => {
  it('checks an edited row, given its own cells, against ids and settings from the rest of the book', () => {
    const wb = smallBook();
    const { context } = readBook(wb, { asOf: AS_OF });
    setCell(wb, 'savings', 3, 'member_id', 'M77');
    setCell(wb, 'savings', 3, 'amount', '-1');
    const { findings, rows } = checkRows(context, 'savings', [edited(wb, 'savings', 3)]);
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ['E_UNKNOWN_REF', 'B3'],
      ['E_VALUE', 'D3'],
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.record).toBeUndefined();
  });

  it('reads Date cells as Apps Script getValues() gives them (in the group’s zone)', () => {
    const wb = smallBook();
    const { context } = readBook(wb, { asOf: AS_OF });
    // 2 July 2026, 00:00 in Bangkok is 1 July 17:00 UTC
    const cells = [new Date(Date.UTC(2026, 6, 1, 17)), 'M1', 'ฝาก', 100];
    const { findings, rows } = checkRows(context, 'savings', [{ row: 9, cells }]);
    expect(findings).toEqual([]);
    expect(rows[0]!.record).toMatchObject({ date: '2026-07-02', member_id: 'M1', amount: 10_000 });
  });

  it('finds the same as a whole check for the rows it is given', () => {
    const wb = smallBook();
    const row = addRow(wb, 'repayments', {
      date: '10/9/2569',
      loan_id: 'L9',
      principal: 'abc',
      receipt_no: 'R1',
    });
    const whole = readBook(wb, { asOf: AS_OF }).findings.filter((f) => f.sheet === 'repayments');
    const { context } = readBook(wb, { asOf: AS_OF });
    expect(checkRows(context, 'repayments', [edited(wb, 'repayments', row)]).findings).toEqual(whole);
  });

  it('catches a repeated id whichever of the two rows is edited', () => {
    const wb = smallBook();
    const row = addRow(wb, 'members', {
      member_id: 'M1',
      name: 'ซ้ำ',
      household_id: 'H2',
      joined_on: '1/7/2569',
    });
    const { context } = readBook(wb, { asOf: AS_OF });
    const first = checkRows(context, 'members', [edited(wb, 'members', 2)]).findings;
    const second = checkRows(context, 'members', [edited(wb, 'members', row)]).findings;
    expect(first.map((f) => [f.code, f.cell, f.first_row])).toEqual([['E_DUPLICATE_ID', 'A2', row]]);
    expect(second.map((f) => [f.code, f.cell, f.first_row])).toEqual([['E_DUPLICATE_ID', `A${row}`, 2]]);
  });

  it('is updated when an id cell is edited, and a freed id stops being a repeat', () => {
    const wb = smallBook();
    const row = addRow(wb, 'members', {
      member_id: 'M1',
      name: 'ซ้ำ',
      household_id: 'H2',
      joined_on: '1/7/2569',
    });
    const { context } = readBook(wb, { asOf: AS_OF });
    setCell(wb, 'members', row, 'member_id', 'M3');
    updateContext(context, 'members', [edited(wb, 'members', row)]);
    expect(checkRows(context, 'members', [edited(wb, 'members', 2)]).findings).toEqual([]);
    // the new id is known at once: a deposit by M3 is no unknown reference
    const deposit = { row: 9, cells: ['3/7/2569', 'M3', 'ฝาก', 10] };
    expect(checkRows(context, 'savings', [deposit]).findings).toEqual([]);
  });

  it('is plain data: it round-trips through JSON and stays small', () => {
    const wb = generateWorkbook({
      groupId: 'g',
      groupName: 'g',
      households: 100,
      months: 6,
      start: '2026-01',
      seed: 4,
    });
    const { context } = readBook(wb, { asOf: '2026-07-15' });
    const text = contextToJson(context);
    const back = contextFromJson(text);
    expect(contextToJson(back)).toBe(text);
    // ids, receipt numbers and settings of a 100-household group (~12 KB): under CacheService's 100 KB a value
    expect(text.length).toBeLessThan(100_000);
    const savings = rowsOf(wb, 'savings');
    const rows = [2, 3, 500].map((row) => ({ row, cells: savings[row - 1] as CellValue[] }));
    expect(checkRows(back, 'savings', rows)).toEqual(checkRows(context, 'savings', rows));
  });

  it('reads only the edited rows of a large tab', () => {
    const wb = smallBook();
    const { context } = readBook(wb, { asOf: AS_OF });
    const savings = wb.tabs.find((t) => t.name.endsWith('(savings)'))!;
    // rows the check must not touch: a getter that fails when read
    for (let i = 0; i < 10_000; i++) {
      Object.defineProperty(savings.rows, savings.rows.length, {
        get: () => {
          throw new Error('read an unedited row');
        },
        enumerable: true,
        configurable: true,
      });
    }
    expect(() => checkRows(context, 'savings', [edited(wb, 'savings', 2)])).not.toThrow();
  });

  it('passes over the header row', () => {
    const wb = smallBook();
    const { settings } = readBook(wb, { asOf: AS_OF }).context;
    const context = buildContext(
      new Map(),
      settings,
      { calendar: 'buddhist', timeZone: 'Asia/Bangkok' },
      AS_OF,
    );
    expect(checkRows(context, 'savings', [{ row: 1, cells: ['x'] }])).toEqual({ rows: [], findings: [] });
  });
});
