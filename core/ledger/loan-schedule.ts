import type { IsoDate } from '../calendar.ts';
import { addMonths, daysBetween } from '../calendar.ts';
import type { Loan } from '../model/records.ts';
import { larger, minus, plus, type Satang, satang, times, ZERO } from '../money.ts';

export interface Installment {
  /** 1-based installment number. */
  number: number;
  due: IsoDate;
  principal: Satang;
}

/**
 * Splits an amount into `parts` equal integer parts, the remainder on the last (like dinero's
 * `allocate`): the parts always add up to the whole.
 */
export function splitEqually(amount: Satang, parts: number): Satang[] {
  const each = satang(Math.floor(amount / parts));
  const shares = new Array<Satang>(parts).fill(each);
  shares[parts - 1] = minus(amount, times(each, parts - 1));
  return shares;
}

/** Equal-principal schedule (SPEC §4): installment k is due k months after disbursement. */
export function loanSchedule(loan: Pick<Loan, 'principal' | 'term_months' | 'disbursed_on'>): Installment[] {
  return splitEqually(loan.principal, loan.term_months).map((principal, i) => ({
    number: i + 1,
    due: addMonths(loan.disbursed_on, i + 1),
    principal,
  }));
}

/** Rates are read with at most 6 decimals of a percent: a rate is an exact count of millionths. */
const RATE_SCALE = 1_000_000;

/**
 * Interest for one month on an outstanding principal at a monthly rate in percent, in integer
 * arithmetic (the rate as millionths of a percent, the product in BigInt) rounded half up:
 * 3,000 satang at 1.15 % is 34.5 → 35, never a float's 34.499….
 */
export function monthlyInterest(outstanding: Satang, monthlyRate: number): Satang {
  const rate = BigInt(Math.round(monthlyRate * RATE_SCALE));
  const divisor = BigInt(100 * RATE_SCALE);
  const product = BigInt(outstanding) * rate;
  // half up, for a non-negative product: floor((2p + d) / 2d)
  return satang(Number((2n * product + divisor) / (2n * divisor)));
}

/** A loan's position on a day. */
export interface LoanStatus {
  /** Principal due by the day (installments due on or before it). */
  due: Satang;
  repaid: Satang;
  outstanding: Satang;
  /** Days since the earliest installment not fully covered by repayments; 0 when up to date. */
  daysOverdue: number;
}

/**
 * Where a loan stands on `day`, given the principal repaid by then. Overdue when repaid < due;
 * days overdue count from the earliest unpaid installment's due date.
 */
export function loanStatus(
  schedule: Installment[],
  principal: Satang,
  repaid: Satang,
  day: IsoDate,
): LoanStatus {
  let due = ZERO;
  let daysOverdue = 0;
  for (const installment of schedule) {
    if (installment.due > day) break;
    due = plus(due, installment.principal);
    if (due > repaid && daysOverdue === 0) daysOverdue = daysBetween(installment.due, day);
  }
  return {
    due,
    repaid,
    outstanding: larger(ZERO, minus(principal, repaid)),
    daysOverdue: repaid < due ? daysOverdue : 0,
  };
}
