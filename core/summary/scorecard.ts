import { daysBetween, type IsoDate, monthBounds } from '../calendar.ts';
import { recordsOf } from '../check/book.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import { OVERDUE_DAYS } from '../ledger/ledger-checks.ts';
import { loanSchedule, loanStatus } from '../ledger/loan-schedule.ts';
import { minus, plus, type Satang, ZERO } from '../money.ts';

/** The five measures of a sub-group's month (SPEC §15), each null when the month gives no data for it. */
export interface SubgroupMeasures {
  /** Days from a baht's collection by the head to its remittance, weighted by baht, for what was remitted in the month. */
  remit_days_mean: number | null;
  /** The longest any baht was held: remitted in the month, or still held at its end. */
  remit_days_worst: number | null;
  /** Share of the members with a pledge whose deposits in the month reached it. */
  pledge_share: number | null;
  /** PAR30 of its members' loans at the month's end ÷ their outstanding. */
  par30_ratio: number | null;
  /** Share of its households with a household-book row in the month. */
  books_share: number | null;
  /** Change of its households' informal debt between their last two surveys by the month's end (satang). */
  informal_debt_change: Satang | null;
}

export interface ScoreWeights {
  remit: number;
  pledge: number;
  par: number;
  books: number;
  debt: number;
}

/** Each measure as 0–100 (the rules of the score, docs/decisions.md), null without data. */
export function measureScores(m: SubgroupMeasures, remitWithinDays: number, debtBefore: Satang | null) {
  const clamp = (x: number) => Math.max(0, Math.min(100, x));
  const limit = Math.max(1, remitWithinDays);
  return {
    remit:
      m.remit_days_worst === null ? null : clamp(100 - (100 * (m.remit_days_worst - limit)) / (2 * limit)),
    pledge: m.pledge_share === null ? null : 100 * m.pledge_share,
    par: m.par30_ratio === null ? null : clamp(100 - 1000 * m.par30_ratio),
    books: m.books_share === null ? null : 100 * m.books_share,
    debt:
      m.informal_debt_change === null || debtBefore === null || debtBefore === 0
        ? null
        : clamp(50 - (250 * m.informal_debt_change) / debtBefore),
  };
}

/** The score 0–100: the weighted mean of the measures that have data (null when none has). */
export function scoreOf(scores: ReturnType<typeof measureScores>, weights: ScoreWeights): number | null {
  let total = 0;
  let weight = 0;
  for (const key of Object.keys(weights) as (keyof ScoreWeights)[]) {
    const s = scores[key];
    if (s === null || weights[key] <= 0) continue;
    total += s * weights[key];
    weight += weights[key];
  }
  return weight === 0 ? null : Math.round(total / weight);
}

/**
 * The measures of each sub-group for a month, from the checked books: the heads' collections paid
 * off oldest first by their remittances (as W_NOT_REMITTED counts them), members' deposits against
 * their pledges, their loans' PAR30, the households' books and debt surveys.
 */
