import type { IsoDate } from '../calendar.ts';
import type { Book } from '../check/book.ts';
import { LEGAL_YEARLY_RATE, PICO_YEARLY_RATE } from '../check/rules/row-rules.ts';
import { type Finding, finding } from '../model/finding.ts';
import { placeOf } from '../model/place.ts';
import type { Debt } from '../model/records.ts';
import { microPercent } from '../model/rules.ts';
import { formatBaht, minus, plus, type Satang, satang, ZERO } from '../money.ts';
import { thaiDate } from '../thai-date.ts';
import { mulDiv } from './year-close.ts';

/** A lender's name as people type it: the same lender however it is spaced or cased. */
export const creditorKey = (name: string): string => name.normalize('NFC').replace(/\s+/g, '').toLowerCase();

/** What one buy-out achieved (SPEC §14), from its row, its loan and the household's debt survey. */
export interface BuyoutFigures {
  row: number;
  date: IsoDate;
  loan_id: string;
  member_id: string;
  household_id: string;
  creditor: string;
  claimed: Satang;
  paid: Satang;
  /** What the lender gave up: claimed − paid. */
  reduced: Satang;
  /** The debt as the household's survey had it before the buy-out (the lender's claim without one). */
  principal: Satang;
  /** The surveyed rate a month in percent (undefined: the survey gave none). */
  old_monthly_rate?: number;
  group_monthly_rate: number;
  /**
   * Above the legal rate (15 % a year; 36 % for licensed pico-finance) the lender has no right to
   * interest and the courts count the interest already paid against the principal: principal −
   * interest paid before, never below zero. Undefined for a lawful debt.
   */
  lawful_balance?: Satang;
  /** The interest a month the household no longer pays: principal × old rate − paid × the group's rate. */
  interest_saved_monthly: Satang;
}

interface Tie {
  household?: string;
  member?: string;
  loan?: { principal: Satang; monthly_rate: number };
}

/** The surveys of each household, by creditor key, in date order. */
function surveysOf(book: Book): Map<string, Map<string, { row: number; debt: Debt }[]>> {
  const out = new Map<string, Map<string, { row: number; debt: Debt }[]>>();
  for (const { row, record } of book.tables.get('debt_survey') ?? []) {
    if (!record) continue;
    const byCreditor = out.get(record.household_id) ?? new Map<string, { row: number; debt: Debt }[]>();
    const key = creditorKey(record.creditor);
    byCreditor.set(key, [...(byCreditor.get(key) ?? []), { row, debt: record }]);
    out.set(record.household_id, byCreditor);
  }
  for (const byCreditor of out.values())
    for (const list of byCreditor.values())
      list.sort((a, b) =>
        a.debt.survey_date < b.debt.survey_date ? -1 : a.debt.survey_date > b.debt.survey_date ? 1 : 0,
      );
  return out;
}

const monthlyRate = (d: Debt): number | undefined =>
  d.interest_rate === undefined
    ? undefined
    : d.rate_period === 'month'
      ? d.interest_rate
      : d.interest_rate / 12;

/** Whether a surveyed debt's rate is above what its lender may lawfully charge. */
export function aboveLegal(d: Debt): boolean {
  const rate = monthlyRate(d);
  if (rate === undefined) return false;
  const ceiling = d.creditor_type === 'pico' ? PICO_YEARLY_RATE : LEGAL_YEARLY_RATE;
  return rate * 12 > ceiling + 1e-9;
}

/** The figures of each book, worked out once: a report summarises many months of the same book. */
const figuresOfBook = new WeakMap<Book, BuyoutFigures[]>();

/** Each valid buy-out row tied to its loan, its borrower's household and the survey, with its figures. */
export function buyoutFigures(book: Book): BuyoutFigures[] {
  const known = figuresOfBook.get(book);
  if (known) return known;
  const figures = figuresOf(book);
  figuresOfBook.set(book, figures);
  return figures;
}

