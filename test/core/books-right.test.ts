import { describe, expect, it } from 'vitest';
import {
  checkBooks,
  checkWorkbook,
  type Finding,
  groupReportData,
  monthFindings,
  networkReportData,
  networkReportText,
  passbook,
  renderGroupReport,
  renderNetworkReport,
  renderPassbook,
  summariseMonth,
  type Workbook,
} from '../../core/index.ts';
import { addRow, rowsOf, setCell, smallBook } from '../helpers/small-book.ts';

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

  it('warns on a savings row pasted twice, at the second row, naming the first', () => {
    const wb = smallBook();
    const second = addRow(wb, 'savings', { date: '2/7/2569', member_id: 'M1', type: 'ฝาก', amount: 100 });
    const [f, ...more] = of(wb, 'W_POSSIBLE_DUPLICATE');
    expect(more).toEqual([]);
    expect(f).toMatchObject({ sheet: 'savings', cell: `D${second}`, first_row: 2 });
    expect(f!.message.th).toContain('แถวที่ 2 (D2)');
    // a receipt number on each says they are two deposits
    setCell(wb, 'savings', 2, 'receipt_no', 'S7');
    setCell(wb, 'savings', second, 'receipt_no', 'S8');
    expect(of(wb, 'W_POSSIBLE_DUPLICATE')).toEqual([]);
  });

  it('warns on a repayment repeated the next day without a receipt, and not on a daily saving', () => {
    const wb = smallBook();
    setCell(wb, 'repayments', 2, 'receipt_no', null);
    const again = addRow(wb, 'repayments', {
      date: '11/8/2569',
      loan_id: 'L1',
      principal: 100,
      interest: 10,
    });
    expect(of(wb, 'W_POSSIBLE_DUPLICATE').map((f) => [f.cell, f.first_row])).toEqual([[`C${again}`, 2]]);
    // the same 20 baht every day is how members save
    const daily = smallBook();
    for (const day of [3, 4, 5, 6])
      addRow(daily, 'savings', { date: `${day}/7/2569`, member_id: 'M1', type: 'ฝาก', amount: 20 });
    expect(of(daily, 'W_POSSIBLE_DUPLICATE')).toEqual([]);
  });

  it('refuses three decimals in a money cell, offering both readings', () => {
    const wb = smallBook();
    setCell(wb, 'savings', 2, 'amount', '1.000');
    const [f] = of(wb, 'E_VALUE');
    expect(f).toMatchObject({ cell: 'D2', reason: 'money_three_decimals', value: '1.000' });
    expect(f!.message.en).toContain('did you mean 1,000 or 1.00?');
    expect(f!.message.th).toContain('หมายถึง 1,000 หรือ 1.00 บาท?');
  });

  it("warns on a deposit far outside the member's own pattern, naming the median", () => {
    const wb = smallBook();
    for (const day of [3, 4, 5, 6, 7])
      addRow(wb, 'savings', { date: `${day}/7/2569`, member_id: 'M1', type: 'ฝาก', amount: 20 });
    const big = addRow(wb, 'savings', { date: '8/7/2569', member_id: 'M1', type: 'ฝาก', amount: 2000 });
    // the head remitted what was collected, so the rest of the books agree
    setCell(wb, 'remittances', 2, 'amount', '150.50');
    const found = of(wb, 'W_AMOUNT_UNUSUAL');
    expect(found.map((f) => [f.cell, f.member_id, f.amount, f.median])).toEqual([
      [`D${big}`, 'M1', 200_000, 2_000],
    ]);
    expect(found[0]!.message.th).toContain('ค่ากลาง 20.00 บาท');
    // a member with too few deposits has no pattern yet
    expect(of(smallBook(), 'W_AMOUNT_UNUSUAL')).toEqual([]);
  });

  it('warns on a deposit before joined_on or after left_on', () => {
    const wb = smallBook();
    setCell(wb, 'members', 3, 'joined_on', '10/7/2569');
    setCell(wb, 'members', 2, 'left_on', '1/7/2569');
    setCell(wb, 'members', 2, 'joined_on', '1/6/2569');
    setCell(wb, 'members', 2, 'status', 'ออก');
    const found = of(wb, 'W_OUTSIDE_MEMBERSHIP').map((f) => [f.sheet, f.cell, f.member_id, f.limit_date]);
    expect(found).toContainEqual(['savings', 'A2', 'M1', '2026-07-01']);
    expect(found).toContainEqual(['savings', 'A3', 'M2', '2026-07-10']);
    expect(found).toContainEqual(['welfare', 'A2', 'M1', '2026-07-01']);
    // "ออก", the word for left, is a status the members tab accepts
    expect(findings(wb).filter((f) => f.sheet === 'members' && f.code === 'E_VALUE')).toEqual([]);
  });

  it('warns when a member who left still holds savings, and not once they are paid out', () => {
    const wb = smallBook();
    setCell(wb, 'members', 2, 'status', 'ลาออก');
    setCell(wb, 'members', 2, 'left_on', '1/11/2569');
    const [f, ...more] = of(wb, 'W_LEFT_WITH_SAVINGS');
    expect(more).toEqual([]);
    expect(f).toMatchObject({
      sheet: 'members',
      cell: 'G2',
      member_id: 'M1',
      balance: 10_000,
      date: '2026-11-01',
    });
    // paid out from the cash box (and the count says so)
    addRow(wb, 'savings', { date: '1/11/2569', member_id: 'M1', type: 'ถอน', amount: 100, receipt_no: 'S9' });
    expect(of(wb, 'W_LEFT_WITH_SAVINGS')).toEqual([]);
  });
});

