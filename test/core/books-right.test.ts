import { describe, expect, it } from 'vitest';
import { checkBooks, checkWorkbook, type Finding, groupReportData, type Workbook } from '../../core/index.ts';
import { addRow, setCell, smallBook } from '../helpers/small-book.ts';

/** Issue 17: what a treasurer's books still got wrong. Each case fails on the main before it. */
const AS_OF = '2026-11-26';
const findings = (wb: Workbook, asOf = AS_OF): Finding[] => checkWorkbook(wb, { asOf }).findings;
const of = (wb: Workbook, code: string, asOf = AS_OF) => findings(wb, asOf).filter((f) => f.code === code);

describe('money accepted that cannot be (issue 17)', () => {
  it('refuses a remittance larger than what the head collected, at the remittance row', () => {
    const wb = smallBook();
    // the head collected 150.50 on 2 July and hands over 250 on 5 July
    setCell(wb, 'remittances', 2, 'amount', 250);
    const [f, ...more] = of(wb, 'E_REMIT_EXCEEDS_HELD');
    expect(more).toEqual([]);
    expect(f).toMatchObject({
      severity: 'error',
      sheet: 'remittances',
      cell: 'C2',
      subgroup_id: 'SG1',
      amount: 25_000,
      balance: 15_050,
    });
    expect(f!.message.th).toContain('เกิน 99.50 บาท');
    expect(f!.message.en).toContain('99.50 over');
  });

  it('stays quiet when a remittance hands over exactly what was held, in two parts', () => {
    const wb = smallBook();
    setCell(wb, 'remittances', 2, 'amount', 100);
    addRow(wb, 'remittances', { date: '6/7/2569', subgroup_id: 'SG1', amount: '50.50' });
    expect(of(wb, 'E_REMIT_EXCEEDS_HELD')).toEqual([]);
    addRow(wb, 'remittances', { date: '7/7/2569', subgroup_id: 'SG1', amount: '0.01' });
    expect(of(wb, 'E_REMIT_EXCEEDS_HELD').map((f) => f.cell)).toEqual(['C4']);
  });

  it("shows money a head still holds at the month's end, whatever its age", () => {
    const wb = smallBook();
    // collected on 28 November, 2 days before the month ends: not late, but still held
    addRow(wb, 'savings', { date: '28/11/2569', member_id: 'M1', type: 'ฝาก', amount: 40 });
    const checked = checkBooks(wb, { asOf: '2026-11-30' });
    expect(of(wb, 'W_NOT_REMITTED', '2026-11-30')).toEqual([]);
    const report = groupReportData(checked, '2026-11', '2026-11-30');
    expect(report.todo.map((t) => t.en)).toContain("collect 40.00 baht still held by sub-group SG1's head");
  });
});