function figuresOf(book: Book): BuyoutFigures[] {
  const { ties, surveys } = tiesOf(book);
  const out: BuyoutFigures[] = [];
  for (const { row, record } of book.tables.get('debt_buyouts') ?? []) {
    if (!record) continue;
    const tie = ties.get(record.loan_id);
    if (!tie?.loan || tie.member === undefined || tie.household === undefined) continue;
    const list = surveys.get(tie.household)?.get(creditorKey(record.creditor)) ?? [];
    const before = list.filter((s) => s.debt.survey_date <= record.date);
    const surveyed = (before[before.length - 1] ?? list[0])?.debt;
    const principal = surveyed && surveyed.outstanding > 0 ? surveyed.outstanding : record.claimed;
    const old = surveyed ? monthlyRate(surveyed) : undefined;
    const group = tie.loan.monthly_rate;
    const interest = (amount: Satang, rate: number) => mulDiv(amount, microPercent(rate), microPercent(100));
    const saved =
      old === undefined ? ZERO : satang(Math.max(0, interest(principal, old) - interest(record.paid, group)));
    out.push({
      row,
      date: record.date,
      loan_id: record.loan_id,
      member_id: tie.member,
      household_id: tie.household,
      creditor: record.creditor,
      claimed: record.claimed,
      paid: record.paid,
      reduced: minus(record.claimed, record.paid),
      principal,
      ...(old === undefined ? {} : { old_monthly_rate: old }),
      group_monthly_rate: group,
      ...(surveyed && aboveLegal(surveyed)
        ? { lawful_balance: satang(Math.max(0, principal - (record.interest_paid_before ?? ZERO))) }
        : {}),
      interest_saved_monthly: saved,
    });
  }
  return out;
}

function tiesOf(book: Book) {
  const households = new Map<string, string>();
  for (const { record } of book.tables.get('members') ?? [])
    if (record && !households.has(record.member_id)) households.set(record.member_id, record.household_id);
  const ties = new Map<string, Tie>();
  for (const { record } of book.tables.get('loans') ?? [])
    if (record && !ties.has(record.loan_id))
      ties.set(record.loan_id, {
        member: record.member_id,
        household: households.get(record.member_id),
        loan: { principal: record.principal, monthly_rate: record.monthly_rate },
      });
  return { ties, surveys: surveysOf(book) };
}

/**
 * The buy-outs' checks (SPEC §14): the group paid a loan's lenders more than the loan's principal
 * (W_BUYOUT_OVER_LOAN, at the row that passes it); no debt survey of the borrower's household
 * names the creditor (W_BUYOUT_UNKNOWN_CREDITOR); a survey after the buy-out still lists that
 * creditor with something owed (W_BUYOUT_DEBT_STILL_SURVEYED, at that survey's row).
 */