describe('figures in the wrong place (issue 17)', () => {
  it('counts an overdue loan in the month it is overdue, not the month it was paid out', () => {
    const wb = smallBook();
    // no repayment after August: the loan paid out in July is behind from September on
    rowsOf(wb, 'repayments').splice(2);
    const checked = checkBooks(wb, { asOf: '2026-11-26' });
    const overdue = checked.findings.filter((f) => f.code === 'W_LOAN_OVERDUE');
    expect(overdue.map((f) => [f.cell, f.date])).toEqual([['A2', '2026-11-26']]);
    const inMonth = (month: string) =>
      monthFindings(checked.book.tables, checked.findings, month).map((f) => f.code);
    expect(inMonth('2026-07')).not.toContain('W_LOAN_OVERDUE');
    expect(inMonth('2026-11')).toContain('W_LOAN_OVERDUE');
    expect(summariseMonth(checked, '2026-11').checks.warnings).toBe(
      monthFindings(checked.book.tables, checked.findings, '2026-11').filter((f) => f.severity === 'warning')
        .length,
    );
  });
});

describe('missing data is not a fall, and the network report puts trouble first (issue 17)', () => {
  const AS_OF_NOV = '2026-11-30';
  const named = (id: string, change: (wb: Workbook) => void = () => {}) => {
    const wb = smallBook();
    setCell(wb, 'settings', 2, 'value', id);
    change(wb);
    return { group_id: id, checked: checkBooks(wb, { asOf: AS_OF_NOV }) };
  };

  it('says "no data" for reducible spending in a month no household kept accounts', () => {
    const checked = checkBooks(smallBook(), { asOf: AS_OF_NOV });
    // households kept accounts in August only
    const september = groupReportData(checked, '2026-09', AS_OF_NOV);
    expect(september.reducible).toEqual({ now: null, before: 20_000 });
    const html = renderGroupReport(september);
    expect(html).toContain('ไม่มีข้อมูล');
    expect(html).not.toContain('−200.00');
    expect(groupReportData(checked, '2026-08', AS_OF_NOV).reducible).toEqual({ now: 20_000, before: null });
  });

  it('makes a month with nothing entered a finding, counted in that month', () => {
    const wb = smallBook();
    rowsOf(wb, 'repayments').splice(4, 1); // November's only row
    const checked = checkBooks(wb, { asOf: AS_OF_NOV });
    const empty = checked.findings.filter((f) => f.code === 'W_MONTH_EMPTY');
    expect(empty.map((f) => f.month)).toEqual(['2026-11']);
    expect(monthFindings(checked.book.tables, checked.findings, '2026-11').map((f) => f.code)).toContain(
      'W_MONTH_EMPTY',
    );
    // a month still running is not empty yet
    expect(checkBooks(wb, { asOf: '2026-11-29' }).findings.filter((f) => f.code === 'W_MONTH_EMPTY')).toEqual(
      [],
    );
  });

  it('orders groups by money at risk, money held, books not kept, then errors, and says why to visit', () => {
    const groups = [
      named('clean'),
      named('typos', (wb) => {
        for (const row of [2, 3]) setCell(wb, 'family_plans', row, 'target_amount', 'x');
        setCell(wb, 'debt_survey', 2, 'outstanding', 'x');
        setCell(wb, 'household_accounts', 3, 'amount', 'x');
      }),
      named('empty', (wb) => rowsOf(wb, 'repayments').splice(4, 1)),
      named('at-risk', (wb) => {
        rowsOf(wb, 'repayments').splice(2);
        addRow(wb, 'counts', { date: '30/11/2569', account: 'เงินสด', balance: '3,120.50' });
      }),
      named('holding', (wb) =>
        addRow(wb, 'savings', { date: '28/11/2569', member_id: 'M1', type: 'ฝาก', amount: 40 }),
      ),
    ];
    const report = networkReportData('เครือข่าย', groups, '2026-11', AS_OF_NOV);
    expect(report.rows.map((r) => r.group_id)).toEqual(['at-risk', 'holding', 'empty', 'typos', 'clean']);
    const byId = new Map(report.rows.map((r) => [r.group_id, r]));
    expect(byId.get('at-risk')!.visit![0]!.en).toContain('over 30 days overdue');
    expect(byId.get('holding')!.visit!.map((v) => v.en)).toEqual(['sub-group heads still hold 40.00 baht']);
    expect(byId.get('empty')).toMatchObject({ reported: false, entries: 0 });
    expect(byId.get('empty')!.reason!.en).toBe('nothing entered this month');
    expect(byId.get('clean')!.visit).toEqual([]);
    expect(report.totals.reported).toBe(4);
    // a group with money at risk is never marked fine; only the clean one is
    const text = networkReportText(report);
    expect(text).toMatch(/✓ กลุ่มทดสอบ \(clean\)/);
    expect(text).toMatch(/⚠ กลุ่มทดสอบ \(at-risk\)/);
    expect(text).not.toMatch(/✓ กลุ่มทดสอบ \((at-risk|holding|empty|typos)\)/);
    expect(renderNetworkReport(report)).toContain('data-visit="at-risk"');
  });
});

