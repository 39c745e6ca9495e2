import type { IsoDate } from '../calendar.ts';
import { monthBounds } from '../calendar.ts';
import { recordsOf } from '../check/book.ts';
import * as accounts from '../ledger/accounts.ts';
import { BANK, CASH, FINES, INTEREST, WELFARE_FUND } from '../ledger/accounts.ts';
import { sumWhere } from '../ledger/balances.ts';
import { buyoutFigures, type DebtRelief, debtRelief } from '../ledger/buyouts.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import { OVERDUE_DAYS } from '../ledger/ledger-checks.ts';
import { loanSchedule, loanStatus } from '../ledger/loan-schedule.ts';
import { type WelfareHealth, welfareHealth } from '../ledger/welfare-rules.ts';
import { monthFindings } from '../model/month-rows.ts';
import type { DataTabKey, Debt, Member } from '../model/records.ts';
import { minus, plus, type Satang, sum, ZERO } from '../money.ts';
import {
  measureScores,
  type ScoreWeights,
  type SubgroupMeasures,
  scoreOf,
  subgroupMeasures,
} from './scorecard.ts';

/** SPEC §6: one group's month, every money figure in integer satang. */
export interface MonthlySummary {
  group_id: string;
  month: string;
  balances: {
    cash: { opening: Satang; closing: Satang };
    bank: { opening: Satang; closing: Satang };
    in_transit: Satang;
  };
  savings: {
    deposits: Satang;
    withdrawals: Satang;
    balance: Satang;
    /** The balance of each savings product at the month's end (SPEC §13): `{sajja}` for a book without products. */
    by_product: Record<string, Satang>;
    members_saving: number;
  };
  loans: {
    disbursed: Satang;
    principal_repaid: Satang;
    interest_received: Satang;
    fines_received: Satang;
    outstanding: Satang;
    active_loans: number;
    overdue_loans: number;
    par30: Satang;
    par30_ratio: number;
  };
  welfare: {
    contributions: Satang;
    payouts: Satang;
    fund_balance: Satang;
    /** Money matched by the state or the local authority in the month (SPEC §14). */
    matching: Satang;
  };
  /** The welfare fund's health at the month's end (SPEC §14). */
  welfare_health: WelfareHealth;
  /** Debts bought out to the month's end, and what they achieved (SPEC §14). */
  debt_relief: DebtRelief;
  other: { income: Satang; expense: Satang };
  members: { active: number; joined: number; left: number };
  households: {
    reporting: number;
    income: Satang;
    expense: Satang;
    by_category: Record<string, Satang>;
    total_debt: Satang;
    informal_debt: Satang;
    debt_change: Satang;
  };
  subgroups: {
    subgroup_id: string;
    collected: Satang;
    remitted: Satang;
    in_transit: Satang;
    member_savings: Satang;
    /** The scorecard's score 0–100 by the bylaws' weights (SPEC §15); null when no measure has data. */
    score: number | null;
    /** The five measures the score is made of, each null when the month gives it no data. */
    measures: SubgroupMeasures;
  }[];
  /** Findings of the month: on its rows, or about it (a missing count), as of the check date. */
  checks: { errors: number; warnings: number };
  /** Findings of the whole book as of the check date (what `sajja check` counts). */
  book_checks: { errors: number; warnings: number };
}

/** What the group owes on a credit-balance account, as a positive figure (never −0). */
const owed = (balance: Satang): Satang => minus(ZERO, balance);

const records = <K extends DataTabKey>(checked: CheckedBooks, tab: K) => recordsOf(checked.book, tab);

/** Money that moved in the month, gathered in one pass over the journal. */
interface Flows {
  deposits: Satang;
  withdrawals: Satang;
  savers: Set<string>;
  disbursed: Satang;
  principalRepaid: Satang;
  interest: Satang;
  fines: Satang;
  contributions: Satang;
  matching: Satang;
  payouts: Satang;
  otherIncome: Satang;
  otherExpense: Satang;
  collected: Map<string, Satang>;
  remitted: Map<string, Satang>;
}

/**
 * Summarises a month of a checked book (SPEC §6). Flows count entries dated in the month;
 * balances are at the end of the month's last day (opening: the end of the day before, with the
 * opening balances brought forward into the month the books open in). One pass over the journal.
 */
