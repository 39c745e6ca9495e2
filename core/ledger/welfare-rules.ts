import { addDays, addMonths, daysBetween, type IsoDate } from '../calendar.ts';
import type { Book } from '../check/book.ts';
import { type Finding, finding } from '../model/finding.ts';
import { thaiLabel } from '../model/labels.ts';
import { placeOf } from '../model/place.ts';
import type { WelfareEntry, WelfareRule } from '../model/records.ts';
import type { Rules } from '../model/rules.ts';
import { formatBaht, plus, type Satang, satang, ZERO } from '../money.ts';
import { thaiDate } from '../thai-date.ts';
import * as acct from './accounts.ts';
import type { Journal } from './journal.ts';

type Benefit = WelfareRule['benefit'];

/** A benefit of the welfare table as it is applied: from the tab's row, or from the preset. */
export interface BenefitRule extends Omit<WelfareRule, 'note'> {
  /** The welfare_rules row that gives it (null: the bylaws' preset). */
  row: number | null;
}

const rule = (
  r: Omit<BenefitRule, 'row' | 'unit' | 'min_membership_days'> & Partial<BenefitRule>,
): BenefitRule => ({
  unit: 'event',
  min_membership_days: 180,
  row: null,
  ...r,
});
const baht = (n: number) => satang(n * 100);

/**
 * The Chamuang subdistrict fund's table (Khuan Khanun, Phatthalung; DOMAIN.md §3), the preset a
 * group can start from: birth 1,000; a night in hospital 200, at most 600 a stay and 1,000 a year;
 * a scholarship 500; the elderly 200 a year after three years; a death 3,000 growing with the
 * years of membership to 30,000. The source gives the death benefit's range, not its steps: 1,000
 * a full year is our reading (docs/decisions.md), and a group types its own row to say otherwise.
 */
export const CHAMUANG: readonly BenefitRule[] = [
  rule({ benefit: 'birth', amount: baht(1_000) }),
  rule({
    benefit: 'sickness',
    amount: baht(200),
    unit: 'night',
    max_per_claim: baht(600),
    max_per_year: baht(1_000),
  }),
  rule({ benefit: 'education', amount: baht(500) }),
  rule({ benefit: 'elderly', amount: baht(200), unit: 'year', min_membership_days: 1_095 }),
  rule({
    benefit: 'death',
    amount: baht(3_000),
    amount_per_membership_year: baht(1_000),
    max_per_claim: baht(30_000),
  }),
];

/** The welfare table a book applies: each benefit's row of the tab, the preset for the rest. */
export function welfareTable(book: Book): Map<Benefit, BenefitRule> {
  const table = new Map<Benefit, BenefitRule>();
  for (const { row, record } of book.tables.get('welfare_rules') ?? [])
    if (record && !table.has(record.benefit)) table.set(record.benefit, { ...record, row });
  if (book.rules.welfare_preset === 'chamuang')
    for (const r of CHAMUANG) if (!table.has(r.benefit)) table.set(r.benefit, r);
  return table;
}

/** Full years from one day to another (a birthday or an anniversary counts on the day). */
export function fullYears(from: IsoDate, to: IsoDate): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

const monthIndex = (date: IsoDate) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** The fiscal year a day falls in (the year its period ends in): what "a year" of a benefit means. */
const fiscalYearOf = (rules: Pick<Rules, 'fiscal_year_end'>, day: IsoDate): number =>
  Number(day.slice(0, 4)) + (day.slice(5) > rules.fiscal_year_end ? 1 : 0);

/**
 * Each member's welfare contributions, to judge what they owe: a month's contribution is due once
 * the month has ended, from the later of the month the member joined and the month the book's
 * contributions begin (a fund started after its members joined does not owe them its earlier
 * months); money paid ahead covers the months after.
 */
export class Contributions {
  private readonly paid = new Map<string, { date: IsoDate; amount: Satang }[]>();
  private readonly start: IsoDate | undefined;

