import { addDays, addMonths, daysBetween, type IsoDate } from '../calendar.ts';
import type { Book } from '../check/book.ts';
import { type Finding, finding } from '../model/finding.ts';
import { placeOf } from '../model/place.ts';
import { microPercent } from '../model/rules.ts';
import { formatBaht, minus, plus, type Satang, satang, ZERO } from '../money.ts';
import { thaiDate } from '../thai-date.ts';
import { savingsParts } from './accounts.ts';
import type { Journal } from './journal.ts';
import { loanSchedule, monthlyInterest } from './loan-schedule.ts';
import { mulDiv } from './year-close.ts';

/** The savings a loan limit is a multiple of: a member's sajja and shares (SPEC §14). */
const LIMIT_PRODUCTS = new Set(['sajja', 'shares']);

/**
 * Loans against the group's own credit rules (SPEC §14), each only when the bylaws set it:
 * W_LOAN_OVER_LIMIT (principal above `loan_max_multiple` × the borrower's sajja and shares on the
 * day it was paid out), W_LOAN_TOO_EARLY (before `loan_min_membership_months` of membership),
 * W_GUARANTORS_MISSING (fewer guarantors than `guarantors_required` who are active members and not
 * the borrower), W_GUARANTOR_OVEREXPOSED (what a member guarantees outstanding today above
 * `guarantor_max_exposure` × their own savings) and W_HOUSEHOLD_LOANS (with `one_loan_per_household`:
 * a second loan paid out to a household whose first is not repaid: one household, one contract).
 */
