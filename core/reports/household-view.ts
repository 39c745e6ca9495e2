import { type IsoDate, monthBounds, monthOf } from '../calendar.ts';
import { type Book, type RowRef, recordsOf } from '../check/book.ts';
import { type BuyoutFigures, buyoutFigures } from '../ledger/buyouts.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import { divideHalfUp, minus, type Satang, sum, ZERO } from '../money.ts';
import { REDUCIBLE_CATEGORIES } from '../parse/enumerations.ts';
import { type DebtFree, type DebtFreeStatus, debtFree } from './debt-free.ts';
import {
  bookMonths,
  debtFreeMonth,
  householdPlans,
  lastMonthEnded,
  type PlanProgress,
  type SuggestedPledge,
} from './household-plans.ts';

export interface HouseholdMonth {
  month: string;
  income: Satang;
  expense: Satang;
  /** Alcohol, tobacco, lottery and gambling: the spending groups set out to cut. */
  reducible: Satang;
  /** (income − expense) ÷ income, 4 decimals; null without income. */
  savings_rate: number | null;
}

export interface HouseholdDebt {
  creditor: string;
  creditor_type: string;
  outstanding: Satang;
  /** Yearly rate in percent (a monthly rate × 12); null when unknown. */
  yearly_rate: number | null;
  monthly_payment: Satang | null;
}

/** One household's view: its book by month, its debts in payoff order and its way out. */
export interface HouseholdView {
  group_id: string;
  household_id: string;
  head_name: string | null;
  as_of: IsoDate;
  months: HouseholdMonth[];
  average: { income: Satang; expense: Satang; net: Satang; reducible: Satang };
  savings_rate: number | null;
  survey_date: IsoDate | null;
  /** Highest interest first, the order to pay them off in (informal debts of unknown rate first, other unknown rates last). */
  debts: HouseholdDebt[];
  total_debt: Satang;
  /** Total debt ÷ a year's income (average month × 12), 2 decimals; null without income. */
  debt_to_income: number | null;
  /**
   * Months until every surveyed debt is paid at today's payments (simulated month by month,
   * highest rate first); null unless `debt_free` is `months` or `debt_free`.
   */
  months_to_debt_free: number | null;
  /** `debt_free` (no debt), `months`, `not_at_this_payment` (payments do not cover interest) or `no_data`. */
  debt_free: DebtFreeStatus;
  /** The month the household is forecast out of debt, counted from the check date's month; null when not forecast. */
  debt_free_month: string | null;
  /** Its family plans followed to the last month ended by the check date (SPEC §15). */
  plans: PlanProgress[];
  /** The pledge its book and debts suggest, beside each member's `savings_pledge`; null without a book. */
  suggested_pledge: SuggestedPledge | null;
  /** The household's account and survey rows left out of these figures until their errors are fixed. */
  left_out: RowRef[];
  /** Its debts the group bought out (SPEC §14), each with what it achieved, by the check date. */
  buyouts: BuyoutFigures[];
  /** What the buy-outs achieved together: baht reduced, interest a month no longer paid. */
  relief: { reduced: Satang; interest_saved_monthly: Satang };
}

/** Payoff order: highest yearly rate first; an informal lender of unknown rate first of all (they charge ~20% a month). */
const payoffRank = (d: HouseholdDebt) =>
  d.yearly_rate ?? (d.creditor_type === 'informal' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY);

const ratio = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** A household's debts at its latest survey on or before a day, in payoff order, and its way out at today's payments. */
export function latestDebts(
  book: Book,
  householdId: string,
  upTo: IsoDate,
): { surveyDate: IsoDate | null; debts: HouseholdDebt[]; wayOut: DebtFree } {
  const debts = recordsOf(book, 'debt_survey').filter(
    (d) => d.household_id === householdId && d.survey_date <= upTo,
  );
  const surveyDate = debts.reduce<IsoDate | null>(
    (latest, d) => (latest === null || d.survey_date > latest ? d.survey_date : latest),
    null,
  );
  const latest: HouseholdDebt[] = debts
    .filter((d) => d.survey_date === surveyDate)
    .map((d) => ({
      creditor: d.creditor,
      creditor_type: d.creditor_type,
      outstanding: d.outstanding,
      yearly_rate:
        d.interest_rate === undefined
          ? null
          : d.rate_period === 'month'
            ? d.interest_rate * 12
            : d.interest_rate,
      monthly_payment: d.monthly_payment ?? null,
    }))
    .sort((a, b) => payoffRank(b) - payoffRank(a) || b.outstanding - a.outstanding);
  const wayOut = debtFree(
    surveyDate === null
      ? null
      : latest.map((d) => ({
          outstanding: d.outstanding,
          monthly_rate: d.yearly_rate === null ? null : d.yearly_rate / 12,
          creditor_type: d.creditor_type,
          monthly_payment: d.monthly_payment,
        })),
  );
  return { surveyDate, debts: latest, wayOut };
}