  constructor(
    rows: readonly WelfareEntry[],
    private readonly monthly: Satang,
  ) {
    let first: IsoDate | undefined;
    for (const w of rows) {
      if (w.type !== 'contribution' || w.member_id === undefined) continue;
      const list = this.paid.get(w.member_id) ?? [];
      list.push({ date: w.date, amount: w.amount });
      this.paid.set(w.member_id, list);
      if (first === undefined || w.date < first) first = w.date;
    }
    for (const list of this.paid.values())
      list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    this.start = first;
  }

  /** What a member had paid, and the months due and behind, at the end of a day. */
  at(member: string, joined: IsoDate, day: IsoDate): { due: number; paid: Satang; behind: number } {
    let paid = ZERO;
    for (const p of this.paid.get(member) ?? []) {
      if (p.date > day) break;
      paid = plus(paid, p.amount);
    }
    if (this.start === undefined) return { due: 0, paid, behind: 0 };
    const from = Math.max(monthIndex(joined), monthIndex(this.start));
    const due = Math.max(0, monthIndex(day) - from);
    return { due, paid, behind: Math.max(0, due - Math.floor(paid / this.monthly)) };
  }
}

interface MemberFacts {
  row: number;
  joined: IsoDate;
  born?: IsoDate;
  active: boolean;
}

function membersOf(book: Book): Map<string, MemberFacts> {
  const asOf = book.context.asOf;
  const members = new Map<string, MemberFacts>();
  for (const { row, record } of book.tables.get('members') ?? [])
    if (record && !members.has(record.member_id))
      members.set(record.member_id, {
        row,
        joined: record.joined_on,
        ...(record.born_on ? { born: record.born_on } : {}),
        active: record.status === 'active' && (record.left_on === undefined || record.left_on > asOf),
      });
  return members;
}

const benefitName = (benefit: string) => ({ th: thaiLabel('benefit', benefit), en: benefit });

/**
 * Welfare payouts against the group's table (SPEC §14), and each member's contributions: a payout
 * of a benefit the table does not have (W_WELFARE_NO_RULE); to a member too new, too young for the
 * elderly benefit, or lapsed — `welfare_lapse_months` of contributions missed on the day of the
 * event (W_WELFARE_NOT_ELIGIBLE); above the rule's amount (× nights, + each full year of
 * membership, capped) for the claim, or above its cap for the fiscal year (W_WELFARE_OVER_LIMIT);
 * claimed later than `claim_within_days` after the event (W_WELFARE_LATE_CLAIM); and each active
 * member behind with contributions today (W_WELFARE_CONTRIBUTION_BEHIND). Nothing is judged by a
 * table that is not there, nor contributions without `welfare_contribution_monthly`. The rows are
 * judged in date order, so the year's cap falls on the claim that passes it.
 */
