import { describe, expect, it } from 'vitest';
import { checkBooks, groupReportData, groupReportText, householdView } from '../../../core/index.ts';
import { planBook } from '../../helpers/plan-book.ts';

/**
 * Issue 22, point 2: household plans followed, every figure worked by hand on the plan book
 * (test/helpers/plan-book.ts), measured to the end of October 2026.
 */
const checked = checkBooks(planBook(), { asOf: '2026-10-31' });
const view = householdView(checked, 'H1')!;

describe('household plans followed (SPEC §15, issue 22)', () => {
  it('the plan book is clean where plans are concerned', () => {
    const codes = checked.findings.filter(
      (f) => f.sheet === 'family_plans' || f.sheet === 'household_accounts',
    );
    expect(codes).toEqual([]);
  });

  it('follows a plan with its own start, pace and expense cut', () => {
    const plan = view.plans.find((p) => p.row === 2)!;
    expect(plan).toMatchObject({
      began: '2026-08-01',
      began_from: 'plan',
      measured_to: '2026-10',
      // August, September, October
      months: 3,
      // 150 + 100 + 200 − 50 (the July deposit is before the plan)
      saved: 40_000,
      pace: 15_000,
      expected: 45_000,
      // (400 − 450) ÷ 150 = −0.33
      months_ahead: -0.3,
      // 400 ÷ 1,200
      target_share: 0.3333,
      // 133.33 a month on average: the 800 left takes 6.0002 → 7 months from October
      target_forecast: '2027-05',
      on_track: true,
    });
    // lottery: July 400 before (June has no book); since: August 200, September 0, October 100
    expect(plan.expense_cut).toEqual({
      category: 'lottery_gambling',
      planned: 10_000,
      before: 40_000,
      since: 10_000,
      months_before: 1,
      months_since: 3,
      cut: 30_000,
      share: 3,
    });
  });

  it('follows a plan without a start or a pace from the first joining, its target spread over its months', () => {
    const plan = view.plans.find((p) => p.row === 3)!;
    expect(plan).toMatchObject({
      began: '2026-07-01',
      began_from: 'joined',
      // July to October
      months: 4,
      saved: 50_000,
      // 1,100 over July 2026 to June 2027 (12 months) = 91.666… → 91.67
      pace: 9_167,
      expected: 36_668,
      // (500 − 366.68) ÷ 91.67 = 1.454 → 1.5 months ahead
      months_ahead: 1.5,
      target_share: 0.4545,
      // 125 a month: 600 left takes 4.8 → 5 months from October
      target_forecast: '2027-03',
      on_track: true,
      expense_cut: null,
    });
  });

  it('suggests a pledge from the last three months of the book and the survey, beside the pledges made', () => {
    // surplus: (5,800 + 4,500 + 4,900) ÷ 3 = 5,066.67; paid to debts 1,000 ÷ 3 = 333.33 of 2,000
    // needed: 5,066.67 − 1,666.67 = 3,400 a month; two active members by October: 1,700 each
    expect(view.suggested_pledge).toEqual({
      months: 3,
      surplus: 506_667,
      debt_needed: 200_000,
      debt_paid: 33_333,
      household: 340_000,
      members: [
        { member_id: 'M1', savings_pledge: 30_000, suggested: 170_000 },
        { member_id: 'M3', savings_pledge: 20_000, suggested: 170_000 },
      ],
    });
    // never written over the pledge: the members' rows still say 300 and 200
    const members = checked.book.tables.get('members')!;
    expect(members.map((m) => m.values.savings_pledge)).toEqual([30_000, undefined, 20_000]);
  });

  it('forecasts the debt-free month with the debt’s real interest', () => {
    // 50,000 at 7 % a year (0.583 % a month), 2,000 a month: n = −ln(1 − 0.00583 × 25) ÷ ln(1.00583)
    // = 27.1 → paid in the 28th month after October 2026: February 2029
    expect(view.months_to_debt_free).toBe(28);
    expect(view.debt_free_month).toBe('2029-02');
  });

  it("shows each plan in the group report's household section, measured to the report's month", () => {
    const september = groupReportData(checked, '2026-09', '2026-10-31');
    const h1 = september.households!.find((h) => h.household_id === 'H1')!;
    // to September: 150 + 100 saved against 300 expected
    expect(h1.plans.find((p) => p.row === 2)).toMatchObject({ months: 2, saved: 25_000, months_ahead: -0.3 });
    expect(h1.pledged).toBe(50_000);
    // July 3,600, August 5,800, September 4,500: 4,633.33 a month; the debt needs 2,000 and the
    // book shows none paid: 2,633.33, whole baht 2,633
    expect(h1.suggested_pledge?.household).toBe(263_300);
    const text = groupReportText(september);
    expect(text).toContain('ปลดหนี้ ธ.ก.ส.');
    expect(text).toContain('ช้ากว่าแผน 0.3 เดือน / 0.3 months behind');
    expect(text).toContain('แนะนำ / suggested 2,633.00');
  });
});
