import type { CheckedBooks } from '../jobs/check-books.ts';
import { BANK, CASH, FINES, INTEREST, WELFARE_FUND } from '../ledger/accounts.ts';
import { balancesAt, sumWhere } from '../ledger/balances.ts';
import { addDays, monthBounds } from '../ledger/dates.ts';
import { OVERDUE_DAYS } from '../ledger/ledger-checks.ts';
import { loanSchedule, loanStatus } from '../ledger/loan-schedule.ts';
import type { Debt, HouseholdEntry, Loan, Member } from '../model/records.ts';
import type { IsoDate } from '../parse/date.ts';
import type { Satang } from '../parse/money.ts';

/** SPEC §6: one group's month, every money figure in integer satang. */
export interface MonthlySummary {
  group_id: string;
  month: string;
  balances: {
    cash: { opening: Satang; closing: Satang };
    bank: { opening: Satang; closing: Satang };
    in_transit: Satang;
  };
  savings: { deposits: Satang; withdrawals: Satang; balance: Satang; members_saving: number };
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
  welfare: { contributions: Satang; payouts: Satang; fund_balance: Satang };
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
  }[];
  checks: { errors: number; warnings: number };
}

/** What the group owes on a credit-balance account, as a positive figure (never −0). */
const owed = (balance: Satang): Satang => 0 - balance;

const records = <T>(checked: CheckedBooks, key: string): T[] =>
  (checked.book.tables.get(key as never) ?? []).flatMap((r) => (r.record ? [r.record as T] : []));

/**
 * Summarises a month of a checked book (SPEC §6). Flows count entries dated in the month;
 * balances are at the end of the month's last day (opening: the end of the day before).
 */
export function summariseMonth(checked: CheckedBooks, month: string): MonthlySummary {
  const { book, journal } = checked;
  const { first, last } = monthBounds(month);
  // the opening balances are brought forward into the month the books open in
  const before = balancesAt(journal, addDays(first, -1));
  for (const entry of journal.entries) {
    if (entry.kind !== 'opening' || entry.date < first || entry.date > last) continue;
    for (const { account, amount } of entry.postings)
      before.set(account, (before.get(account) ?? 0) + amount);
  }
  const after = balancesAt(journal, last);
  const inMonth = journal.entries.filter((e) => e.date >= first && e.date <= last);
  const flow = (kind: string, account?: string) =>
    inMonth
      .filter((e) => e.kind === kind)
      .reduce(
        (sum, e) =>
          sum +
          Math.abs(
            account ? (e.postings.find((p) => p.account === account)?.amount ?? 0) : e.postings[0]!.amount,
          ),
        0,
      );

  const deposits = inMonth.filter((e) => e.kind === 'deposit');
  const loans = loanFigures(checked, last);
  const subgroupIds = records<{ subgroup_id: string }>(checked, 'subgroups').map((s) => s.subgroup_id);
  for (const subgroup of journal.subgroupOf.values())
    if (!subgroupIds.includes(subgroup)) subgroupIds.push(subgroup);

  return {
    group_id: book.settings.group_id,
    month,
    balances: {
      cash: { opening: before.get(CASH) ?? 0, closing: after.get(CASH) ?? 0 },
      bank: { opening: before.get(BANK) ?? 0, closing: after.get(BANK) ?? 0 },
      in_transit: sumWhere(after, (a) => a.startsWith('transit:')),
    },
    savings: {
      deposits: deposits.reduce((sum, e) => sum + e.postings[0]!.amount, 0),
      withdrawals: flow('withdrawal'),
      balance: owed(sumWhere(after, (a) => a.startsWith('savings:'))),
      members_saving: new Set(deposits.map((e) => e.member)).size,
    },
    loans: {
      disbursed: flow('loan'),
      principal_repaid: inMonth
        .filter((e) => e.kind === 'repayment')
        .reduce((sum, e) => sum - (e.postings.find((p) => p.account.startsWith('loan:'))?.amount ?? 0), 0),
      interest_received: flow('repayment', INTEREST),
      fines_received: flow('repayment', FINES),
      ...loans,
    },
    welfare: {
      contributions: flow('welfare_contribution'),
      payouts: flow('welfare_payout'),
      fund_balance: owed(after.get(WELFARE_FUND) ?? 0),
    },
    other: { income: flow('other_income'), expense: flow('other_expense') },
    members: memberFigures(records<Member>(checked, 'members'), first, last),
    households: householdFigures(checked, first, last),
    subgroups: subgroupIds.sort().map((subgroup_id) => {
      const collected = deposits
        .filter((e) => e.subgroup === subgroup_id)
        .reduce((s, e) => s + e.postings[0]!.amount, 0);
      const remitted = inMonth
        .filter((e) => e.kind === 'remittance' && e.subgroup === subgroup_id)
        .reduce((s, e) => s + e.postings[0]!.amount, 0);
      let memberSavings = 0;
      for (const [member, subgroup] of journal.subgroupOf) {
        if (subgroup === subgroup_id) memberSavings -= after.get(`savings:${member}`) ?? 0;
      }
      return {
        subgroup_id,
        collected,
        remitted,
        in_transit: after.get(`transit:${subgroup_id}`) ?? 0,
        member_savings: memberSavings,
      };
    }),
    checks: { errors: checked.result.counts.error, warnings: checked.result.counts.warning },
  };
}

