import { addDays, addMonths, daysBetween, type IsoDate } from '../calendar.ts';
import { recordsOf } from '../check/book.ts';
import * as acct from '../ledger/accounts.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import { loanSchedule, loanStatus } from '../ledger/loan-schedule.ts';
import { fiscalYear, mulDiv, poolsOf, yearProfit } from '../ledger/year-close.ts';
import { microPercent, POOLS, type Pool, type Product, type Rules } from '../model/rules.ts';
import { minus, plus, type Satang, satang, sum, ZERO } from '../money.ts';

/** The three ways a dividend can weigh a member's savings (SPEC §13). */
export const METHODS = ['daily', 'month_end', 'full_month'] as const;
export type Method = (typeof METHODS)[number];

/** Why a member shares in nothing, or not in the refund. */
export type Exclusion = 'left' | 'overdue' | null;

/** One member's year, money in satang (SPEC §13's JSON). */
export interface YearMember {
  member_id: string;
  excluded: Exclusion;
  average_balance: Record<Method, Satang>;
  dividend: Record<Method, Satang>;
  interest_paid: Satang;
  interest_refund: Satang;
}

/** The year-end of SPEC §13, exactly its JSON shape (money in satang). */
export interface YearEnd {
  group_id: string;
  fiscal_year: number;
  from: IsoDate;
  to: IsoDate;
  profit: { interest: Satang; fines: Satang; other_income: Satang; other_expense: Satang; net: Satang };
  pools: Record<Pool, Satang>;
  method: Method;
  /** The chosen method's dividend: pool ÷ Σ average balances × 100, percent a year (two decimals). */
  dividend_rate: number;
  members: YearMember[];
  totals: { dividend: Satang; interest_refund: Satang };
}

export { fiscalYear };

/** Rounded down to the bylaws' unit: a satang, or a whole baht. */
const roundDown = (amount: number, to: Rules['round_to']): Satang =>
  satang(to === 'baht' ? Math.floor(amount / 100) * 100 : amount);

/**
 * The year's figures (SPEC §13): the net profit (interest, fines, other income less other
 * expense, dated in the year; welfare is never profit), its pools by the bylaws' allocation
 * (each rounded down, the remainder to reserve), the dividend under the three methods and the
 * interest refund, each member's amount ⌊pool × Sᵢ ÷ ΣS⌋ in exact integers rounded down to
 * `round_to`, every remainder to reserve — so the pools and the members' amounts add up to the net
 * profit to the satang. Only members active at the year's end share; a member any of whose loans
 * was more than `refund_excludes_overdue_days` overdue at any time in the year gets no refund.
 */