export function summariseMonth(checked: CheckedBooks, month: string): MonthlySummary {
  const { book, journal } = checked;
  const { first, last } = monthBounds(month);
  const before = new Map<string, Satang>();
  const after = new Map<string, Satang>();
  const repaidByLoan = new Map<string, Satang>();
  const f: Flows = {
    deposits: ZERO,
    withdrawals: ZERO,
    savers: new Set(),
    disbursed: ZERO,
    principalRepaid: ZERO,
    interest: ZERO,
    fines: ZERO,
    contributions: ZERO,
    matching: ZERO,
    payouts: ZERO,
    otherIncome: ZERO,
    otherExpense: ZERO,
    collected: new Map(),
    remitted: new Map(),
  };
  const add = (map: Map<string, Satang>, key: string, amount: Satang) =>
    map.set(key, plus(map.get(key) ?? ZERO, amount));
  for (const e of journal.entries) {
    if (e.date > last) break;
    const earlier = e.date < first || e.kind === 'opening';
    for (const { account, amount } of e.postings) {
      add(after, account, amount);
      if (earlier) add(before, account, amount);
    }
    const amount = e.amount;
    let principal = ZERO;
    if (e.kind === 'repayment') {
      for (const p of e.postings)
        if (accounts.inFamily(p.account, 'loan')) principal = minus(principal, p.amount);
      add(repaidByLoan, e.loan!, principal);
    }
    if (earlier) continue;
    switch (e.kind) {
      case 'deposit':
        f.deposits = plus(f.deposits, amount);
        f.savers.add(e.member!);
        if (e.subgroup !== undefined) add(f.collected, e.subgroup, amount);
        break;
      case 'withdrawal':
        f.withdrawals = plus(f.withdrawals, amount);
        break;
      case 'remittance':
        add(f.remitted, e.subgroup!, amount);
        break;
      case 'loan':
        f.disbursed = plus(f.disbursed, amount);
        break;
      case 'repayment':
        f.principalRepaid = plus(f.principalRepaid, principal);
        for (const p of e.postings) {
          if (p.account === INTEREST) f.interest = minus(f.interest, p.amount);
          if (p.account === FINES) f.fines = minus(f.fines, p.amount);
        }
        break;
      case 'welfare_contribution':
        f.contributions = plus(f.contributions, amount);
        break;
      case 'welfare_matching':
        f.matching = plus(f.matching, amount);
        break;
      case 'welfare_payout':
        f.payouts = plus(f.payouts, amount);
        break;
      case 'other_income':
        f.otherIncome = plus(f.otherIncome, amount);
        break;
      case 'other_expense':
        f.otherExpense = plus(f.otherExpense, amount);
        break;
    }
  }

  const subgroupIds = records(checked, 'subgroups').map((s) => s.subgroup_id);

  const measures = subgroupMeasures(checked, month, repaidByLoan);
  const memberSavings = new Map<string, Satang>();
  for (const [member, subgroup] of journal.subgroupOf) {
    if (!subgroupIds.includes(subgroup)) subgroupIds.push(subgroup);
    add(memberSavings, subgroup, owed(after.get(accounts.savings(member)) ?? ZERO));
  }

  return {
    group_id: book.settings.group_id,
    month,
    balances: {
      cash: { opening: before.get(CASH) ?? ZERO, closing: after.get(CASH) ?? ZERO },
      bank: { opening: before.get(BANK) ?? ZERO, closing: after.get(BANK) ?? ZERO },
      in_transit: sumWhere(after, (a) => accounts.inFamily(a, 'transit')),
    },
    savings: {
      deposits: f.deposits,
      withdrawals: f.withdrawals,
      balance: owed(sumWhere(after, accounts.isSavings)),
      by_product: byProduct(after),
      members_saving: f.savers.size,
    },
    loans: {
      disbursed: f.disbursed,
      principal_repaid: f.principalRepaid,
      interest_received: f.interest,
      fines_received: f.fines,
      ...loanFigures(checked, repaidByLoan, last),
    },
    welfare: {
      contributions: f.contributions,
      payouts: f.payouts,
      fund_balance: owed(after.get(WELFARE_FUND) ?? ZERO),
      matching: f.matching,
    },
    welfare_health: welfareHealth(book, journal, last),
    debt_relief: debtRelief(book, buyoutFigures(book), last),
    other: { income: f.otherIncome, expense: f.otherExpense },
    members: memberFigures(records(checked, 'members'), first, last),
    households: householdFigures(checked, first, last),
    subgroups: subgroupIds.sort().map((subgroup_id) => ({
      subgroup_id,
      collected: f.collected.get(subgroup_id) ?? ZERO,
      remitted: f.remitted.get(subgroup_id) ?? ZERO,
      in_transit: after.get(accounts.transit(subgroup_id)) ?? ZERO,
      member_savings: memberSavings.get(subgroup_id) ?? ZERO,
      score: scoreOfSubgroup(
        measures.get(subgroup_id),
        book.settings.remit_within_days,
        book.rules.score_weights,
      ),
      measures: measuresOf(measures.get(subgroup_id)),
    })),
    checks: countOf(monthFindings(book.tables, checked.findings, month)),
    book_checks: { errors: checked.result.counts.error, warnings: checked.result.counts.warning },
  };
}

function countOf(findings: { severity: string }[]) {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}

