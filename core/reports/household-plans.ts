import { addMonths, type IsoDate, monthBounds, monthOf, previousMonth } from '../calendar.ts';
import { type Book, recordsOf } from '../check/book.ts';
import type { RecordOf } from '../model/records.ts';
import {
  divideHalfUp,
  larger,
  minus,
  negate,
  plus,
  type Satang,
  satang,
  sum,
  times,
  ZERO,
} from '../money.ts';

/** A household's book for one month: what came in, what went out, and by category. */
export interface BookMonth {
  month: string;
  income: Satang;
  expense: Satang;
  by_category: Map<string, Satang>;
}

type SavingsRecord = RecordOf<'savings'>;
type AccountRecord = RecordOf<'household_accounts'>;

/** A book's savings rows by member and household-book rows by household, grouped once a book (a report follows every household). */
const grouped = new WeakMap<
  Book,
  { savings: Map<string, SavingsRecord[]>; accounts: Map<string, AccountRecord[]> }
>();
function groupedOf(book: Book) {
  let g = grouped.get(book);
  if (!g) {
    const made = {
      savings: new Map<string, SavingsRecord[]>(),
      accounts: new Map<string, AccountRecord[]>(),
    };
    const add = <T>(map: Map<string, T[]>, key: string, item: T) => {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    };
    for (const s of recordsOf(book, 'savings')) add(made.savings, s.member_id, s);
    for (const a of recordsOf(book, 'household_accounts')) add(made.accounts, a.household_id, a);
    grouped.set(book, made);
    g = made;
  }
  return g;
}

/** The household's account rows by month, up to a date (months without a row are absent: no data, not zero). */
export function bookMonths(book: Book, householdId: string, upTo: IsoDate): Map<string, BookMonth> {
  const byMonth = new Map<string, BookMonth>();
  for (const e of groupedOf(book).accounts.get(householdId) ?? []) {
    if (e.date > upTo) continue;
    const month = monthOf(e.date);
    const m = byMonth.get(month) ?? { month, income: ZERO, expense: ZERO, by_category: new Map() };
    byMonth.set(month, m);
    if (e.type === 'income') m.income = plus(m.income, e.amount);
    else {
      m.expense = plus(m.expense, e.amount);
      m.by_category.set(e.category, plus(m.by_category.get(e.category) ?? ZERO, e.amount));
    }
  }
  return byMonth;
}

/** The expense cut a plan promised against what the book shows (3-month averages, months with a book only). */
export interface ExpenseCut {
  category: string;
  /** The cut promised a month. */
  planned: Satang;
  /** Average monthly spending in the category in the 3 months before the plan began; null without a book then. */
  before: Satang | null;
  /** The same over the plan's last 3 measured months; null without a book then. */
  since: Satang | null;
  months_before: number;
  months_since: number;
  /** before − since (negative: spending went up); null when either side has no book. */
  cut: Satang | null;
  /** cut ÷ planned, 4 decimals; null when the cut is unknown or nothing was planned. */
  share: number | null;
}

/** One family plan followed (SPEC §15). */
export interface PlanProgress {
  row: number;
  goal: string;
  target_amount: Satang | null;
  target_date: IsoDate | null;
  /** The day the plan began: its own start date, else the day the household's first member joined. */
  began: IsoDate | null;
  began_from: 'plan' | 'joined' | null;
  /** The last month measured: the month of the report, or the last month ended by the check date. */
  measured_to: string;
  /** Calendar months of the plan measured (its first month counts whole); 0 before any month ended. */
  months: number;
  /** What the household's members saved since the plan began (deposits less withdrawals) to the end of `measured_to`. */
  saved: Satang;
  /** The saving a month the plan needs: its own, else its target spread over its months; null when it says neither. */
  pace: Satang | null;
  /** pace × months. */
  expected: Satang | null;
  /** (saved − expected) ÷ pace, 1 decimal: months ahead (positive) or behind (negative); null without a pace or a month. */
  months_ahead: number | null;
  /** saved ÷ target, 4 decimals; null without a target. */
  target_share: number | null;
  /** At the average saved a month so far, the month the target is reached; null without a target or while nothing is saved. */
  target_forecast: string | null;
  /** Whether that forecast is by the target date; null without both. */
  on_track: boolean | null;
  expense_cut: ExpenseCut | null;
}

/** A pledge suggested from the household's own book and debts, shown beside `savings_pledge`, never written over it. */
export interface SuggestedPledge {
  /** Months of the book it rests on (the last 3 with a book, up to `measured_to`). */
  months: number;
  /** Average income − expense a month. */
  surplus: Satang;
  /** What the latest survey says its debts need a month. */
  debt_needed: Satang;
  /** What the book shows paid to debts a month (category debt_payment). */
  debt_paid: Satang;
  /** What the household can save a month: surplus less the debt payments not yet in its spending, whole baht, never below 0. */
  household: Satang;
  /** Each active member's share of it, whole baht, beside the pledge they made. */
  members: { member_id: string; savings_pledge: Satang | null; suggested: Satang }[];
}

const BAHT = 100;
const wholeBaht = (s: Satang): Satang => satang(Math.floor(s / BAHT) * BAHT);
const ratio = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
/** Calendar months from `a` to `b` inclusive (0 when b is before a). */
const monthsFrom = (a: string, b: string): number =>
  Math.max(
    0,
    (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7)) + 1,
  );

/** The last month ended by a date: its own month on its last day, else the month before. */
export const lastMonthEnded = (date: IsoDate): string =>
  monthBounds(monthOf(date)).last === date ? monthOf(date) : previousMonth(monthOf(date));

