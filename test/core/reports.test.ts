import { describe, expect, it } from 'vitest';
import { checkBooks } from '../../core/index.ts';
import { householdView } from '../../core/reports/household-view.ts';
import { passbook } from '../../core/reports/passbook.ts';
import { addRow, smallBook } from '../helpers/small-book.ts';

const AS_OF = '2026-11-26';

describe('passbook', () => {
  it("lists a member's savings with the running balance, welfare and loans", () => {
    const p = passbook(checkBooks(smallBook(), { asOf: AS_OF }), 'M2')!;
    expect(p.savings.map((l) => [l.date, l.kind, l.amount, l.balance])).toEqual([
      ['2026-07-02', 'deposit', 5_050, 5_050],
      ['2026-07-20', 'withdrawal', 2_000, 3_050],
    ]);
    expect(p.savings_balance).toBe(3_050);
    expect(p.loans).toHaveLength(1);
    expect(p.loans[0]).toMatchObject({
      loan_id: 'L1',
      principal: 100_000,
      repaid: 40_000,
      outstanding: 60_000,
      days_overdue: 0,
      next_interest: 600,
    });
    expect(p.loans[0]!.repayments.map((r) => [r.date, r.principal, r.interest])).toEqual([
      ['2026-08-10', 10_000, 1_000],
      ['2026-09-10', 10_000, 900],
      ['2026-10-10', 10_000, 800],
      ['2026-11-10', 10_000, 700],
    ]);
    expect(p.loans[0]!.schedule).toHaveLength(10);
  });

  it('shows welfare paid, and is undefined for an unknown member', () => {
    const checked = checkBooks(smallBook(), { asOf: AS_OF });
    expect(passbook(checked, 'M1')!.welfare).toEqual({ contributed: 3_000, received: 0 });
    expect(passbook(checked, 'M404')).toBeUndefined();
  });
});

describe('household view', () => {
  it('gives income and expense by month, reducible spending, debts in payoff order and months to debt-free', () => {
    const wb = smallBook();
    addRow(wb, 'household_accounts', {
      date: '1/9/2569',
      household_id: 'H1',
      type: 'รายรับ',
      category: 'รับจ้าง',
      amount: 5000,
    });
    addRow(wb, 'household_accounts', {
      date: '3/9/2569',
      household_id: 'H1',
      type: 'รายจ่าย',
      category: 'อาหาร',
      amount: 3000,
    });
    addRow(wb, 'debt_survey', {
      survey_date: '15/6/2569',
      household_id: 'H1',
      creditor: 'นายทุน',
      creditor_type: 'หนี้นอกระบบ',
      outstanding: 20_000,
    });
    addRow(wb, 'debt_survey', {
      survey_date: '15/6/2569',
      household_id: 'H1',
      creditor: 'สหกรณ์',
      creditor_type: 'สหกรณ์',
      outstanding: 10_000,
      interest_rate: 1,
      rate_period: 'ต่อเดือน',
    });
    const h = householdView(checkBooks(wb, { asOf: AS_OF }), 'H1')!;
    expect(h.months).toEqual([
      { month: '2026-08', income: 600_000, expense: 20_000, reducible: 20_000, savings_rate: 0.9667 },
      { month: '2026-09', income: 500_000, expense: 300_000, reducible: 0, savings_rate: 0.4 },
    ]);
    expect(h.average).toEqual({ income: 550_000, expense: 160_000, net: 390_000, reducible: 10_000 });
    expect(h.debts.map((d) => [d.creditor, d.yearly_rate])).toEqual([
      ['นายทุน', null],
      ['สหกรณ์', 12],
      ['ธ.ก.ส.', 7],
    ]);
    expect(h.total_debt).toBe(8_000_000);
    expect(h.debt_to_income).toBe(1.21); // 80,000 ÷ (5,500 × 12)
    expect(h.months_to_debt_free).toBe(21); // 80,000 ÷ 3,900 a month
  });

  it('says a household saving nothing will not get out of debt at this rate', () => {
    const wb = smallBook();
    addRow(wb, 'household_accounts', {
      date: '5/8/2569',
      household_id: 'H1',
      type: 'รายจ่าย',
      category: 'อาหาร',
      amount: 9000,
    });
    expect(householdView(checkBooks(wb, { asOf: AS_OF }), 'H1')!.months_to_debt_free).toBeNull();
    expect(householdView(checkBooks(wb, { asOf: AS_OF }), 'H9')).toBeUndefined();
  });
});
