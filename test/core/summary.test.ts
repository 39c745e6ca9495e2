import { describe, expect, it } from 'vitest';
import { checkBooks } from '../../core/index.ts';
import { summariseMonth } from '../../core/summary/monthly-summary.ts';
import { addRow, setCell, smallBook } from '../helpers/small-book.ts';

const AS_OF = '2026-11-26';

describe('summariseMonth (hand-computed on the small book)', () => {
  it('July 2026: the month the books open', () => {
    expect(summariseMonth(checkBooks(smallBook(), { asOf: AS_OF }), '2026-07')).toEqual({
      group_id: 'g1',
      month: '2026-07',
      // 5,000 brought forward; 150.50 remitted, 1,000 lent, 20 withdrawn, 150 spent, 1,000 to the bank
      balances: {
        cash: { opening: 500_000, closing: 298_050 },
        bank: { opening: 0, closing: 100_000 },
        in_transit: 0,
      },
      savings: {
        deposits: 15_050,
        withdrawals: 2_000,
        balance: 13_050,
        by_product: { sajja: 13_050 },
        members_saving: 2,
      },
      loans: {
        disbursed: 100_000,
        principal_repaid: 0,
        interest_received: 0,
        fines_received: 0,
        outstanding: 100_000,
        active_loans: 1,
        overdue_loans: 0,
        par30: 0,
        par30_ratio: 0,
      },
      welfare: { contributions: 0, payouts: 0, fund_balance: 0, matching: 0 },
      welfare_health: {
        months_of_cover: null,
        payouts_12m: 0,
        contributions_12m: 0,
        matching_12m: 0,
        payout_ratio: null,
        elderly_due: 0,
        elderly_new: 0,
        elderly_cost: 0,
      },
      debt_relief: {
        households_helped: 0,
        debts_bought_out: 0,
        reduced: 0,
        paid: 0,
        interest_saved_monthly: 0,
        informal_left: 0,
      },
      other: { income: 0, expense: 15_000 },
      members: { active: 2, joined: 2, left: 0 },
      households: {
        reporting: 0,
        income: 0,
        expense: 0,
        by_category: {},
        total_debt: 5_000_000,
        informal_debt: 0,
        debt_change: 0,
      },
      subgroups: [
        {
          subgroup_id: 'SG1',
          collected: 15_050,
          remitted: 15_050,
          in_transit: 0,
          member_savings: 13_050,
          // test/core/scorecard.test.ts: remit 100, PAR 100, books 0 → 67
          score: 67,
          // the measures it is made of: held 3 days, no pledges, no loan due, no book, one survey
          measures: {
            remit_days_mean: 3,
            remit_days_worst: 3,
            pledge_share: null,
            par30_ratio: 0,
            books_share: 0,
            informal_debt_change: null,
          },
        },
      ],
      checks: { errors: 0, warnings: 0 },
      book_checks: { errors: 0, warnings: 0 },
    });
  });

  it('August 2026: repayments, welfare, household accounts', () => {
    const s = summariseMonth(checkBooks(smallBook(), { asOf: AS_OF }), '2026-08');
    expect(s.balances).toEqual({
      cash: { opening: 298_050, closing: 312_050 },
      bank: { opening: 100_000, closing: 100_000 },
      in_transit: 0,
    });
    expect(s.savings).toEqual({
      deposits: 0,
      withdrawals: 0,
      balance: 13_050,
      by_product: { sajja: 13_050 },
      members_saving: 0,
    });
    expect(s.loans).toMatchObject({
      disbursed: 0,
      principal_repaid: 10_000,
      interest_received: 1_000,
      outstanding: 90_000,
    });
    expect(s.welfare).toEqual({ contributions: 3_000, payouts: 0, fund_balance: 3_000, matching: 0 });
    // 30 baht in, nothing paid out: no months of cover to count, nothing paid per baht in
    expect(s.welfare_health).toMatchObject({
      months_of_cover: null,
      contributions_12m: 3_000,
      payout_ratio: 0,
    });
    expect(s.households).toEqual({
      reporting: 1,
      income: 600_000,
      expense: 20_000,
      by_category: { lottery_gambling: 20_000 },
      total_debt: 5_000_000,
      informal_debt: 0,
      debt_change: 0,
    });
    expect(s.members).toEqual({ active: 2, joined: 0, left: 0 });
  });

  it('counts overdue loans, PAR30, leavers, money in transit, fines and debt change', () => {
    const wb = smallBook();
    setCell(wb, 'repayments', 3, 'principal', 0); // September: interest only
    setCell(wb, 'repayments', 4, 'principal', 0); // October: interest only
    setCell(wb, 'repayments', 4, 'fine', 20);
    setCell(wb, 'members', 3, 'status', 'ลาออก');
    setCell(wb, 'members', 3, 'left_on', '15/10/2569');
    addRow(wb, 'savings', { date: '30/10/2569', member_id: 'M1', type: 'ฝาก', amount: 25 });
    addRow(wb, 'debt_survey', {
      survey_date: '1/10/2569',
      household_id: 'H1',
      creditor: 'นายทุน',
      creditor_type: 'หนี้นอกระบบ',
      outstanding: 10_000,
    });
    const s = summariseMonth(checkBooks(wb, { asOf: AS_OF }), '2026-10');
    // due by 31 Oct: 300 (Aug, Sep, Oct); repaid 100; unpaid since 10 Sep = 51 days
    expect(s.loans).toMatchObject({
      principal_repaid: 0,
      interest_received: 800,
      fines_received: 2_000,
      outstanding: 90_000,
      active_loans: 1,
      overdue_loans: 1,
      par30: 90_000,
      par30_ratio: 1,
    });
    expect(s.members).toEqual({ active: 1, joined: 0, left: 1 });
    expect(s.balances.in_transit).toBe(2_500);
    expect(s.subgroups[0]).toMatchObject({
      collected: 2_500,
      remitted: 0,
      in_transit: 2_500,
      member_savings: 15_550,
    });
    // the October survey of H1 lists only the informal debt: 10,000 now against 50,000 before
    expect(s.households).toMatchObject({
      total_debt: 1_000_000,
      informal_debt: 1_000_000,
      debt_change: -4_000_000,
    });
  });
});

describe('summary checks: one meaning (issue 7, class 10)', () => {
  it('counts the month’s own findings in `checks`, the whole book in `book_checks`, the same in a snapshot', async () => {
    const { buildSnapshot } = await import('../../core/jobs/snapshot.ts');
    const wb = smallBook();
    setCell(wb, 'savings', 2, 'amount', '1O0'); // July: an error on a July row
    setCell(wb, 'members', 3, 'name', '=HYPERLINK("x")'); // an error on the book, in no month
    const checked = checkBooks(wb, { asOf: AS_OF });
    const july = summariseMonth(checked, '2026-07');
    const august = summariseMonth(checked, '2026-08');
    expect(july.checks.errors).toBeGreaterThanOrEqual(1);
    expect(august.checks).toEqual({ errors: 0, warnings: 0 });
    expect(july.book_checks).toEqual({
      errors: checked.result.counts.error,
      warnings: checked.result.counts.warning,
    });
    expect(july.book_checks.errors).toBe(july.checks.errors + 1);
    // the archived snapshot of July (read as of July's last day) says the same
    const snapshot = buildSnapshot(wb, '2026-07');
    expect(snapshot.content.summary.checks).toEqual(july.checks);
    expect(snapshot.content.counts).toEqual({ error: july.checks.errors, warning: july.checks.warnings });
  });
});
