import { monthlyInterest } from '../ledger/loan-schedule.ts';
import { minus, plus, type Satang, smaller, sum, ZERO } from '../money.ts';

/** One debt as the survey gives it, for the way out. */
export interface DebtToPay {
  outstanding: Satang;
  /** Percent a month; null when the survey does not say. */
  monthly_rate: number | null;
  creditor_type: string;
  monthly_payment: Satang | null;
}

/** When a household is out of debt at the payments it makes now. */
export type DebtFreeStatus = 'debt_free' | 'months' | 'not_at_this_payment' | 'no_data';

export interface DebtFree {
  status: DebtFreeStatus;
  /** Months until every debt is paid (0 when there is none); null unless `status` is months or debt_free. */
  months: number | null;
}

/** Informal lenders of unknown rate charge about 20 % a month (the field report); others are taken at 0. */
export const INFORMAL_MONTHLY_RATE = 20;
/** Fifty years: beyond this the household is not getting out of debt at this payment. */
const HORIZON_MONTHS = 600;

/**
 * Simulates the way out month by month (avalanche): each month every debt accrues interest at its
 * own rate (integer satang, half up), then the household's monthly payments — the sum of what it
 * pays each creditor now — go first to each debt's own payment, and what a paid-off debt frees goes
 * to the highest-rate debt left. "Not at this payment" when payments do not cover the interest
 * (or the way out is longer than 50 years); "no data" without a survey or any payment.
 */
export function debtFree(debts: DebtToPay[] | null): DebtFree {
  if (debts === null) return { status: 'no_data', months: null };
  const open = debts
    .filter((d) => d.outstanding > 0)
    .map((d) => ({
      balance: d.outstanding,
      rate: d.monthly_rate ?? (d.creditor_type === 'informal' ? INFORMAL_MONTHLY_RATE : 0),
      payment: d.monthly_payment ?? ZERO,
    }))
    .sort((a, b) => b.rate - a.rate || b.balance - a.balance);
  if (open.length === 0) return { status: 'debt_free', months: 0 };
  const pool = sum(open.map((d) => d.payment));
  if (pool === 0) return { status: 'no_data', months: null };
  for (let month = 1; month <= HORIZON_MONTHS; month++) {
    let interest = ZERO;
    for (const d of open) {
      const charged = monthlyInterest(d.balance, d.rate);
      d.balance = plus(d.balance, charged);
      interest = plus(interest, charged);
    }
    if (month === 1 && interest >= pool) return { status: 'not_at_this_payment', months: null };
    let left = pool;
    // each creditor's own payment first, then whatever is left to the highest rate
    for (const d of open) {
      const pay = smaller(smaller(d.payment, d.balance), left);
      d.balance = minus(d.balance, pay);
      left = minus(left, pay);
    }
    for (const d of open) {
      const pay = smaller(d.balance, left);
      d.balance = minus(d.balance, pay);
      left = minus(left, pay);
    }
    if (open.every((d) => d.balance === 0)) return { status: 'months', months: month };
  }
  return { status: 'not_at_this_payment', months: null };
}
