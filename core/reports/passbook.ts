import type { IsoDate } from '../calendar.ts';
import type { RowRef } from '../check/book.ts';
import { postedErrors } from '../jobs/check-books.ts';
import { isSavings, savingsParts } from '../ledger/accounts.ts';
import { type BuyoutFigures, buyoutFigures } from '../ledger/buyouts.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import { loanSchedule, loanStatus, monthlyInterest } from '../ledger/loan-schedule.ts';
import { fiscalYear } from '../ledger/year-close.ts';
import { larger, minus, negate, plus, type Satang, smaller, sum, ZERO } from '../money.ts';

export interface PassbookLine {
  date: IsoDate;
  /** A deposit, a withdrawal, or a year-end share (dividend and refund) credited to savings. */
  kind: 'deposit' | 'withdrawal' | 'year_share';
  /** The savings product (SPEC §13): sajja unless the row said otherwise. */
  product: string;
  amount: Satang;
  /** Savings balance after the line. */
  balance: Satang;
  sheet: string;
  row: number | null;
  /** Errors on this posted row (e.g. E_SAVINGS_OVERDRAWN): the line is in the books, and marked. */
  errors: string[];
}

export interface PassbookLoan {
  loan_id: string;
  disbursed_on: IsoDate;
  principal: Satang;
  monthly_rate: number;
  term_months: number;
  schedule: { number: number; due: IsoDate; principal: Satang }[];
  repayments: {
    date: IsoDate;
    principal: Satang;
    interest: Satang;
    fine: Satang;
    row: number | null;
    errors: string[];
  }[];
  repaid: Satang;
  outstanding: Satang;
  days_overdue: number;
  /** Interest for the next month on what is outstanding. */
  next_interest: Satang;
  /**
   * What the member owes on the passbook's date: the principal of instalments due and not yet
   * repaid, how many instalments that is, and the interest charged at each due date (on the
   * principal then outstanding) less the interest paid. All zero for a loan on schedule.
   */
  owed_today: { instalments: number; principal: Satang; interest: Satang };
  /** The first instalment due after the passbook's date (never a date in the past), or null when none is left. */
  next_due: { date: IsoDate; principal: Satang } | null;
}

/** The passbook's year page: a fiscal year that was shared out at the annual meeting. */
export interface PassbookYear {
  fiscal_year: number;
  to: IsoDate;
  /** Savings of each product at the year's last day. */
  savings_by_product: Record<string, Satang>;
  dividend: Satang;
  interest_refund: Satang;
  /** Welfare benefits received in the year. */
  welfare_received: Satang;
}

/** A member's statement: the paper passbook members trust, from the journal. */
export interface Passbook {
  group_id: string;
  member_id: string;
  name: string | null;
  as_of: IsoDate;
  savings: PassbookLine[];
  savings_balance: Satang;
  /** The balance of each product the member holds (sajja, shares, voluntary, child). */
  savings_by_product: Record<string, Satang>;
  /** A page a fiscal year shared out (SPEC §13): savings by product at its end, the shares received. */
  years: PassbookYear[];
  welfare: { contributed: Satang; received: Satang };
  loans: PassbookLoan[];
  /** The debts the member's loans bought out (SPEC §14): what the lender claimed, what the group paid. */
  buyouts: BuyoutFigures[];
  /** The member's rows left out of the books until their errors are fixed. */
  left_out: RowRef[];
}

/**
 * What a loan's member owes on a day, and the next instalment after it. Interest is charged at each
 * due date on the principal outstanding then (repayments before it counted); an instalment
 * is owed while the principal repaid by the day falls short of the schedule's principal due.
 */
export function owedOn(
  schedule: { due: IsoDate; principal: Satang }[],
  principal: Satang,
  monthlyRate: number,
  repayments: { date: IsoDate; principal: Satang; interest: Satang }[],
  day: IsoDate,
): Pick<PassbookLoan, 'owed_today' | 'next_due'> {
  const paid = repayments.filter((r) => r.date <= day);
  const repaid = sum(paid.map((r) => r.principal));
  let due = ZERO;
  let scheduled = ZERO;
  let charged = ZERO;
  let instalments = 0;
  let next: PassbookLoan['next_due'] = null;
  for (const instalment of schedule) {
    scheduled = plus(scheduled, instalment.principal);
    if (instalment.due > day) {
      // the next instalment: the first one after the day not already paid ahead
      const left = minus(scheduled, larger(repaid, due));
      if (next === null && left > 0)
        next = { date: instalment.due, principal: smaller(left, instalment.principal) };
      continue;
    }
    // a month's interest is on the principal outstanding during it: repaid before its due date
    const before = sum(paid.filter((r) => r.date < instalment.due).map((r) => r.principal));
    charged = plus(charged, monthlyInterest(larger(ZERO, minus(principal, before)), monthlyRate));
    due = plus(due, instalment.principal);
    if (due > repaid) instalments++;
  }
  const interestPaid = sum(paid.map((r) => r.interest));
  return {
    owed_today: {
      instalments,
      principal: larger(ZERO, minus(due, repaid)),
      interest: larger(ZERO, minus(charged, interestPaid)),
    },
    next_due: next,
  };
}

