import { describe, expect, it } from 'vitest';
import { closedPeriodFindings } from '../../core/archive/closed-period.ts';
import { readBook } from '../../core/index.ts';
import { buildSnapshot } from '../../core/jobs/snapshot.ts';
import { rowsOf, setCell, smallBook } from '../helpers/small-book.ts';

const closed = () => {
  const wb = smallBook();
  rowsOf(wb, 'settings').push(['closed_through', '2026-07']);
  return wb;
};

describe('closedPeriodFindings', () => {
  const july = buildSnapshot(closed(), '2026-07').content;
  const august = buildSnapshot(closed(), '2026-08').content;

  it('is silent when the closed month is as archived', () => {
    expect(closedPeriodFindings(readBook(closed(), { asOf: '2026-11-26' }), [july, august])).toEqual([]);
  });

  it('names a removed row by its old row number, a changed cell by its address, and leaves open months alone', () => {
    const wb = closed();
    rowsOf(wb, 'savings').splice(1, 1); // the deposit of 2 July on row 2 is gone; rows move up
    setCell(wb, 'welfare', 2, 'amount', 35); // an August row: the month is not closed
    const findings = closedPeriodFindings(readBook(wb, { asOf: '2026-11-26' }), [july, august]);
    expect(findings.map((f) => [f.code, f.sheet, f.row, f.cell, f.message.en])).toEqual([
      [
        'W_CLOSED_PERIOD_CHANGED',
        'savings',
        2,
        null,
        'month 2026-07 is closed, but its row 2 was removed (2026-07-02 · M1 · deposit · 100.00 · subgroup_head · cash)',
      ],
    ]);
    // what it held, in Thai on the Thai line: what a treasurer needs to put it back
    expect(findings[0]!.message.th).toContain('(2 ก.ค. 2569 · M1 · ฝาก · 100.00');
  });

  it('pairs an edited row by what it holds when a row above it was deleted (issue 17)', () => {
    const wb = closed();
    rowsOf(wb, 'savings').splice(1, 1); // row 2 deleted: the rows below move up
    setCell(wb, 'savings', 3, 'amount', 300); // and the withdrawal, once row 4, edited from 20 to 300
    const findings = closedPeriodFindings(readBook(wb, { asOf: '2026-11-26' }), [july, august]);
    expect(findings.map((f) => [f.sheet, f.row, f.cell, f.before, f.after])).toEqual([
      ['savings', 2, null, '2026-07-02 · M1 · deposit · 100.00 · subgroup_head · cash', undefined],
      ['savings', 3, 'D3', '20.00', '300.00'],
    ]);
    expect(findings[1]!.message.th).toContain('20.00 เป็น 300.00');
  });

  it('gives the value before and after for a changed cell', () => {
    const wb = closed();
    setCell(wb, 'other', 2, 'category', 'ค่าถ่ายเอกสาร');
    const [f] = closedPeriodFindings(readBook(wb, { asOf: '2026-11-26' }), [july]);
    expect(f).toMatchObject({
      cell: 'C2',
      before: '"ค่าเครื่องเขียน"',
      after: '"ค่าถ่ายเอกสาร"',
      month: '2026-07',
    });
  });

  it('shows money in baht and dates in Thai, not satang (issue 7, class 8)', () => {
    const wb = closed();
    setCell(wb, 'other', 2, 'amount', 1500);
    const [f] = closedPeriodFindings(readBook(wb, { asOf: '2026-11-26' }), [july]);
    expect(f).toMatchObject({ before: '150.00', after: '1,500.00' });
    expect(f!.message.th).toContain('เดือน ก.ค. 2569 ปิดบัญชีแล้ว แต่ช่องนี้ถูกแก้จาก 150.00 เป็น 1,500.00');
    expect(f!.message.en).not.toContain('15000');
  });
});