export function welfareFindings(book: Book): Finding[] {
  const table = welfareTable(book);
  const rules = book.rules;
  const monthly = rules.welfare_contribution_monthly;
  const layout = book.context.layouts.get('welfare');
  const rows = (book.tables.get('welfare') ?? []).filter((r) => r.record);
  if (!layout || (table.size === 0 && monthly === undefined)) return [];
  const members = membersOf(book);
  const contributions =
    monthly === undefined
      ? undefined
      : new Contributions(
          rows.map((r) => r.record!),
          monthly,
        );
  const out: Finding[] = [];
  const claimed = new Map<string, Satang>();
  const payouts = rows
    .filter((r) => r.record!.type === 'payout')
    .sort((a, b) =>
      a.record!.date < b.record!.date ? -1 : a.record!.date > b.record!.date ? 1 : a.row - b.row,
    );
  for (const { row, record } of payouts) {
    const w = record!;
    const at = (column: string) => placeOf(layout, row, column);
    const member = w.member_id === undefined ? undefined : members.get(w.member_id);
    if (table.size === 0 || member === undefined) continue;
    const r = w.benefit === undefined ? undefined : table.get(w.benefit);
    if (r === undefined) {
      const name = w.benefit === undefined ? { th: '(ไม่ได้ระบุ)', en: '(none given)' } : benefitName(w.benefit);
      out.push(
        finding(
          'W_WELFARE_NO_RULE',
          at('benefit'),
          {
            th: `ระเบียบสวัสดิการไม่มีสวัสดิการ "${name.th}": จ่าย ${formatBaht(w.amount)} บาท ให้ ${w.member_id} โดยไม่มีระเบียบรองรับ`,
            en: `the welfare table has no benefit "${name.en}": ${formatBaht(w.amount)} baht paid to ${w.member_id} under no rule`,
          },
          { member_id: w.member_id!, amount: w.amount },
        ),
      );
      continue;
    }
    const event = w.event_date ?? w.date;
    const name = benefitName(r.benefit);
    const notEligible = eligibility(w, r, member, event, rules, contributions);
    if (notEligible)
      out.push(
        finding('W_WELFARE_NOT_ELIGIBLE', at('member_id'), notEligible.message, {
          member_id: w.member_id!,
          limit_date: notEligible.from,
        }),
      );
    const limit = claimLimit(r, w, member.joined, event);
    const year = fiscalYearOf(rules, event);
    const key = `${w.member_id}\u0000${r.benefit}\u0000${year}`;
    const before = claimed.get(key) ?? ZERO;
    const total = plus(before, w.amount);
    claimed.set(key, total);
    const yearCap = r.max_per_year ?? (r.unit === 'year' ? r.amount : undefined);
    if (w.amount > limit.amount)
      out.push(
        finding(
          'W_WELFARE_OVER_LIMIT',
          at('amount'),
          {
            th: `${name.th}: จ่าย ${formatBaht(w.amount)} บาท เกินที่ระเบียบให้ต่อครั้ง ${formatBaht(limit.amount)} บาท (${limit.th})`,
            en: `${name.en}: ${formatBaht(w.amount)} baht paid is above the ${formatBaht(limit.amount)} baht a claim the table allows (${limit.en})`,
          },
          { member_id: w.member_id!, expected: limit.amount, actual: w.amount },
        ),
      );
    else if (yearCap !== undefined && total > yearCap)
      out.push(
        finding(
          'W_WELFARE_OVER_LIMIT',
          at('amount'),
          {
            th: `${name.th}: ${w.member_id} ได้รับในปีบัญชี ${year + 543} รวม ${formatBaht(total)} บาท เกินที่ระเบียบให้ต่อปี ${formatBaht(yearCap)} บาท`,
            en: `${name.en}: ${w.member_id} received ${formatBaht(total)} baht in fiscal year ${year}, above the ${formatBaht(yearCap)} baht a year the table allows`,
          },
          { member_id: w.member_id!, expected: yearCap, actual: total },
        ),
      );
    if (r.claim_within_days !== undefined && w.event_date !== undefined) {
      const days = daysBetween(w.event_date, w.date);
      if (days > r.claim_within_days)
        out.push(
          finding(
            'W_WELFARE_LATE_CLAIM',
            at('date'),
            {
              th: `${name.th}: จ่าย ${days} วันหลังวันที่เกิดเหตุ (${thaiDate(w.event_date)}) เกินกำหนดยื่นขอ ${r.claim_within_days} วัน`,
              en: `${name.en}: paid ${days} days after the event (${w.event_date}), later than the ${r.claim_within_days} days a claim must be made within`,
            },
            { member_id: w.member_id!, days, limit: r.claim_within_days },
          ),
        );
    }
  }
  if (contributions && monthly !== undefined)
    out.push(...behindFindings(book, members, contributions, monthly));
  return out;
}