function loanFigures(checked: CheckedBooks, repaid: Map<string, Satang>, last: IsoDate) {
  let outstanding = ZERO;
  let active = 0;
  let overdue = 0;
  let par30 = ZERO;
  for (const loan of records(checked, 'loans')) {
    if (loan.disbursed_on > last) continue;
    const status = loanStatus(loanSchedule(loan), loan.principal, repaid.get(loan.loan_id) ?? ZERO, last);
    if (status.outstanding <= 0) continue;
    outstanding = plus(outstanding, status.outstanding);
    active++;
    if (status.repaid < status.due) overdue++;
    if (status.daysOverdue > OVERDUE_DAYS) par30 = plus(par30, status.outstanding);
  }
  return {
    outstanding,
    active_loans: active,
    overdue_loans: overdue,
    par30,
    par30_ratio: outstanding === 0 ? 0 : Math.round((par30 / outstanding) * 10_000) / 10_000,
  };
}

function memberFigures(members: Member[], first: IsoDate, last: IsoDate) {
  let active = 0;
  let joined = 0;
  let left = 0;
  for (const m of members) {
    if (m.joined_on >= first && m.joined_on <= last) joined++;
    if (m.left_on !== undefined && m.left_on >= first && m.left_on <= last) left++;
    const gone = m.status !== 'active' && (m.left_on === undefined || m.left_on <= last);
    if (m.joined_on <= last && !gone) active++;
  }
  return { active, joined, left };
}

function householdFigures(checked: CheckedBooks, first: IsoDate, last: IsoDate) {
  const entries = records(checked, 'household_accounts').filter((e) => e.date >= first && e.date <= last);
  // a Map: a category is text people typed (`constructor`, `__proto__` are categories too)
  const byCategory = new Map<string, Satang>();
  let income = ZERO;
  let expense = ZERO;
  for (const e of entries) {
    if (e.type === 'income') income = plus(income, e.amount);
    else {
      expense = plus(expense, e.amount);
      byCategory.set(e.category, plus(byCategory.get(e.category) ?? ZERO, e.amount));
    }
  }
  const debts = debtPosition(records(checked, 'debt_survey'), last);
  return {
    reporting: new Set(entries.map((e) => e.household_id)).size,
    income,
    expense,
    // Object.fromEntries defines own properties: a `__proto__` category is an ordinary key
    by_category: Object.fromEntries([...byCategory].sort(([a], [b]) => (a < b ? -1 : 1))),
    ...debts,
  };
}

/**
 * Debt from each household's latest survey on or before `day` (a survey is every row of one
 * household on one survey date), and the change since each household's survey before that.
 */
export function debtPosition(debts: Debt[], day: IsoDate) {
  const byHousehold = new Map<string, Map<IsoDate, Debt[]>>();
  for (const d of debts) {
    if (d.survey_date > day) continue;
    const surveys = byHousehold.get(d.household_id) ?? new Map<IsoDate, Debt[]>();
    surveys.set(d.survey_date, [...(surveys.get(d.survey_date) ?? []), d]);
    byHousehold.set(d.household_id, surveys);
  }
  let total = ZERO;
  let informal = ZERO;
  let change = ZERO;
  for (const surveys of byHousehold.values()) {
    const dates = [...surveys.keys()].sort();
    const latest = surveys.get(dates[dates.length - 1]!)!;
    const owedOn = (rows: Debt[]) => sum(rows.map((d) => d.outstanding));
    total = plus(total, owedOn(latest));
    informal = plus(informal, owedOn(latest.filter((d) => d.creditor_type === 'informal')));
    if (dates.length > 1)
      change = plus(change, minus(owedOn(latest), owedOn(surveys.get(dates[dates.length - 2]!)!)));
  }
  return { total_debt: total, informal_debt: informal, debt_change: change };
}

/** A sub-group's measures as the summary holds them (no data: every measure null). */
function measuresOf(m: (SubgroupMeasures & { debt_before: Satang | null }) | undefined): SubgroupMeasures {
  return {
    remit_days_mean: m?.remit_days_mean ?? null,
    remit_days_worst: m?.remit_days_worst ?? null,
    pledge_share: m?.pledge_share ?? null,
    par30_ratio: m?.par30_ratio ?? null,
    books_share: m?.books_share ?? null,
    informal_debt_change: m?.informal_debt_change ?? null,
  };
}

function scoreOfSubgroup(
  m: ReturnType<typeof subgroupMeasures> extends Map<string, infer V> ? V | undefined : never,
  remitWithinDays: number,
  weights: ScoreWeights,
): number | null {
  return m ? scoreOf(measureScores(m, remitWithinDays, m.debt_before), weights) : null;
}

/** Each product's savings at the month's end, in product order (sajja always there). */
function byProduct(after: ReadonlyMap<string, Satang>): Record<string, Satang> {
  const totals = new Map<string, Satang>([['sajja', ZERO]]);
  for (const [account, amount] of after) {
    const parts = accounts.savingsParts(account);
    if (parts) totals.set(parts.product, plus(totals.get(parts.product) ?? ZERO, amount));
  }
  return Object.fromEntries(
    accounts.PRODUCTS.filter((p) => totals.has(p)).map((p) => [p, owed(totals.get(p)!)]),
  );
}