/** The passbook of one member as of the check date; undefined when the member is unknown. */
export function passbook(checked: CheckedBooks, memberId: string): Passbook | undefined {
  const { book, journal } = checked;
  const memberRow = (book.tables.get('members') ?? []).find((r) => r.values.member_id === memberId);
  if (!memberRow) return undefined;
  const asOf = book.context.asOf;
  const marked = postedErrors(checked);
  const errorsOf = (sheet: string, row: number | null) => marked.get(`${sheet}:${row}`) ?? [];
  const savings: PassbookLine[] = [];
  let balance = ZERO;
  let contributed = ZERO;
  let received = ZERO;
  const byProduct: Record<string, Satang> = {};
  for (const e of journal.entries) {
    if (e.member !== memberId || e.date > asOf) continue;
    const amount = e.amount;
    if (e.kind === 'welfare_contribution') contributed = plus(contributed, amount);
    else if (e.kind === 'welfare_payout') received = plus(received, amount);
    else if (e.kind === 'deposit' || e.kind === 'withdrawal' || e.kind === 'year_share') {
      // the savings account the entry moved, and so its product (a share paid in cash moves none)
      const posting = e.postings.find((p) => isSavings(p.account));
      if (!posting) continue;
      const product = savingsParts(posting.account)!.product;
      const owed = negate(posting.amount);
      balance = plus(balance, owed);
      byProduct[product] = plus(byProduct[product] ?? ZERO, owed);
      savings.push({
        date: e.date,
        kind: e.kind,
        product,
        amount,
        balance,
        sheet: e.sheet,
        row: e.row,
        errors: errorsOf(e.sheet, e.row),
      });
    }
  }
  const loans: PassbookLoan[] = [];
  for (const { record: loan } of book.tables.get('loans') ?? []) {
    if (!loan || loan.member_id !== memberId) continue;
    const repayments = journal.entries
      .filter((e) => e.kind === 'repayment' && e.loan === loan.loan_id && e.date <= asOf)
      .map((e) => {
        const part = (prefix: string) =>
          negate(e.postings.find((p) => p.account.startsWith(prefix))?.amount ?? ZERO);
        return {
          date: e.date,
          principal: part('loan:'),
          interest: part('income:interest'),
          fine: part('income:fines'),
          row: e.row,
          errors: errorsOf(e.sheet, e.row),
        };
      });
    const repaid = sum(repayments.map((r) => r.principal));
    const schedule = loanSchedule(loan);
    const status = loanStatus(schedule, loan.principal, repaid, asOf);
    loans.push({
      ...owedOn(schedule, loan.principal, loan.monthly_rate, repayments, asOf),
      loan_id: loan.loan_id,
      disbursed_on: loan.disbursed_on,
      principal: loan.principal,
      monthly_rate: loan.monthly_rate,
      term_months: loan.term_months,
      schedule,
      repayments,
      repaid,
      outstanding: status.outstanding,
      days_overdue: status.daysOverdue,
      next_interest: monthlyInterest(status.outstanding, loan.monthly_rate),
    });
  }
  const member = memberRow.record;
  return {
    group_id: book.settings.group_id,
    member_id: memberId,
    name: member?.name ?? (typeof memberRow.values.name === 'string' ? memberRow.values.name : null),
    as_of: asOf,
    savings,
    savings_balance: balance,
    savings_by_product: byProduct,
    years: yearPages(checked, memberId),
    welfare: { contributed, received },
    loans,
    buyouts: buyoutFigures(book).filter((b) => b.member_id === memberId && b.date <= asOf),
    left_out: leftOutOf(checked, memberId),
  };
}

/** The member's savings, welfare, loan and repayment rows left out of the books. */
function leftOutOf(checked: CheckedBooks, memberId: string): RowRef[] {
  const { book } = checked;
  const loansOfMember = new Set<string>();
  for (const { values } of book.tables.get('loans') ?? [])
    if (values.member_id === memberId && typeof values.loan_id === 'string')
      loansOfMember.add(values.loan_id);
  const left = new Set(checked.result.books.left_out.map((r) => `${r.sheet}:${r.row}`));
  const out: RowRef[] = [];
  for (const sheet of ['savings', 'welfare', 'loans', 'repayments'] as const) {
    for (const { row, values } of book.tables.get(sheet) ?? []) {
      if (!left.has(`${sheet}:${row}`)) continue;
      const mine =
        sheet === 'repayments'
          ? typeof values.loan_id === 'string' && loansOfMember.has(values.loan_id)
          : values.member_id === memberId;
      if (mine) out.push({ sheet, row });
    }
  }
  return out;
}

/** The member's year pages: each fiscal year with year-end rows for them, as of its last day. */
function yearPages(checked: CheckedBooks, memberId: string): PassbookYear[] {
  const years = new Map<number, { dividend: Satang; interest_refund: Satang }>();
  for (const { record } of checked.book.tables.get('year_end') ?? []) {
    if (!record || record.member_id !== memberId) continue;
    const held = years.get(record.fiscal_year) ?? { dividend: ZERO, interest_refund: ZERO };
    years.set(record.fiscal_year, {
      dividend: plus(held.dividend, record.dividend),
      interest_refund: plus(held.interest_refund, record.interest_refund),
    });
  }
  return [...years]
    .sort(([a], [b]) => a - b)
    .map(([fiscal_year, shares]) => {
      const { from, to } = fiscalYear(checked.book.rules, fiscal_year);
      const savings: Record<string, Satang> = {};
      let welfare = ZERO;
      for (const e of checked.journal.entries) {
        if (e.date > to) break;
        if (e.member !== memberId) continue;
        if (e.kind === 'welfare_payout' && e.date >= from) welfare = plus(welfare, e.amount);
        for (const p of e.postings) {
          const parts = savingsParts(p.account);
          if (parts?.member === memberId)
            savings[parts.product] = plus(savings[parts.product] ?? ZERO, negate(p.amount));
        }
      }
      return { fiscal_year, to, savings_by_product: savings, ...shares, welfare_received: welfare };
    });
}
