import { describe, expect, it } from 'vitest';
import { satang } from '../../../core/money.ts';
import { debtFree } from '../../../core/reports/debt-free.ts';

const debt = (
  outstanding: number,
  monthly_rate: number | null,
  monthly_payment: number | null,
  creditor_type = 'bank',
) => ({
  outstanding: satang(outstanding),
  monthly_rate,
  monthly_payment: monthly_payment === null ? null : satang(monthly_payment),
  creditor_type,
});

describe('debtFree (issue 7, class 11)', () => {
  it('says "no data" without a survey or without any payment', () => {
    expect(debtFree(null)).toEqual({ status: 'no_data', months: null });
    expect(debtFree([debt(1_000_000, 1, null)])).toEqual({ status: 'no_data', months: null });
  });

  it('is debt-free with nothing owed', () => {
    expect(debtFree([])).toEqual({ status: 'debt_free', months: 0 });
    expect(debtFree([debt(0, 1, 100)])).toEqual({ status: 'debt_free', months: 0 });
  });

  it('pays an interest-free debt in outstanding ÷ payment months', () => {
    expect(debtFree([debt(1_200_000, 0, 100_000)])).toEqual({ status: 'months', months: 12 });
    expect(debtFree([debt(1_250_000, 0, 100_000)])).toEqual({ status: 'months', months: 13 });
  });

  it('says "not at this payment" to an informal lender at 20 % a month paid less than the interest', () => {
    // 10,000 baht at 20 % a month is 2,000 baht of interest a month; 1,000 a month never pays it off
    expect(debtFree([debt(1_000_000, 20, 100_000, 'informal')])).toEqual({
      status: 'not_at_this_payment',
      months: null,
    });
    // an informal debt of unknown rate is taken at 20 % a month
    expect(debtFree([debt(1_000_000, null, 150_000, 'informal')]).status).toBe('not_at_this_payment');
  });

  it('counts the interest month by month, not debt ÷ payment', () => {
    // 10,000 at 1 % a month, 1,000 a month: 11 months (debt ÷ payment says 10)
    expect(debtFree([debt(1_000_000, 1, 100_000)])).toEqual({ status: 'months', months: 11 });
  });

  it('puts a paid-off debt’s payment on the highest rate left (avalanche)', () => {
    // a small 0 % debt is gone in 2 months; its 500 then goes to the 2 % debt
    const both = debtFree([debt(100_000, 0, 50_000), debt(1_000_000, 2, 50_000)]);
    const alone = debtFree([debt(1_000_000, 2, 50_000)]);
    expect(both.status).toBe('months');
    expect(alone.status).toBe('months');
    expect(both.months!).toBeLessThan(alone.months!);
  });
});
