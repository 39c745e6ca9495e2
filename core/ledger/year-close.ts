import { addDays, addMonths, type IsoDate } from '../calendar.ts';
import type { Book } from '../check/book.ts';
import { microPercent, POOLS, type Pool, type Rules } from '../model/rules.ts';
import { minus, negate, plus, type Satang, satang, ZERO } from '../money.ts';
import * as acct from './accounts.ts';
import type { Entry, Posting } from './entry.ts';

/** The fiscal year Y: the 12 months ending on `fiscal_year_end` in Y (Y in either calendar: 2569 is 2026). */
export function fiscalYear(
  rules: Pick<Rules, 'fiscal_year_end'>,
  year: number,
): { year: number; from: IsoDate; to: IsoDate } {
  const y = year > 2400 ? year - 543 : year;
  const to = `${String(y).padStart(4, '0')}-${rules.fiscal_year_end}` as IsoDate;
  return { year: y, from: addDays(addMonths(to, -12), 1), to };
}

/** A year's profit and loss, from the income and expense its entries posted (satang). */
export interface YearProfit {
  interest: Satang;
  fines: Satang;
  other_income: Satang;
  other_expense: Satang;
  net: Satang;
  /** Each income and expense account's amount in the year, as the journal holds it (credit negative). */
  accounts: Map<string, Satang>;
}

/**
 * The year's profit from the journal: interest, fines, other income less other expense posted by
 * entries dated in the year (never welfare: the fund is not profit; never a year-end's own entries).
 */
export function yearProfit(entries: readonly Entry[], from: IsoDate, to: IsoDate): YearProfit {
  const accounts = new Map<string, Satang>();
  for (const entry of entries) {
    if (entry.date < from || entry.date > to || entry.kind === 'year_close' || entry.kind === 'year_share')
      continue;
    for (const { account, amount } of entry.postings)
      if (acct.inFamily(account, 'income') || acct.inFamily(account, 'expense'))
        accounts.set(account, plus(accounts.get(account) ?? ZERO, amount));
  }
  let other_income = ZERO;
  let other_expense = ZERO;
  for (const [account, amount] of accounts)
    if (acct.inFamily(account, 'expense')) other_expense = plus(other_expense, amount);
    else if (account !== acct.INTEREST && account !== acct.FINES) other_income = minus(other_income, amount);
  const interest = negate(accounts.get(acct.INTEREST) ?? ZERO);
  const fines = negate(accounts.get(acct.FINES) ?? ZERO);
  return {
    interest,
    fines,
    other_income,
    other_expense,
    net: minus(plus(plus(interest, fines), other_income), other_expense),
    accounts,
  };
}

/** ⌊a × b ÷ c⌋ in exact integer arithmetic (the product may pass 2⁵³). */
export const mulDiv = (a: number, b: number, c: number): number =>
  c === 0 ? 0 : Number((BigInt(a) * BigInt(b)) / BigInt(c));

/** The pools of a net profit by the bylaws' allocation, each rounded down, the reserve 0 here (it takes the rest). */
export function poolsOf(net: Satang, rules: Rules): Record<Pool, Satang> {
  const pools = Object.fromEntries(POOLS.map((p) => [p, ZERO])) as Record<Pool, Satang>;
  if (net > 0 && rules.allocated)
    for (const pool of POOLS)
      if (pool !== 'reserve')
        pools[pool] = satang(mulDiv(net, microPercent(rules.allocation[pool]), microPercent(100)));
  return pools;
}

/** The funds a year-end allocates to (the dividend and refund go to members; the reserve is equity). */
const FUND_POOLS = ['welfare', 'committee', 'public_benefit', 'education', 'other'] as const;

/**
 * The year-end's own entries, one a fiscal year with rows in the `year_end` tab, dated on the
 * first of its rows (the meeting's decision: a month already closed is never touched): the year's
 * income and expense accounts closed into `equity:profit:<Y>`, then the pools the bylaws give
 * credited to their funds (`fund:welfare`, `fund:committee` …) and what is left after the members'
 * rows to `equity:reserve`. With the members' rows (Dr `equity:profit:<Y>`) the year's profit
 * account ends at zero.
 */
export function yearCloseEntries(book: Book, entries: readonly Entry[]): Entry[] {
  const years = new Map<number, { date: IsoDate; row: number; shared: Satang }>();
  for (const { row, record } of book.tables.get('year_end') ?? []) {
    if (!record) continue;
    const held = years.get(record.fiscal_year);
    const shared = plus(held?.shared ?? ZERO, plus(record.dividend, record.interest_refund));
    const first = !held || record.date < held.date;
    years.set(record.fiscal_year, {
      date: first ? record.date : held!.date,
      row: first ? row : held!.row,
      shared,
    });
  }
  const out: Entry[] = [];
  for (const [year, { date, row, shared }] of years) {
    const { from, to } = fiscalYear(book.rules, year);
    const profit = yearProfit(entries, from, to);
    const profitAccount = acct.yearProfit(year);
    const postings: Posting[] = [];
    // closing: each income and expense account back to zero for the year, the net into its profit
    for (const [account, amount] of profit.accounts)
      if (amount !== 0) postings.push({ account, amount: negate(amount) });
    if (profit.net !== 0) postings.push({ account: profitAccount, amount: negate(profit.net) });
    // the pools: funds by the bylaws, the reserve what is left after the members' shares
    const pools = poolsOf(profit.net, book.rules);
    let toFunds = ZERO;
    for (const pool of FUND_POOLS)
      if (pools[pool] > 0) {
        postings.push({
          account: pool === 'welfare' ? acct.WELFARE_FUND : acct.fund(pool),
          amount: negate(pools[pool]),
        });
        toFunds = plus(toFunds, pools[pool]);
      }
    const reserve = minus(minus(profit.net > 0 ? profit.net : ZERO, toFunds), shared);
    if (reserve !== 0) postings.push({ account: acct.RESERVE, amount: negate(reserve) });
    const allocated = plus(toFunds, reserve);
    if (allocated !== 0) postings.push({ account: profitAccount, amount: allocated });
    if (postings.length === 0) continue;
    let amount = ZERO;
    for (const p of postings) if (p.amount > 0) amount = plus(amount, p.amount);
    out.push({
      date,
      kind: 'year_close',
      sheet: 'year_end',
      row,
      column: null,
      amount,
      postings,
      member: undefined,
      subgroup: undefined,
      loan: undefined,
    });
  }
  return out;
}
