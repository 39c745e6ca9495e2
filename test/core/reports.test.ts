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

/**
 * The example household's way out, worked month by month in baht: 20,000 informal at 20 %, 10,000
 * at 1 %, 50,000 at 7 %/12, paying 5,000 + 1,000 a month (the BAAC loan has no payment).
 */
const SIMULATED_MONTHS = simulate([
  [20_000, 0.2, 5_000],
  [10_000, 0.01, 1_000],
  [50_000, 0.07 / 12, 0],
]);

function simulate(debts: [number, number, number][]): number {
  const pool = debts.reduce((s, d) => s + d[2], 0);
  const open = debts.map(([balance, rate, pay]) => ({ balance, rate, pay }));
  for (let month = 1; ; month++) {
    for (const d of open) d.balance = Math.round((d.balance + d.balance * d.rate) * 100) / 100;
    let left = pool;
    for (const d of open) {
      const pay = Math.min(d.pay, d.balance, left);
      d.balance -= pay;
      left -= pay;
    }
    for (const d of open) {
      const pay = Math.min(d.balance, left);
      d.balance -= pay;
      left -= pay;
    }
    if (open.every((d) => d.balance < 0.005)) return month;
  }
}

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
      monthly_payment: 5_000,
    });
    addRow(wb, 'debt_survey', {
      survey_date: '15/6/2569',
      household_id: 'H1',
      creditor: 'สหกรณ์',
      creditor_type: 'สหกรณ์',
      outstanding: 10_000,
      interest_rate: 1,
      rate_period: 'ต่อเดือน',
      monthly_payment: 1_000,
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
    // 6,000 a month: the informal 20,000 (taken at 20 % a month) first, then the rest
    expect(h.debt_free).toBe('months');
    expect(h.months_to_debt_free).toBe(SIMULATED_MONTHS);
  });

  it('says "no data" without payments, and "not at this payment" when they do not cover the interest', () => {
    const wb = smallBook();
    let h = householdView(checkBooks(wb, { asOf: AS_OF }), 'H1')!;
    expect([h.debt_free, h.months_to_debt_free]).toEqual(['no_data', null]);
    addRow(wb, 'debt_survey', {
      survey_date: '15/6/2569',
      household_id: 'H1',
      creditor: 'นายทุน',
      creditor_type: 'หนี้นอกระบบ',
      outstanding: 20_000,
      interest_rate: 240,
      rate_period: 'ต่อปี',
      monthly_payment: 1_000,
    });
    h = householdView(checkBooks(wb, { asOf: AS_OF }), 'H1')!;
    expect([h.debt_free, h.months_to_debt_free]).toEqual(['not_at_this_payment', null]);
    expect(householdView(checkBooks(wb, { asOf: AS_OF }), 'H2')!.debt_free).toBe('no_data');
    expect(householdView(checkBooks(wb, { asOf: AS_OF }), 'H9')).toBeUndefined();
  });
});
