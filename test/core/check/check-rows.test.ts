import { describe, expect, it } from 'vitest';
import { buildContext, checkRows, readBook } from '../../../core/index.ts';
import { addRow, setCell, smallBook } from '../../helpers/small-book.ts';

const AS_OF = '2026-11-26';

describe('checkRows (on-edit validation of just the edited rows)', () => {
  it('checks an edited row against ids and settings from the rest of the book', () => {
    const wb = smallBook();
    const { context } = readBook(wb, { asOf: AS_OF });
    setCell(wb, 'savings', 3, 'member_id', 'M77');
    setCell(wb, 'savings', 3, 'amount', '-1');
    const { findings, rows } = checkRows(context, 'savings', [3]);
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ['E_UNKNOWN_REF', 'B3'],
      ['E_VALUE', 'D3'],
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.record).toBeUndefined();
  });

  it('gives a valid row its typed record with defaults', () => {
    const wb = smallBook();
    const { context } = readBook(wb, { asOf: AS_OF });
    const { findings, rows } = checkRows(context, 'savings', [2]);
    expect(findings).toEqual([]);
    expect(rows[0]!.record).toEqual({
      date: '2026-07-02',
      member_id: 'M1',
      type: 'deposit',
      amount: 10000,
      via: 'subgroup_head',
      account: 'cash',
    });
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
    expect(checkRows(context, 'repayments', [row]).findings).toEqual(whole);
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
    expect(() => checkRows(context, 'savings', [2, 3])).not.toThrow();
  });

  it('passes over the header row and rows beyond the sheet', () => {
    const wb = smallBook();
    const { layouts, settings } = readBook(wb, { asOf: AS_OF }).context;
    const context = buildContext(
      layouts,
      settings,
      { calendar: 'buddhist', timeZone: 'Asia/Bangkok' },
      AS_OF,
    );
    expect(checkRows(context, 'savings', [1, 500])).toEqual({ rows: [], findings: [] });
  });
});