function loanFigures(checked: CheckedBooks, last: IsoDate) {
  const repaid = new Map<string, Satang>();
  for (const e of checked.journal.entries) {
    if (e.kind !== 'repayment' || e.date > last) continue;
    const principal = -(e.postings.find((p) => p.account.startsWith('loan:'))?.amount ?? 0);
    repaid.set(e.loan!, (repaid.get(e.loan!) ?? 0) + principal);
  }
  let outstanding = 0;
  let active = 0;
  let overdue = 0;
  let par30 = 0;
  for (const loan of records<Loan>(checked, 'loans')) {
    if (loan.disbursed_on > last) continue;
    const status = loanStatus(loanSchedule(loan), loan.principal, repaid.get(loan.loan_id) ?? 0, last);
    if (status.outstanding <= 0) continue;
    outstanding += status.outstanding;
    active++;
    if (status.repaid < status.due) overdue++;
    if (status.daysOverdue > OVERDUE_DAYS) par30 += status.outstanding;
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
  const entries = records<HouseholdEntry>(checked, 'household_accounts').filter(
    (e) => e.date >= first && e.date <= last,
  );
  const byCategory: Record<string, Satang> = {};
  let income = 0;
  let expense = 0;
  for (const e of entries) {
    if (e.type === 'income') income += e.amount;
    else {
      expense += e.amount;
      byCategory[e.category] = (byCategory[e.category] ?? 0) + e.amount;
    }
  }
  const debts = debtPosition(records<Debt>(checked, 'debt_survey'), last);
  return {
    reporting: new Set(entries.map((e) => e.household_id)).size,
    income,
    expense,
    by_category: Object.fromEntries(Object.entries(byCategory).sort(([a], [b]) => (a < b ? -1 : 1))),
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
  let total = 0;
  let informal = 0;
  let change = 0;
  for (const surveys of byHousehold.values()) {
    const dates = [...surveys.keys()].sort();
    const latest = surveys.get(dates[dates.length - 1]!)!;
    const sum = (rows: Debt[]) => rows.reduce((s, d) => s + d.outstanding, 0);
    total += sum(latest);
    informal += sum(latest.filter((d) => d.creditor_type === 'informal'));
    if (dates.length > 1) change += sum(latest) - sum(surveys.get(dates[dates.length - 2]!)!);
  }
  return { total_debt: total, informal_debt: informal, debt_change: change };
}