/** Average a month of a figure over some months, half up; null over none. */
function average(months: BookMonth[], pick: (m: BookMonth) => Satang): Satang | null {
  return months.length === 0 ? null : divideHalfUp(sum(months.map(pick)), months.length);
}

/** Up to `n` months with a book, ending at `last` and not before `first`, latest first. */
function lastBooked(book: Map<string, BookMonth>, first: string, last: string, n: number): BookMonth[] {
  return [...book.values()]
    .filter((m) => m.month >= first && m.month <= last)
    .sort((a, b) => (a.month < b.month ? 1 : -1))
    .slice(0, n);
}

/**
 * Each of a household's family plans followed to the end of `month` (SPEC §15), and the pledge its
 * book suggests. A row with an error is not followed (its findings say why).
 */
export function householdPlans(
  book: Book,
  householdId: string,
  month: string,
  debtNeeded: Satang,
): { plans: PlanProgress[]; suggested: SuggestedPledge | null } {
  const end = monthBounds(month).last;
  const members = recordsOf(book, 'members').filter((m) => m.household_id === householdId);
  const joined = members.reduce<IsoDate | null>(
    (a, m) => (a === null || m.joined_on < a ? m.joined_on : a),
    null,
  );
  const savingsOf = groupedOf(book).savings;
  const deposits = members.flatMap((m) => (savingsOf.get(m.member_id) ?? []).filter((s) => s.date <= end));
  const accounts = bookMonths(book, householdId, end);

  const plans = (book.tables.get('family_plans') ?? []).flatMap(({ row, record }): PlanProgress[] => {
    if (!record || record.household_id !== householdId) return [];
    const began = record.started_on ?? joined;
    const months = began === null ? 0 : monthsFrom(monthOf(began), month);
    const saved =
      began === null
        ? ZERO
        : sum(
            deposits
              .filter((s) => s.date >= began)
              .map((s) => (s.type === 'deposit' ? s.amount : negate(s.amount))),
          );
    const target = record.target_amount ?? null;
    const planMonths =
      began !== null && record.target_date ? monthsFrom(monthOf(began), monthOf(record.target_date)) : 0;
    const pace =
      record.monthly_saving ?? (target !== null && planMonths > 0 ? divideHalfUp(target, planMonths) : null);
    const expected = pace === null ? null : times(pace, months);
    const perMonth = months > 0 ? divideHalfUp(saved, months) : ZERO;
    const forecast =
      target === null || began === null
        ? null
        : saved >= target
          ? month
          : perMonth <= 0
            ? null
            : addMonths(`${month}-01`, Math.ceil(minus(target, saved) / perMonth)).slice(0, 7);
    return [
      {
        row,
        goal: record.goal,
        target_amount: target,
        target_date: record.target_date ?? null,
        began,
        began_from: record.started_on ? 'plan' : joined ? 'joined' : null,
        measured_to: month,
        months,
        saved,
        pace,
        expected,
        months_ahead:
          pace === null || pace === 0 || months === 0 || expected === null
            ? null
            : ratio(minus(saved, expected) / pace, 1),
        target_share: target === null || target === 0 ? null : ratio(saved / target, 4),
        target_forecast: forecast,
        on_track: forecast === null || !record.target_date ? null : forecast <= monthOf(record.target_date),
        expense_cut:
          record.expense_cut_category && record.expense_cut_amount !== undefined && began !== null
            ? expenseCut(accounts, record.expense_cut_category, record.expense_cut_amount, began, month)
            : null,
      },
    ];
  });

  const recent = lastBooked(accounts, '0000-00', month, 3);
  if (recent.length === 0) return { plans, suggested: null };
  const surplus = average(recent, (m) => minus(m.income, m.expense)) ?? ZERO;
  const debtPaid = average(recent, (m) => m.by_category.get('debt_payment') ?? ZERO) ?? ZERO;
  const household = wholeBaht(larger(ZERO, minus(surplus, larger(ZERO, minus(debtNeeded, debtPaid)))));
  const active = members.filter((m) => m.status === 'active' && m.joined_on <= end);
  const each = active.length === 0 ? ZERO : wholeBaht(divideHalfUp(household, active.length));
  return {
    plans,
    suggested: {
      months: recent.length,
      surplus,
      debt_needed: debtNeeded,
      debt_paid: debtPaid,
      household,
      members: active.map((m) => ({
        member_id: m.member_id,
        savings_pledge: m.savings_pledge ?? null,
        suggested: each,
      })),
    },
  };
}

function expenseCut(
  accounts: Map<string, BookMonth>,
  category: string,
  planned: Satang,
  began: IsoDate,
  month: string,
): ExpenseCut {
  const start = monthOf(began);
  const spent = (m: BookMonth) => m.by_category.get(category) ?? ZERO;
  const beforeMonths = lastBooked(
    accounts,
    addMonths(`${start}-01`, -3).slice(0, 7),
    previousMonth(start),
    3,
  );
  const sinceMonths = start > month ? [] : lastBooked(accounts, start, month, 3);
  const before = average(beforeMonths, spent);
  const since = average(sinceMonths, spent);
  const cut = before === null || since === null ? null : minus(before, since);
  return {
    category,
    planned,
    before,
    since,
    months_before: beforeMonths.length,
    months_since: sinceMonths.length,
    cut,
    share: cut === null || planned === 0 ? null : ratio(cut / planned, 4),
  };
}

/** The month a household is out of debt when it takes `months` more from `month`; null when it is not forecast. */
export const debtFreeMonth = (month: string, months: number | null): string | null =>
  months === null ? null : addMonths(`${month}-01`, months).slice(0, 7);