export function creditFindings(book: Book, journal: Journal): Finding[] {
  const rules = book.rules;
  const loans = (book.tables.get('loans') ?? []).filter((r) => r.record);
  const layout = book.context.layouts.get('loans');
  if (loans.length === 0 || !layout) return [];
  const out: Finding[] = [];
  const asOf = book.context.asOf;
  const members = new Map<string, { joined: IsoDate; household: string; active: boolean }>();
  for (const { record } of book.tables.get('members') ?? [])
    if (record && !members.has(record.member_id))
      members.set(record.member_id, {
        joined: record.joined_on,
        household: record.household_id,
        active: record.status === 'active' && (record.left_on === undefined || record.left_on > asOf),
      });

  // the repayments read once for every rule below; then each member's limit savings on the days
  // loans are paid out, and today's
  const days = new Set(loans.map((l) => l.record!.disbursed_on));
  const savingsOn = new Map<IsoDate, Map<string, Satang>>();
  const savings = new Map<string, Satang>();
  const repaid = repaymentsByLoan(journal, asOf);
  const snapshotUpTo = (day: IsoDate) => savingsOn.set(day, new Map(savings));
  const pending = [...days].sort();
  for (const entry of journal.entries) {
    while (pending.length > 0 && pending[0]! < entry.date) snapshotUpTo(pending.shift()!);
    if (entry.date > asOf) break;
    for (const p of entry.postings) {
      const parts = savingsParts(p.account);
      if (parts && LIMIT_PRODUCTS.has(parts.product))
        savings.set(parts.member, minus(savings.get(parts.member) ?? ZERO, p.amount));
    }
  }
  for (const day of pending) snapshotUpTo(day);
  const repaidBy = (loan: string, day: IsoDate) =>
    (repaid.get(loan) ?? []).filter((r) => r.date <= day).reduce((s, r) => plus(s, r.principal), ZERO);

  const exposure = new Map<string, Satang>();
  for (const { row, record } of loans) {
    const loan = record!;
    const borrower = members.get(loan.member_id);
    const at = (column: string) => placeOf(layout, row, column);
    if (rules.loan_max_multiple !== undefined) {
      const held = savingsOn.get(loan.disbursed_on)?.get(loan.member_id) ?? ZERO;
      const limit = satang(mulDiv(Math.max(0, held), microPercent(rules.loan_max_multiple), microPercent(1)));
      if (loan.principal > limit)
        out.push(
          finding(
            'W_LOAN_OVER_LIMIT',
            at('principal'),
            {
              th: `เงินกู้ ${loan.loan_id} ${formatBaht(loan.principal)} บาท เกิน ${rules.loan_max_multiple} เท่าของเงินสัจจะและหุ้นของ ${loan.member_id} (${formatBaht(held)} บาท ณ วันจ่าย: กู้ได้ไม่เกิน ${formatBaht(limit)} บาท)`,
              en: `loan ${loan.loan_id} of ${formatBaht(loan.principal)} baht is above ${rules.loan_max_multiple} × ${loan.member_id}'s sajja and shares (${formatBaht(held)} on the day: at most ${formatBaht(limit)})`,
            },
            { loan_id: loan.loan_id, member_id: loan.member_id, expected: limit, actual: loan.principal },
          ),
        );
    }
    if (rules.loan_min_membership_months !== undefined && borrower) {
      const from = addMonths(borrower.joined, rules.loan_min_membership_months);
      if (loan.disbursed_on < from)
        out.push(
          finding(
            'W_LOAN_TOO_EARLY',
            at('disbursed_on'),
            {
              th: `${loan.member_id} เป็นสมาชิกยังไม่ครบ ${rules.loan_min_membership_months} เดือนตามระเบียบเมื่อกู้ ${loan.loan_id} (กู้ได้ตั้งแต่ ${thaiDate(from)})`,
              en: `${loan.member_id} had not been a member for ${rules.loan_min_membership_months} months when ${loan.loan_id} was paid out (allowed from ${from})`,
            },
            { loan_id: loan.loan_id, member_id: loan.member_id, limit_date: from },
          ),
        );
    }
    const guarantors = loan.guarantor_ids.filter(
      (g, i, all) => all.indexOf(g) === i && g !== loan.member_id && members.get(g)?.active === true,
    );
    if (rules.guarantors_required !== undefined && guarantors.length < rules.guarantors_required)
      out.push(
        finding(
          'W_GUARANTORS_MISSING',
          at('guarantor_ids'),
          {
            th: `เงินกู้ ${loan.loan_id} มีผู้ค้ำประกันที่เป็นสมาชิกอยู่ ${guarantors.length} คน ระเบียบกำหนด ${rules.guarantors_required} คน (ผู้กู้ค้ำตนเองไม่ได้)`,
            en: `loan ${loan.loan_id} has ${guarantors.length} guarantor${guarantors.length === 1 ? '' : 's'} who are active members; the bylaws ask for ${rules.guarantors_required} (a borrower cannot guarantee their own loan)`,
          },
          { loan_id: loan.loan_id, count: guarantors.length, limit: rules.guarantors_required },
        ),
      );
    const outstanding = minus(loan.principal, repaidBy(loan.loan_id, asOf));
    if (outstanding > 0)
      for (const g of guarantors) exposure.set(g, plus(exposure.get(g) ?? ZERO, outstanding));
    if (borrower && rules.one_loan_per_household === 'yes') {
      const others = loans.filter(
        (o) =>
          o.record !== loan &&
          members.get(o.record!.member_id)?.household === borrower.household &&
          o.record!.disbursed_on <= loan.disbursed_on &&
          (o.record!.disbursed_on < loan.disbursed_on || o.row < row) &&
          minus(o.record!.principal, repaidBy(o.record!.loan_id, loan.disbursed_on)) > 0,
      );
      if (others.length > 0)
        out.push(
          finding(
            'W_HOUSEHOLD_LOANS',
            at('loan_id'),
            {
              th: `ครัวเรือน ${borrower.household} มีเงินกู้ที่ยังไม่หมด (${others.map((o) => o.record!.loan_id).join(', ')}) เมื่อจ่าย ${loan.loan_id}: หนึ่งครัวเรือน หนึ่งสัญญา`,
              en: `household ${borrower.household} still owed ${others.map((o) => o.record!.loan_id).join(', ')} when ${loan.loan_id} was paid out: one household, one contract`,
            },
            { loan_id: loan.loan_id, count: others.length + 1 },
          ),
        );
    }
  }
  out.push(...instalmentsOverSurplus(book, loans, members));
  out.push(...costsAboveLegal(book, loans, repaid));
  if (rules.guarantor_max_exposure !== undefined) {
    const layoutMembers = book.context.layouts.get('members');
    for (const [g, amount] of exposure) {
      const own = Math.max(0, savings.get(g) ?? 0);
      const limit = satang(mulDiv(own, microPercent(rules.guarantor_max_exposure), microPercent(1)));
      if (amount <= limit) continue;
      const memberRow = (book.tables.get('members') ?? []).find((r) => r.record?.member_id === g);
      out.push(
        finding(
          'W_GUARANTOR_OVEREXPOSED',
          layoutMembers && memberRow
            ? placeOf(layoutMembers, memberRow.row, 'member_id')
            : { sheet: 'members', row: null, column: 'member_id', cell: null },
          {
            th: `${g} ค้ำประกันเงินกู้คงค้างรวม ${formatBaht(amount)} บาท เกิน ${rules.guarantor_max_exposure} เท่าของเงินออมของตน (${formatBaht(own as Satang)} บาท: ไม่เกิน ${formatBaht(limit)} บาท)`,
            en: `${g} guarantees ${formatBaht(amount)} baht outstanding, above ${rules.guarantor_max_exposure} × their own savings (${formatBaht(own as Satang)}: at most ${formatBaht(limit)})`,
          },
          { member_id: g, expected: limit, actual: amount },
        ),
      );
    }
  }
  return out;
}