/** Why a member may not have a benefit on the day of the event, if they may not. */
function eligibility(
  w: WelfareEntry,
  r: BenefitRule,
  member: MemberFacts,
  event: IsoDate,
  rules: Rules,
  contributions: Contributions | undefined,
): { message: { th: string; en: string }; from?: IsoDate } | undefined {
  const name = benefitName(r.benefit);
  const from = addDays(member.joined, r.min_membership_days);
  if (event < from)
    return {
      message: {
        th: `${name.th}: ${w.member_id} เป็นสมาชิกมา ${Math.max(0, daysBetween(member.joined, event))} วัน (สมัคร ${thaiDate(member.joined)}) ระเบียบให้สิทธิเมื่อเป็นสมาชิกครบ ${r.min_membership_days} วัน (ตั้งแต่ ${thaiDate(from)})`,
        en: `${name.en}: ${w.member_id} had been a member ${Math.max(0, daysBetween(member.joined, event))} days (joined ${member.joined}); the table gives it after ${r.min_membership_days} days (from ${from})`,
      },
      from,
    };
  if (r.benefit === 'elderly' && member.born !== undefined) {
    const age = fullYears(member.born, event);
    if (age < rules.welfare_elderly_age)
      return {
        message: {
          th: `${name.th}: ${w.member_id} อายุ ${age} ปี ยังไม่ถึง ${rules.welfare_elderly_age} ปีตามระเบียบ`,
          en: `${name.en}: ${w.member_id} is ${age}, not yet the ${rules.welfare_elderly_age} the bylaws say`,
        },
      };
  }
  if (contributions && w.member_id !== undefined) {
    const { behind } = contributions.at(w.member_id, member.joined, event);
    if (behind >= rules.welfare_lapse_months)
      return {
        message: {
          th: `${name.th}: ${w.member_id} ขาดส่งเงินสมทบ ${behind} เดือน ณ วันที่เกิดเหตุ (${thaiDate(event)}) ขาดส่ง ${rules.welfare_lapse_months} เดือนพ้นสิทธิตามระเบียบ`,
          en: `${name.en}: ${w.member_id} was ${behind} months behind with contributions on the day of the event (${event}); ${rules.welfare_lapse_months} months missed ends the right to benefits`,
        },
      };
  }
  return undefined;
}

/** What one claim may be by the rule: its amount per event, × nights, + per full year of membership, capped. */
export function claimLimit(
  r: BenefitRule,
  w: Pick<WelfareEntry, 'nights'>,
  joined: IsoDate,
  event: IsoDate,
): { amount: Satang; th: string; en: string } {
  let amount = r.amount;
  let th = `${formatBaht(r.amount)} บาท`;
  let en = `${formatBaht(r.amount)} baht`;
  if (r.unit === 'night') {
    const nights = w.nights ?? 1;
    amount = satang(r.amount * nights);
    th = w.nights === undefined ? `คืนละ ${th} ไม่ได้ระบุจำนวนคืน นับ 1 คืน` : `คืนละ ${th} × ${nights} คืน`;
    en = w.nights === undefined ? `${en} a night, no nights given: 1 counted` : `${en} a night × ${nights}`;
  }
  if (r.amount_per_membership_year !== undefined) {
    const years = Math.max(0, fullYears(joined, event));
    amount = satang(amount + r.amount_per_membership_year * years);
    th += ` + ${formatBaht(r.amount_per_membership_year)} บาท × สมาชิก ${years} ปี`;
    en += ` + ${formatBaht(r.amount_per_membership_year)} × ${years} years of membership`;
  }
  if (r.max_per_claim !== undefined && amount > r.max_per_claim) {
    amount = r.max_per_claim;
    th += ` สูงสุด ${formatBaht(r.max_per_claim)} บาท`;
    en += `, at most ${formatBaht(r.max_per_claim)}`;
  }
  return { amount, th, en };
}