/** A household's plans as the group report shows them: to the end of the report's month. */
export interface HouseholdPlans {
  household_id: string;
  head_name: string | null;
  plans: PlanProgress[];
  suggested_pledge: SuggestedPledge | null;
  /** What its active members pledged a month together (`savings_pledge`). */
  pledged: Satang;
  debt_free_month: string | null;
  debt_free: DebtFreeStatus;
}

/** Every household with a family plan, followed to the end of a month (the group report's household section). */
export function householdsWithPlans(book: Book, month: string): HouseholdPlans[] {
  const end = monthBounds(month).last;
  const ids = [...new Set(recordsOf(book, 'family_plans').map((p) => p.household_id))].sort();
  return ids.flatMap((id) => {
    const row = (book.tables.get('households') ?? []).find((r) => r.values.household_id === id);
    if (!row) return [];
    const { debts, wayOut } = latestDebts(book, id, end);
    const followed = householdPlans(book, id, month, sum(debts.map((d) => d.monthly_payment ?? ZERO)));
    return [
      {
        household_id: id,
        head_name: typeof row.values.head_name === 'string' ? row.values.head_name : null,
        plans: followed.plans,
        suggested_pledge: followed.suggested,
        pledged: sum(
          recordsOf(book, 'members')
            .filter((m) => m.household_id === id && m.status === 'active' && m.joined_on <= end)
            .map((m) => m.savings_pledge ?? ZERO),
        ),
        debt_free_month: debtFreeMonth(month, wayOut.months),
        debt_free: wayOut.status,
      },
    ];
  });
}

/** The household view as of the check date; undefined when the household is unknown. */
export function householdView(checked: CheckedBooks, householdId: string): HouseholdView | undefined {
  const { book } = checked;
  const row = (book.tables.get('households') ?? []).find((r) => r.values.household_id === householdId);
  if (!row) return undefined;
  const asOf = book.context.asOf;
  const byMonth = new Map(
    [...bookMonths(book, householdId, asOf).values()].map((m): [string, HouseholdMonth] => [
      m.month,
      {
        month: m.month,
        income: m.income,
        expense: m.expense,
        reducible: sum(REDUCIBLE_CATEGORIES.map((c) => m.by_category.get(c) ?? ZERO)),
        savings_rate: null,
      },
    ]),
  );
  const months = [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  for (const m of months)
    m.savings_rate = m.income > 0 ? ratio(minus(m.income, m.expense) / m.income, 4) : null;
  const n = Math.max(1, months.length);
  const total = (pick: (m: HouseholdMonth) => Satang) => sum(months.map(pick));
  const average = {
    income: divideHalfUp(
      total((m) => m.income),
      n,
    ),
    expense: divideHalfUp(
      total((m) => m.expense),
      n,
    ),
    net: divideHalfUp(
      minus(
        total((m) => m.income),
        total((m) => m.expense),
      ),
      n,
    ),
    reducible: divideHalfUp(
      total((m) => m.reducible),
      n,
    ),
  };

  const { surveyDate, debts: latest, wayOut } = latestDebts(book, householdId, asOf);
  const totalDebt = sum(latest.map((d) => d.outstanding));
  const followed = householdPlans(
    book,
    householdId,
    lastMonthEnded(asOf),
    sum(latest.map((d) => d.monthly_payment ?? ZERO)),
  );
  const buyouts = buyoutFigures(book).filter((b) => b.household_id === householdId && b.date <= asOf);
  return {
    group_id: book.settings.group_id,
    household_id: householdId,
    head_name: typeof row.values.head_name === 'string' ? row.values.head_name : null,
    as_of: asOf,
    months,
    average,
    savings_rate: average.income > 0 ? ratio(average.net / average.income, 4) : null,
    survey_date: surveyDate,
    debts: latest,
    total_debt: totalDebt,
    debt_to_income: average.income > 0 ? ratio(totalDebt / (average.income * 12), 2) : null,
    months_to_debt_free: wayOut.months,
    debt_free: wayOut.status,
    debt_free_month: debtFreeMonth(monthOf(asOf), wayOut.months),
    plans: followed.plans,
    suggested_pledge: followed.suggested,
    left_out: checked.result.books.left_out.filter(
      (r) =>
        (r.sheet === 'household_accounts' || r.sheet === 'debt_survey') &&
        book.tables.get(r.sheet)?.find((x) => x.row === r.row)?.values.household_id === householdId,
    ),
    buyouts,
    relief: {
      reduced: sum(buyouts.map((b) => b.reduced)),
      interest_saved_monthly: sum(buyouts.map((b) => b.interest_saved_monthly)),
    },
  };
}