/**
 * W_INSTALMENT_OVER_SURPLUS: a loan's first instalment and its interest above what the borrower's
 * household had left each month (income − expense, averaged over the three months before the
 * month the loan was paid out) — only for a household that kept its book in each of those months.
 */
function instalmentsOverSurplus(
  book: Book,
  loans: NonNullable<ReturnType<Book['tables']['get']>>,
  members: Map<string, { household: string }>,
): Finding[] {
  const layout = book.context.layouts.get('loans')!;
  const flows = new Map<string, Map<string, Satang>>();
  for (const { record } of book.tables.get('household_accounts') ?? []) {
    if (!record) continue;
    const byMonth = flows.get(record.household_id) ?? new Map<string, Satang>();
    const month = record.date.slice(0, 7);
    const signed = record.type === 'income' ? record.amount : satang(-record.amount);
    byMonth.set(month, plus(byMonth.get(month) ?? ZERO, signed));
    flows.set(record.household_id, byMonth);
  }
  const out: Finding[] = [];
  for (const { row, record } of loans) {
    const loan = record as unknown as {
      loan_id: string;
      member_id: string;
      disbursed_on: IsoDate;
      principal: Satang;
      monthly_rate: number;
      term_months: number;
    };
    const household = members.get(loan.member_id)?.household;
    const byMonth = household === undefined ? undefined : flows.get(household);
    if (!byMonth) continue;
    const months = [1, 2, 3].map((k) => addMonths(`${loan.disbursed_on.slice(0, 7)}-01`, -k).slice(0, 7));
    if (months.some((m) => !byMonth.has(m))) continue;
    const surplus = satang(Math.floor(months.reduce((s, m) => s + byMonth.get(m)!, 0) / 3));
    const first = loanSchedule(loan)[0]!;
    const instalment = plus(first.principal, monthlyInterest(loan.principal, loan.monthly_rate));
    if (instalment <= surplus) continue;
    out.push(
      finding(
        'W_INSTALMENT_OVER_SURPLUS',
        placeOf(layout, row, 'principal'),
        {
          th: `งวดแรกของ ${loan.loan_id} (${formatBaht(instalment)} บาท รวมดอกเบี้ย) เกินเงินเหลือเฉลี่ยต่อเดือนของครัวเรือน ${household} ใน 3 เดือนก่อนกู้ (${formatBaht(surplus)} บาท): ครัวเรือนอาจผ่อนไม่ไหว`,
          en: `the first instalment of ${loan.loan_id} (${formatBaht(instalment)} baht with interest) is above household ${household}'s average monthly surplus over the 3 months before (${formatBaht(surplus)}): it may not be able to pay`,
        },
        { loan_id: loan.loan_id, member_id: loan.member_id, expected: surplus, actual: instalment },
      ),
    );
  }
  return out;
}

/** The legal ceiling on what a loan may cost a year: 15 % (Civil and Commercial Code s. 654). */
const LEGAL_COST_MICRO_PERCENT = microPercent(15);

/**
 * W_LOAN_COST_ABOVE_LEGAL: the interest and fines charged on a loan over any 12 months (or since it
 * was paid out, when younger) above 15 % a year of its average outstanding principal over those
 * days. Judged at each repayment, over the year before it: fines can push a lawful rate over.
 */