export function yearEnd(checked: Pick<CheckedBooks, 'book' | 'journal'>, year: number): YearEnd {
  const { book } = checked;
  const rules = book.rules;
  const { year: fiscal_year, from, to } = fiscalYear(rules, year);
  const days = daysBetween(from, to) + 1;

  // the year's profit, from what its entries posted (the year-end's own entries aside)
  const { interest, fines, other_income, other_expense, net } = yearProfit(checked.journal.entries, from, to);

  // who shares: members active at the year's end; the refund also leaves out the overdue
  const members = recordsOf(book, 'members').filter((m) => m.joined_on <= to);
  const activeAtEnd = (m: (typeof members)[number]) =>
    m.left_on !== undefined ? m.left_on > to : m.status === 'active';
  const overdue = overdueMembers(checked, from, to, rules.refund_excludes_overdue_days);
  const interestPaid = interestByMember(checked, from, to);

  // the weights: end-of-day balances of the products the dividend is on, while a member
  const weights = balanceWeights(checked, members, rules.dividend_on, from, to, days);

  // the pools: each rounded down; what is left of the profit is the reserve's
  const pools = poolsOf(net, rules);
  const sharing = members.filter(activeAtEnd);
  const byMethod = Object.fromEntries(
    METHODS.map((method) => {
      const divisor = method === 'daily' ? days : 12;
      const total = sharing.reduce((s, m) => s + (weights.get(m.member_id)?.[method] ?? 0), 0);
      let pool = pools.dividend;
      // a capped rate: the pool cut to it, the rest to reserve
      if (rules.dividend_max_rate !== undefined) {
        const cap = mulDiv(total, microPercent(rules.dividend_max_rate), divisor * microPercent(100));
        if (pool > cap) pool = satang(cap);
      }
      const amounts = new Map<string, Satang>();
      if (total > 0)
        for (const m of sharing)
          amounts.set(
            m.member_id,
            roundDown(mulDiv(pool, weights.get(m.member_id)?.[method] ?? 0, total), rules.round_to),
          );
      const rate = total > 0 ? Number(((pool * divisor * 100) / total).toFixed(2)) : 0;
      return [method, { pool, amounts, rate, paid: total > 0 ? sum(amounts.values()) : ZERO }];
    }),
  ) as Record<Method, { pool: Satang; amounts: Map<string, Satang>; rate: number; paid: Satang }>;

  const eligible = sharing.filter((m) => !overdue.has(m.member_id));
  const refundBase = eligible.reduce((s, m) => s + (interestPaid.get(m.member_id) ?? 0), 0);
  const refunds = new Map<string, Satang>();
  if (refundBase > 0)
    for (const m of eligible)
      refunds.set(
        m.member_id,
        roundDown(
          mulDiv(pools.interest_refund, interestPaid.get(m.member_id) ?? 0, refundBase),
          rules.round_to,
        ),
      );
  const refundPaid = sum(refunds.values());

  const chosen = byMethod[rules.dividend_method];
  // what is not handed out goes to reserve: the pools' rounding, the cap, every member's remainder
  const paidOut = sum(
    POOLS.filter((p) => p !== 'reserve' && p !== 'dividend' && p !== 'interest_refund').map((p) => pools[p]),
  );
  const final = { ...pools, dividend: chosen.paid, interest_refund: refundPaid };
  final.reserve = net > 0 ? minus(minus(minus(net, paidOut), chosen.paid), refundPaid) : ZERO;

  const list: YearMember[] = members.map((m) => {
    const excluded: Exclusion = !activeAtEnd(m) ? 'left' : overdue.has(m.member_id) ? 'overdue' : null;
    const w = weights.get(m.member_id);
    return {
      member_id: m.member_id,
      excluded,
      average_balance: {
        daily: satang(Math.floor((w?.daily ?? 0) / days)),
        month_end: satang(Math.floor((w?.month_end ?? 0) / 12)),
        full_month: satang(Math.floor((w?.full_month ?? 0) / 12)),
      },
      dividend: {
        daily: byMethod.daily.amounts.get(m.member_id) ?? ZERO,
        month_end: byMethod.month_end.amounts.get(m.member_id) ?? ZERO,
        full_month: byMethod.full_month.amounts.get(m.member_id) ?? ZERO,
      },
      interest_paid: interestPaid.get(m.member_id) ?? ZERO,
      interest_refund: refunds.get(m.member_id) ?? ZERO,
    };
  });

  return {
    group_id: book.settings.group_id,
    fiscal_year,
    from,
    to,
    profit: { interest, fines, other_income, other_expense, net },
    pools: final,
    method: rules.dividend_method,
    dividend_rate: chosen.rate,
    members: list,
    totals: { dividend: chosen.paid, interest_refund: refundPaid },
  };
}

/** Interest each member paid on their loans in the year (satang). */
function interestByMember(
  checked: Pick<CheckedBooks, 'book'>,
  from: IsoDate,
  to: IsoDate,
): Map<string, Satang> {
  const owner = new Map(recordsOf(checked.book, 'loans').map((l) => [l.loan_id, l.member_id]));
  const out = new Map<string, Satang>();
  for (const r of recordsOf(checked.book, 'repayments')) {
    const member = owner.get(r.loan_id);
    if (member === undefined || r.date < from || r.date > to) continue;
    out.set(member, plus(out.get(member) ?? ZERO, r.interest));
  }
  return out;
}

/**
 * Members any of whose loans was more than `limit` days overdue on some day of the year. Between
 * two repayments the days overdue only grow, so the most is on the day before each repayment and
 * on the year's last day.
 */