export function buyoutFindings(book: Book): Finding[] {
  const rows = (book.tables.get('debt_buyouts') ?? []).filter((r) => r.record);
  const layout = book.context.layouts.get('debt_buyouts');
  if (rows.length === 0 || !layout) return [];
  const { ties, surveys } = tiesOf(book);
  const surveyLayout = book.context.layouts.get('debt_survey');
  const out: Finding[] = [];
  const paidByLoan = new Map<string, Satang>();
  const sorted = [...rows].sort((a, b) =>
    a.record!.date < b.record!.date ? -1 : a.record!.date > b.record!.date ? 1 : a.row - b.row,
  );
  for (const { row, record } of sorted) {
    const b = record!;
    const tie = ties.get(b.loan_id);
    if (!tie?.loan) continue;
    const at = (column: string) => placeOf(layout, row, column);
    const total = plus(paidByLoan.get(b.loan_id) ?? ZERO, b.paid);
    paidByLoan.set(b.loan_id, total);
    if (total > tie.loan.principal)
      out.push(
        finding(
          'W_BUYOUT_OVER_LOAN',
          at('paid'),
          {
            th: `กลุ่มจ่ายเจ้าหนี้แทนสัญญา ${b.loan_id} รวม ${formatBaht(total)} บาท เกินเงินต้นของสัญญา ${formatBaht(tie.loan.principal)} บาท`,
            en: `the group paid lenders ${formatBaht(total)} baht for loan ${b.loan_id}, more than its principal of ${formatBaht(tie.loan.principal)} baht`,
          },
          { loan_id: b.loan_id, expected: tie.loan.principal, actual: total },
        ),
      );
    if (tie.household === undefined) continue;
    const list = surveys.get(tie.household)?.get(creditorKey(b.creditor));
    if (!list || list.length === 0) {
      out.push(
        finding(
          'W_BUYOUT_UNKNOWN_CREDITOR',
          at('creditor'),
          {
            th: `ไม่มีการสำรวจหนี้ของครัวเรือน ${tie.household} (ผู้กู้ ${tie.member}) ที่มีเจ้าหนี้ "${b.creditor}"`,
            en: `no debt survey of household ${tie.household} (borrower ${tie.member}) names the creditor "${b.creditor}"`,
          },
          { loan_id: b.loan_id, value: b.creditor },
        ),
      );
      continue;
    }
    if (!surveyLayout) continue;
    for (const later of list) {
      if (later.debt.survey_date <= b.date || later.debt.outstanding <= 0) continue;
      out.push(
        finding(
          'W_BUYOUT_DEBT_STILL_SURVEYED',
          placeOf(surveyLayout, later.row, 'outstanding'),
          {
            th: `การสำรวจวันที่ ${thaiDate(later.debt.survey_date)} ยังมีหนี้ "${b.creditor}" ${formatBaht(later.debt.outstanding)} บาท ทั้งที่กลุ่มปลดหนี้นี้แล้วเมื่อ ${thaiDate(b.date)} (สัญญา ${b.loan_id})`,
            en: `the survey of ${later.debt.survey_date} still lists ${formatBaht(later.debt.outstanding)} baht owed to "${b.creditor}", bought out on ${b.date} (loan ${b.loan_id})`,
          },
          { loan_id: b.loan_id, value: b.creditor, date: b.date, amount: later.debt.outstanding },
        ),
      );
    }
  }
  return out;
}

/** Debt relief to the end of a day, for the summary and the reports (SPEC §14). */
export interface DebtRelief {
  households_helped: number;
  debts_bought_out: number;
  /** Σ claimed − paid. */
  reduced: Satang;
  paid: Satang;
  interest_saved_monthly: Satang;
  /** Informal debt on each household's latest survey, less what was bought out after it. */
  informal_left: Satang;
}

/** Debt relief to the end of `day`, from the buy-outs dated to then and each household's latest survey. */
export function debtRelief(book: Book, figures: readonly BuyoutFigures[], day: IsoDate): DebtRelief {
  const done = figures.filter((f) => f.date <= day);
  const latest = new Map<string, { date: IsoDate; rows: Debt[] }>();
  for (const { record } of book.tables.get('debt_survey') ?? []) {
    if (!record || record.survey_date > day) continue;
    const kept = latest.get(record.household_id);
    if (!kept || kept.date < record.survey_date)
      latest.set(record.household_id, { date: record.survey_date, rows: [record] });
    else if (kept.date === record.survey_date) kept.rows.push(record);
  }
  let informal = ZERO;
  for (const [household, { date, rows }] of latest)
    for (const d of rows) {
      if (d.creditor_type !== 'informal') continue;
      const gone = done.some(
        (f) =>
          f.household_id === household &&
          f.date >= date &&
          creditorKey(f.creditor) === creditorKey(d.creditor),
      );
      if (!gone) informal = plus(informal, d.outstanding);
    }
  return {
    households_helped: new Set(done.map((f) => f.household_id)).size,
    debts_bought_out: done.length,
    reduced: done.reduce((s, f) => plus(s, f.reduced), ZERO),
    paid: done.reduce((s, f) => plus(s, f.paid), ZERO),
    interest_saved_monthly: done.reduce((s, f) => plus(s, f.interest_saved_monthly), ZERO),
    informal_left: informal,
  };
}