/** Each active member behind with contributions at the check date, at their row of the members tab. */
function behindFindings(
  book: Book,
  members: Map<string, MemberFacts>,
  contributions: Contributions,
  monthly: Satang,
): Finding[] {
  const layout = book.context.layouts.get('members');
  if (!layout) return [];
  const out: Finding[] = [];
  const asOf = book.context.asOf;
  for (const [id, m] of members) {
    if (!m.active) continue;
    const { due, paid, behind } = contributions.at(id, m.joined, asOf);
    if (behind < 1) continue;
    const expected = satang(due * monthly);
    out.push(
      finding(
        'W_WELFARE_CONTRIBUTION_BEHIND',
        placeOf(layout, m.row, 'member_id'),
        {
          th: `${id} ขาดส่งเงินสมทบสวัสดิการ ${behind} เดือน (ถึงสิ้นเดือนก่อน ต้องส่ง ${formatBaht(expected)} บาท ส่งแล้ว ${formatBaht(paid)} บาท)`,
          en: `${id} is ${behind} month${behind === 1 ? '' : 's'} behind with welfare contributions (${formatBaht(expected)} baht due by last month's end, ${formatBaht(paid)} paid)`,
        },
        { member_id: id, count: behind, expected, actual: paid },
      ),
    );
  }
  return out;
}

/** The welfare fund's health at the end of a day (SPEC §14): what the reports and the summary show. */
export interface WelfareHealth {
  /** The fund ÷ a month's payouts over the last 12 months (null: nothing was paid out). */
  months_of_cover: number | null;
  payouts_12m: Satang;
  /** Members' contributions and matching money over the last 12 months. */
  contributions_12m: Satang;
  matching_12m: Satang;
  /** Payouts ÷ contributions over the last 12 months (null: nothing came in). */
  payout_ratio: number | null;
  /** Active members the elderly benefit falls due to in the next 12 months, and what it will cost. */
  elderly_due: number;
  elderly_new: number;
  elderly_cost: Satang;
}

/** The fund's health at the end of `day`: the journal's flows over the 12 months to it, and the coming elderly benefits. */
export function welfareHealth(book: Book, journal: Journal, day: IsoDate): WelfareHealth {
  const from = addMonths(day, -12);
  let fund = ZERO;
  let payouts = ZERO;
  let contributions = ZERO;
  let matching = ZERO;
  for (const e of journal.entries) {
    if (e.date > day) break;
    for (const p of e.postings) if (p.account === acct.WELFARE_FUND) fund = satang(fund - p.amount);
    if (e.date <= from || e.kind === 'opening') continue;
    if (e.kind === 'welfare_payout') payouts = plus(payouts, e.amount);
    else if (e.kind === 'welfare_contribution') contributions = plus(contributions, e.amount);
    else if (e.kind === 'welfare_matching') matching = plus(matching, e.amount);
  }
  const incoming = plus(contributions, matching);
  const elderly = elderlyDue(book, day);
  return {
    months_of_cover: payouts === 0 ? null : Math.round((fund * 12 * 10) / payouts) / 10,
    payouts_12m: payouts,
    contributions_12m: incoming,
    matching_12m: matching,
    payout_ratio: incoming === 0 ? null : Math.round((payouts / incoming) * 10_000) / 10_000,
    ...elderly,
  };
}

/**
 * The elderly benefit in the next 12 months: each active member with a birth date who is, or will
 * be by then, old enough and a member long enough. A benefit paid each year is due to all of them;
 * a one-off benefit only to those who reach it in those months.
 */
function elderlyDue(
  book: Book,
  day: IsoDate,
): Pick<WelfareHealth, 'elderly_due' | 'elderly_new' | 'elderly_cost'> {
  const r = welfareTable(book).get('elderly');
  const none = { elderly_due: 0, elderly_new: 0, elderly_cost: ZERO };
  if (!r) return none;
  const end = addMonths(day, 12);
  let due = 0;
  let fresh = 0;
  for (const { record: m } of book.tables.get('members') ?? []) {
    if (!m || m.born_on === undefined || m.joined_on > day) continue;
    if (m.status !== 'active' || (m.left_on !== undefined && m.left_on <= day)) continue;
    const aged = addMonths(m.born_on, 12 * book.rules.welfare_elderly_age);
    const member = addDays(m.joined_on, r.min_membership_days);
    const from = aged.localeCompare(member) > 0 ? aged : member;
    if (from > end) continue;
    const reaching = from > day;
    if (reaching) fresh++;
    if (r.unit === 'year' || reaching) due++;
  }
  return { elderly_due: due, elderly_new: fresh, elderly_cost: satang(r.amount * due) };
}