describe('a passbook says what is owed today (issue 17)', () => {
  it('gives the next instalment after today, never a date in the past, and the overdue instalments with their interest', () => {
    const wb = smallBook();
    rowsOf(wb, 'repayments').splice(2); // only August's repayment: September to November are behind
    const checked = checkBooks(wb, { asOf: '2026-11-26' });
    const loan = passbook(checked, 'M2')!.loans[0]!;
    expect(loan.next_due).toEqual({ date: '2026-12-10', principal: 10_000 });
    expect(loan.next_due!.date > '2026-11-26').toBe(true);
    // 1% a month: 10.00 on 1,000 in August, then 9.00 a month on 900; 10.00 paid
    expect(loan.owed_today).toEqual({ instalments: 3, principal: 30_000, interest: 2_700 });
    const page = renderPassbook(passbook(checked, 'M2')!);
    expect(page).toContain('ต้องชำระวันนี้ (ค้าง 3 งวด)');
    expect(page).toContain('327.00');
    expect(page).toContain('10 ธ.ค. 2569');
  });

  it('owes nothing today on a loan on schedule', () => {
    const loan = passbook(checkBooks(smallBook(), { asOf: '2026-11-26' }), 'M2')!.loans[0]!;
    expect(loan.owed_today).toEqual({ instalments: 0, principal: 0, interest: 0 });
    expect(loan.next_due).toEqual({ date: '2026-12-10', principal: 10_000 });
  });
});