function costsAboveLegal(
  book: Book,
  loans: NonNullable<ReturnType<Book['tables']['get']>>,
  paid: ReadonlyMap<string, Repayment[]>,
): Finding[] {
  const layout = book.context.layouts.get('loans')!;
  const out: Finding[] = [];
  for (const { row, record } of loans) {
    const loan = record as unknown as { loan_id: string; disbursed_on: IsoDate; principal: Satang };
    const repayments = paid.get(loan.loan_id) ?? [];
    let worst: { expected: Satang; actual: Satang; to: IsoDate } | undefined;
    for (const r of repayments) {
      const from = maxDate(loan.disbursed_on, addDays(r.date, -364));
      const days = daysBetween(from, r.date) + 1;
      const within = repayments.filter((x) => x.date >= from && x.date <= r.date);
      // principal outstanding at the end of each day of the window, summed (satang-days): it only
      // changes on the days of repayments, so the window is summed a stretch between them at a time
      let owed = minus(
        loan.principal,
        repayments.filter((x) => x.date < from).reduce((s, x) => plus(s, x.principal), ZERO),
      );
      let held = 0;
      let cursor = from;
      for (const x of within) {
        held += Math.max(0, owed) * daysBetween(cursor, x.date);
        owed = minus(owed, x.principal);
        cursor = x.date;
      }
      held += Math.max(0, owed) * (daysBetween(cursor, r.date) + 1);
      const cost = within.reduce((s, x) => plus(s, x.cost), ZERO);
      // 15 % a year of the average outstanding (held ÷ days), for the window's days or — interest is
      // charged a month at a time, a month paid early is a month's — for its months charged, if more
      const months = within.filter((x) => x.interest).length;
      const byDays = mulDiv(held, LEGAL_COST_MICRO_PERCENT, 365 * microPercent(100));
      const byMonths = mulDiv(held * months, LEGAL_COST_MICRO_PERCENT, 12 * days * microPercent(100));
      const allowed = satang(Math.max(byDays, byMonths));
      // the most over the ceiling; of equals, the latest (the fullest year)
      if (cost > allowed && (!worst || cost - allowed >= worst.actual - worst.expected))
        worst = { expected: allowed, actual: cost, to: r.date };
    }
    if (!worst) continue;
    out.push(
      finding(
        'W_LOAN_COST_ABOVE_LEGAL',
        placeOf(layout, row, 'monthly_rate'),
        {
          th: `ดอกเบี้ยและค่าปรับของ ${loan.loan_id} ในรอบปีถึง ${thaiDate(worst.to)} รวม ${formatBaht(worst.actual)} บาท เกิน 15% ต่อปีของเงินต้นคงค้างเฉลี่ย (${formatBaht(worst.expected)} บาท)`,
          en: `the interest and fines charged on ${loan.loan_id} in the year to ${worst.to} come to ${formatBaht(worst.actual)} baht, above 15 % a year of its average outstanding (${formatBaht(worst.expected)})`,
        },
        { loan_id: loan.loan_id, date: worst.to, expected: worst.expected, actual: worst.actual },
      ),
    );
  }
  return out;
}

const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** A repayment as the credit rules read it: its day, the principal it repaid, what it cost, whether interest. */
interface Repayment {
  date: IsoDate;
  principal: Satang;
  cost: Satang;
  interest: boolean;
}

/** Each loan's repayments up to the check date, in date order, from the journal. */
function repaymentsByLoan(journal: Journal, asOf: IsoDate): Map<string, Repayment[]> {
  const paid = new Map<string, Repayment[]>();
  for (const entry of journal.entries) {
    if (entry.date > asOf) break;
    if (entry.kind !== 'repayment' || entry.loan === undefined) continue;
    let principal = ZERO;
    let cost = ZERO;
    let interest = false;
    for (const p of entry.postings) {
      if (p.account.startsWith('loan:')) principal = minus(principal, p.amount);
      if (p.account === 'income:interest' || p.account === 'income:fines') cost = minus(cost, p.amount);
      if (p.account === 'income:interest' && p.amount < 0) interest = true;
    }
    const list = paid.get(entry.loan) ?? [];
    list.push({ date: entry.date, principal, cost, interest });
    paid.set(entry.loan, list);
  }
  return paid;
}