function overdueMembers(
  checked: Pick<CheckedBooks, 'book'>,
  from: IsoDate,
  to: IsoDate,
  limit: number,
): Set<string> {
  const repayments = new Map<string, { date: IsoDate; principal: Satang }[]>();
  for (const r of recordsOf(checked.book, 'repayments'))
    repayments.set(r.loan_id, [
      ...(repayments.get(r.loan_id) ?? []),
      { date: r.date, principal: r.principal },
    ]);
  const out = new Set<string>();
  for (const loan of recordsOf(checked.book, 'loans')) {
    if (loan.disbursed_on > to) continue;
    const schedule = loanSchedule(loan);
    const paid = (repayments.get(loan.loan_id) ?? []).sort((a, b) => (a.date < b.date ? -1 : 1));
    const days = [...paid.map((p) => addDays(p.date, -1)), to].filter((d) => d >= from && d <= to);
    const worst = days.reduce((most, day) => {
      const repaid = sum(paid.filter((p) => p.date <= day).map((p) => p.principal));
      return Math.max(most, loanStatus(schedule, loan.principal, repaid, day).daysOverdue);
    }, 0);
    if (worst > limit) out.add(loan.member_id);
  }
  return out;
}

/**
 * Each member's Sᵢ under the three methods, in satang: `daily` Σ of the year's end-of-day balances,
 * `month_end` Σ of the 12 period-end balances, `full_month` Σ of each period's lowest end-of-day
 * balance — over the products the dividend is on, a day before joining or after leaving counting 0.
 */
function balanceWeights(
  checked: Pick<CheckedBooks, 'journal'>,
  members: { member_id: string; joined_on: IsoDate; left_on?: IsoDate }[],
  products: readonly Product[],
  from: IsoDate,
  to: IsoDate,
  days: number,
): Map<string, Record<Method, number>> {
  const accounts = new Map<string, string>();
  for (const m of members)
    for (const p of products) accounts.set(acct.savingsOf(m.member_id, p), m.member_id);
  const opening = new Map<string, number>();
  const change = new Map<string, number[]>();
  for (const entry of checked.journal.entries) {
    if (entry.date > to) break;
    for (const posting of entry.postings) {
      const member = accounts.get(posting.account);
      if (member === undefined) continue;
      // owed to the member: a credit, negative in the journal
      const owed = -posting.amount;
      if (entry.date < from) opening.set(member, (opening.get(member) ?? 0) + owed);
      else {
        const list = change.get(member) ?? new Array<number>(days).fill(0);
        list[daysBetween(from, entry.date)]! += owed;
        change.set(member, list);
      }
    }
  }
  // the end of each of the 12 periods, as a day index (the same day of the month as the year's end)
  const periodEnds = Array.from({ length: 12 }, (_, k) => daysBetween(from, addMonths(to, k - 11)));
  const out = new Map<string, Record<Method, number>>();
  for (const m of members) {
    const first = Math.max(0, daysBetween(from, m.joined_on));
    const last = m.left_on === undefined ? days : Math.min(days, daysBetween(from, m.left_on));
    const deltas = change.get(m.member_id);
    let balance = opening.get(m.member_id) ?? 0;
    let daily = 0;
    let monthEnd = 0;
    let fullMonth = 0;
    let lowest = Number.POSITIVE_INFINITY;
    let period = 0;
    for (let d = 0; d < days; d++) {
      balance += deltas?.[d] ?? 0;
      const held = d >= first && d < last ? Math.max(0, balance) : 0;
      daily += held;
      lowest = Math.min(lowest, held);
      if (d === periodEnds[period]) {
        monthEnd += held;
        fullMonth += lowest;
        lowest = Number.POSITIVE_INFINITY;
        period++;
      }
    }
    out.set(m.member_id, { daily, month_end: monthEnd, full_month: fullMonth });
  }
  return out;
}

/** A fiscal year as typed (`2569`, `2026`, Thai digits `๒๕๖๙`): the number, or undefined. */
export function parseYearText(text: string): number | undefined {
  const digits = text.trim().replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  if (!/^\d{4}$/.test(digits)) return undefined;
  const year = Number(digits);
  return year >= 1900 && year <= 3100 ? year : undefined;
}