export function subgroupMeasures(
  checked: CheckedBooks,
  month: string,
  repaid: ReadonlyMap<string, Satang> = repaidBy(checked, monthBounds(month).last),
): Map<string, SubgroupMeasures & { debt_before: Satang | null }> {
  const { book, journal } = checked;
  const { first, last } = monthBounds(month);
  const out = new Map<string, SubgroupMeasures & { debt_before: Satang | null }>();
  const subgroups = recordsOf(book, 'subgroups').map((s) => s.subgroup_id);
  for (const id of new Set(journal.subgroupOf.values())) if (!subgroups.includes(id)) subgroups.push(id);

  // the heads' money, oldest first
  const held = new Map<string, { date: IsoDate; left: number }[]>();
  const days = new Map<string, { weighted: number; baht: number; worst: number }>();
  const deposits = new Map<string, Satang>();
  for (const e of journal.entries) {
    if (e.date > last) break;
    if (e.kind === 'deposit' && e.date >= first && e.member !== undefined)
      deposits.set(e.member, plus(deposits.get(e.member) ?? ZERO, e.amount));
    if (e.kind === 'deposit' && e.subgroup !== undefined) {
      const queue = held.get(e.subgroup) ?? [];
      queue.push({ date: e.date, left: e.amount });
      held.set(e.subgroup, queue);
    }
    if (e.kind !== 'remittance' || e.subgroup === undefined) continue;
    const queue = held.get(e.subgroup) ?? [];
    let amount: number = e.amount;
    const d = days.get(e.subgroup) ?? { weighted: 0, baht: 0, worst: 0 };
    while (amount > 0 && queue.length > 0) {
      const head = queue[0]!;
      const take = Math.min(amount, head.left);
      if (e.date >= first) {
        const age = daysBetween(head.date, e.date);
        d.weighted += age * take;
        d.baht += take;
        d.worst = Math.max(d.worst, age);
      }
      head.left -= take;
      amount -= take;
      if (head.left === 0) queue.shift();
    }
    if (e.date >= first) days.set(e.subgroup, d);
  }
  for (const [subgroup, queue] of held) {
    const oldest = queue.find((h) => h.left > 0);
    if (!oldest) continue;
    const d = days.get(subgroup) ?? { weighted: 0, baht: 0, worst: 0 };
    d.worst = Math.max(d.worst, daysBetween(oldest.date, last));
    days.set(subgroup, d);
  }

  const households = recordsOf(book, 'households');
  const members = recordsOf(book, 'members');
  const subgroupOfHousehold = new Map(households.map((h) => [h.household_id, h.subgroup_id]));
  const kept = new Set(
    recordsOf(book, 'household_accounts')
      .filter((e) => e.date >= first && e.date <= last)
      .map((e) => e.household_id),
  );
  const memberSubgroup = new Map(members.map((m) => [m.member_id, subgroupOfHousehold.get(m.household_id)]));

  // each loan's status once, gathered by its member's sub-group
  const loans = new Map<string, { outstanding: number; par: number }>();
  for (const loan of recordsOf(book, 'loans')) {
    const subgroup = memberSubgroup.get(loan.member_id);
    if (loan.disbursed_on > last || subgroup === undefined) continue;
    const status = loanStatus(loanSchedule(loan), loan.principal, repaid.get(loan.loan_id) ?? ZERO, last);
    if (status.outstanding <= 0) continue;
    const l = loans.get(subgroup) ?? { outstanding: 0, par: 0 };
    l.outstanding += status.outstanding;
    if (status.daysOverdue > OVERDUE_DAYS) l.par += status.outstanding;
    loans.set(subgroup, l);
  }
  const activeBy = new Map<string, typeof members>();
  for (const m of members) {
    const subgroup = memberSubgroup.get(m.member_id);
    const gone = m.status !== 'active' && (m.left_on === undefined || m.left_on <= last);
    if (subgroup === undefined || m.joined_on > last || gone) continue;
    activeBy.set(subgroup, [...(activeBy.get(subgroup) ?? []), m]);
  }
  const share = (part: number, whole: number) =>
    whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
  for (const subgroup of subgroups.sort()) {
    const d = days.get(subgroup);
    const pledged = (activeBy.get(subgroup) ?? []).filter(
      (m) => m.savings_pledge !== undefined && m.savings_pledge > 0,
    );
    const reached = pledged.filter((m) => (deposits.get(m.member_id) ?? 0) >= m.savings_pledge!);
    const l = loans.get(subgroup);
    const own = households.filter((h) => h.subgroup_id === subgroup);
    const debt = informalChange(checked, new Set(own.map((h) => h.household_id)), last);
    out.set(subgroup, {
      remit_days_mean: d && d.baht > 0 ? Math.round((d.weighted / d.baht) * 10) / 10 : null,
      remit_days_worst: d ? d.worst : null,
      pledge_share: share(reached.length, pledged.length),
      par30_ratio: l ? share(l.par, l.outstanding) : null,
      books_share: share(own.filter((h) => kept.has(h.household_id)).length, own.length),
      informal_debt_change: debt?.change ?? null,
      debt_before: debt?.before ?? null,
    });
  }
  return out;
}

/** The principal repaid on each loan to the end of a day (what the summary gathers in its own pass). */
function repaidBy(checked: CheckedBooks, last: IsoDate): Map<string, Satang> {
  const repaid = new Map<string, Satang>();
  for (const e of checked.journal.entries) {
    if (e.date > last) break;
    if (e.kind !== 'repayment') continue;
    let principal = ZERO;
    for (const p of e.postings) if (p.account.startsWith('loan:')) principal = minus(principal, p.amount);
    repaid.set(e.loan!, plus(repaid.get(e.loan!) ?? ZERO, principal));
  }
  return repaid;
}

/** The households' informal debt at their latest survey by `day` against the survey before it (only those with two). */
function informalChange(checked: CheckedBooks, households: Set<string>, day: IsoDate) {
  const byHousehold = new Map<string, Map<IsoDate, Satang>>();
  for (const d of recordsOf(checked.book, 'debt_survey')) {
    if (d.survey_date > day || !households.has(d.household_id)) continue;
    const surveys = byHousehold.get(d.household_id) ?? new Map<IsoDate, Satang>();
    const informal = d.creditor_type === 'informal' ? d.outstanding : ZERO;
    surveys.set(d.survey_date, plus(surveys.get(d.survey_date) ?? ZERO, informal));
    byHousehold.set(d.household_id, surveys);
  }
  let before = ZERO;
  let now = ZERO;
  let any = false;
  for (const surveys of byHousehold.values()) {
    const dates = [...surveys.keys()].sort();
    if (dates.length < 2) continue;
    any = true;
    before = plus(before, surveys.get(dates[dates.length - 2]!)!);
    now = plus(now, surveys.get(dates[dates.length - 1]!)!);
  }
  return any ? { before, change: minus(now, before) } : undefined;
}
