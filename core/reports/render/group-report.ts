import type { IsoDate } from '../../calendar.ts';
import { addDays, addMonths } from '../../calendar.ts';
import { type BuyoutFigures, buyoutFigures } from '../../ledger/buyouts.ts';
import type { CheckedBooks } from '../../ledger/checked-books.ts';
import { fiscalYear } from '../../ledger/year-close.ts';
import type { Finding } from '../../model/finding.ts';
import { POOL_NAMES, POOLS } from '../../model/rules.ts';
import { minus, plus, type Satang, ZERO } from '../../money.ts';
import { REDUCIBLE_CATEGORIES } from '../../parse/enumerations.ts';
import { figureLabel, figureHeading as label } from '../../summary/figures.ts';
import { type MonthlySummary, summariseMonth } from '../../summary/monthly-summary.ts';
import { thaiDate, thaiMonth } from '../../thai-date.ts';
import { type YearEnd, yearEnd } from '../../year/year-end.ts';
import { type HouseholdPlans, householdsWithPlans } from '../household-view.ts';
import { baht, percent, signedBaht, signedCount } from './format.ts';
import { wayOutText } from './household-page.ts';
import { type Html, html } from './html.ts';
import { bar, columns, doc, S, section, th2 } from './layout.ts';
import { planLines, planRows } from './plans.ts';

/** What an archive knows of the month, when the report is sent after archiving it. */
export interface ArchiveNote {
  version: number;
  hash: string;
  head_hash: string;
}

/** Everything a group's monthly report shows: plain data, rendered as HTML and as text. */
export interface GroupReport {
  group_id: string;
  group_name: string;
  place: string;
  month: string;
  generated_on: IsoDate;
  summary: MonthlySummary;
  previous: MonthlySummary | null;
  trend: {
    month: string;
    savings: Satang;
    loans: Satang;
    par30: Satang;
    /** Each sub-group's score that month (SPEC §15; absent before issue 22). */
    scores?: Record<string, number | null>;
  }[];
  findings: { shown: Finding[]; more: number; errors: number; warnings: number };
  /** Reducible spending this month and last; null for a month no household kept accounts (no data, not zero). */
  reducible: { now: Satang | null; before: Satang | null };
  todo: { th: string; en: string }[];
  archive: ArchiveNote | null;
  /** In the month after a fiscal year ends: that year's share-out by the bylaws (SPEC §13). */
  year: YearEnd | null;
  /** Members behind with welfare contributions today (W_WELFARE_CONTRIBUTION_BEHIND); absent before issue 21. */
  welfare_behind?: number;
  /** This month's debt buy-outs, one line each (SPEC §14); absent before issue 21. */
  buyouts?: BuyoutFigures[];
  /** The bylaws' score below which a sub-group is to be visited (SPEC §15). */
  visit_below?: number;
  /** Each household with a family plan, followed to the month's end (SPEC §15); absent before issue 22. */
  households?: HouseholdPlans[];
}

/** A sub-group's score as shown: `72`, `⚠ 48` below the visit threshold, `—` without data. */
const scoreText = (score: number | undefined | null, below = 60) =>
  score === null || score === undefined ? '—' : score < below ? `⚠ ${score}` : String(score);

const MAX_FINDINGS = 10;

const month12 = (month: string) =>
  Array.from({ length: 12 }, (_, i) => addMonths(`${month}-01`, i - 11).slice(0, 7));

/**
 * The report of one group's month from its checked books (SPEC §11): the same data for the email,
 * the CLI and a dialog in the sheet. Pure: the generation day is passed in.
 */
export function groupReportData(
  checked: CheckedBooks,
  month: string,
  generatedOn: IsoDate,
  archive: ArchiveNote | null = null,
): GroupReport {
  const { settings } = checked.book;
  const opening = settings.opening_date?.slice(0, 7) ?? month;
  const summary = summariseMonth(checked, month);
  const previousMonth = addMonths(`${month}-01`, -1).slice(0, 7);
  const previous = previousMonth >= opening ? summariseMonth(checked, previousMonth) : null;
  const trend = month12(month)
    .filter((m) => m >= opening)
    .map((m) => {
      const s =
        m === month ? summary : m === previousMonth && previous ? previous : summariseMonth(checked, m);
      return {
        month: m,
        savings: s.savings.balance,
        loans: s.loans.outstanding,
        par30: s.loans.par30,
        scores: Object.fromEntries(s.subgroups.map((g) => [g.subgroup_id, g.score])),
      };
    });
  const sorted = [...checked.findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  const reducibleOf = (s: MonthlySummary) =>
    Object.entries(s.households.by_category)
      .filter(([category]) => REDUCIBLE_CATEGORIES.includes(category))
      .reduce((total, [, amount]) => plus(total, amount), ZERO);
  return {
    group_id: settings.group_id,
    group_name: settings.group_name,
    place: [settings.village, settings.subdistrict, settings.district, settings.province]
      .filter(Boolean)
      .join(' · '),
    month,
    generated_on: generatedOn,
    summary,
    previous,
    trend,
    findings: {
      shown: sorted.slice(0, MAX_FINDINGS),
      more: Math.max(0, sorted.length - MAX_FINDINGS),
      errors: checked.result.counts.error,
      warnings: checked.result.counts.warning,
    },
    reducible: {
      now: summary.households.reporting > 0 ? reducibleOf(summary) : null,
      before: previous && previous.households.reporting > 0 ? reducibleOf(previous) : null,
    },
    todo: todoOf(checked, summary, month),
    archive,
    year: yearJustEnded(checked, month),
    welfare_behind: checked.findings.filter((f) => f.code === 'W_WELFARE_CONTRIBUTION_BEHIND').length,
    buyouts: buyoutFigures(checked.book).filter((b) => b.date.slice(0, 7) === month),
    visit_below: checked.book.rules.score_visit_below,
    households: householdsWithPlans(checked.book, month),
  };
}

/** A figure's row of a report table: its Thai and English label, its value, marked for tests and readers. */
const figureRow = (path: string, value: string | Html) =>
  html`<tr><td style="${S.cell}">${th2(...label(path))}</td><td style="${S.num}" data-figure="${path}">${value}</td></tr>`;

const months = (n: number | null) =>
  n === null ? th2('ยังไม่มีการจ่าย', 'nothing paid out') : `${n.toFixed(1)}`;
const ratio = (n: number | null) => (n === null ? '—' : percent(n));

/**
 * The welfare fund's health (SPEC §14): how many months it would last at the last year's payouts,
 * what it paid per baht that came in (the state's matching money said apart), the elderly benefits
 * coming due in the next 12 months, and how many members are behind with contributions.
 */
function welfareBlock(r: GroupReport): Html {
  const w = r.summary.welfare_health;
  return section(
    'กองทุนสวัสดิการ',
    'Welfare fund',
    html`<table style="${S.table}">
      ${figureRow('welfare_health.months_of_cover', months(w.months_of_cover))}
      ${figureRow('welfare_health.payouts_12m', baht(w.payouts_12m))}
      ${figureRow('welfare_health.contributions_12m', html`${baht(w.contributions_12m)}${w.matching_12m > 0 ? html` <span style="${S.muted}">(${th2('สมทบจากรัฐ', 'matched')} ${baht(w.matching_12m)})</span>` : ''}`)}
      ${figureRow('welfare_health.payout_ratio', ratio(w.payout_ratio))}
      ${figureRow('welfare_health.elderly_cost', html`${baht(w.elderly_cost)} <span style="${S.muted}">(${w.elderly_due} ${th2('คน', 'members')})</span>`)}
      ${r.welfare_behind ? html`<tr><td style="${S.cell}">${th2('สมาชิกขาดส่งเงินสมทบ', 'Members behind with contributions')}</td><td style="${S.num}" data-figure="welfare_behind">${r.welfare_behind}</td></tr>` : ''}
    </table>`,
  );
}

/** Each sub-group's score this month and its 12-month trend as small CSS bars (SPEC §15). */
function scoresBlock(r: GroupReport): Html {
  const below = r.visit_below ?? 60;
  return section(
    'คะแนนกลุ่มย่อย 12 เดือน',
    'Sub-group scores, 12 months',
    html`<table style="${S.table}">${r.summary.subgroups.map(
      (g) => html`<tr data-trend="${g.subgroup_id}">
        <td style="${S.cell}">${g.subgroup_id}</td>
        <td style="${S.cell}">${columns(
          r.trend.map((t) => t.scores?.[g.subgroup_id] ?? null),
          100,
          '#3b7d4f',
          (v) => v < below,
        )}</td>
        <td style="${S.num}">${scoreText(g.score, below)}</td>
      </tr>`,
    )}</table>
    <div style="${S.muted}">แดง: ต่ำกว่า ${below} คะแนน ควรไปเยี่ยม / red: below ${below}, to visit</div>
    ${measuresTable(r)}`,
  );
}

const measure = (v: number | null, show: (n: number) => string) => (v === null ? '—' : show(v));

/**
 * The five measures each sub-group's score is made of, this month (SPEC §15): one row a sub-group,
 * its measures side by side where there is room and one under another on a phone.
 */
function measuresTable(r: GroupReport): Html {
  const rows = r.summary.subgroups;
  if (rows.length === 0) return html``;
  const item = (g: string, key: string, th: string, en: string, value: string) =>
    html`<span style="display:inline-block;margin:0 10px 2px 0;white-space:nowrap">${th} <b data-figure="subgroups[${g}].measures.${key}">${value}</b> <span style="${S.muted}">${en}</span></span>`;
  return html`<table style="${S.table};margin-top:6px" data-measures="${r.month}">
    <tr><th style="${S.head}">${th2('กลุ่มย่อย', 'Sub-group')}</th><th style="${S.head}">${th2('ตัวชี้วัดเดือนนี้', "This month's measures")}</th></tr>
    ${rows.map((g) => {
      const m = g.measures;
      const id = g.subgroup_id;
      return html`<tr data-subgroup="${id}">
        <td style="${S.cell}">${id}</td>
        <td style="${S.cell}">${item(id, 'remit_days', 'ถือเงิน (วัน)', 'days held', `${measure(m.remit_days_mean, (n) => n.toFixed(1))} / ${measure(m.remit_days_worst, (n) => n.toFixed(0))}`)}${item(id, 'pledge_share', 'ออมครบสัจจะ', 'pledges kept', measure(m.pledge_share, percent))}${item(id, 'par30_ratio', 'PAR30', 'PAR30', measure(m.par30_ratio, percent))}${item(id, 'books_share', 'ลงบัญชี', 'books kept', measure(m.books_share, percent))}${item(id, 'informal_debt_change', 'หนี้นอกระบบ', 'informal debt', m.informal_debt_change === null ? '—' : signedBaht(m.informal_debt_change))}</td>
      </tr>`;
    })}
  </table>
  <div style="${S.muted}">ถือเงิน: เฉลี่ย / นานสุด · — ไม่มีข้อมูล ไม่นับในคะแนน / days held: mean / worst · — no data, left out of the score</div>`;
}

/**
 * The household section's plans (SPEC §15): each plan against what the household saved, months
 * ahead or behind, the spending cut, the debt-free month now forecast, and the pledge its book
 * suggests beside what its members pledged.
 */
function plansBlock(r: GroupReport): Html {
  const list = r.households ?? [];
  if (list.length === 0) return html``;
  return section(
    'แผนครอบครัว',
    'Family plans',
    html`<table style="${S.table}">
      <tr><th style="${S.head}">${th2('ครัวเรือน · แผน', 'Household · plan')}</th><th style="${S.headNum}">${th2('ออมได้', 'Saved')}</th><th style="${S.headNum}">${th2('เทียบแผน', 'Against the plan')}</th></tr>
      ${list.map((h) => {
        const out = wayOutText({ ...h, months_to_debt_free: null });
        return html`${planRows(h.plans, html`<div style="${S.muted}">${h.household_id} ${h.head_name ?? ''}</div>`)}
        <tr data-household="${h.household_id}"><td style="${S.cell}" colspan="3"><span style="${S.muted}">${h.household_id}: ${out.th} / ${out.en} · สัจจะรวม / pledged ${baht(h.pledged)}${h.suggested_pledge ? ` · แนะนำ / suggested ${baht(h.suggested_pledge.household)}` : ''}</span></td></tr>`;
      })}
    </table>`,
  );
}

/** Debt relief to the month's end (SPEC §14), and this month's buy-outs one by one. */
function reliefBlock(r: GroupReport): Html {
  const d = r.summary.debt_relief;
  const list = r.buyouts ?? [];
  return html`<table style="${S.table}">
      ${figureRow('debt_relief.households_helped', String(d.households_helped))}
      ${figureRow('debt_relief.debts_bought_out', String(d.debts_bought_out))}
      ${figureRow('debt_relief.reduced', baht(d.reduced))}
      ${figureRow('debt_relief.interest_saved_monthly', baht(d.interest_saved_monthly))}
      ${figureRow('debt_relief.informal_left', baht(d.informal_left))}
    </table>
    ${
      list.length === 0
        ? ''
        : html`<table style="${S.table};margin-top:6px" data-buyouts="${r.month}">
      <tr><th style="${S.head}">${th2('ปลดหนี้เดือนนี้', "This month's buy-outs")}</th><th style="${S.headNum}">${th2('เจ้าหนี้แจ้ง', 'Claimed')}</th><th style="${S.headNum}">${th2('กลุ่มจ่าย', 'Paid')}</th><th style="${S.headNum}">${th2('ลดได้', 'Reduced')}</th></tr>
      ${list.map(
        (b) =>
          html`<tr><td style="${S.cell}">${b.household_id} · ${b.creditor} <span style="${S.muted}">${b.loan_id}${b.lawful_balance === undefined ? '' : html` · ${th2('ยอดตามกฎหมาย', 'lawful balance')} ${baht(b.lawful_balance)}`}</span></td><td style="${S.num}">${baht(b.claimed)}</td><td style="${S.num}">${baht(b.paid)}</td><td style="${S.num}">${baht(b.reduced)}</td></tr>`,
      )}
    </table>`
    }`;
}

/** The fiscal year that ended the day before the month began, with its figures; null otherwise. */
function yearJustEnded(checked: CheckedBooks, month: string): YearEnd | null {
  const ended = Number(month.slice(0, 4)) - (month.slice(5) === '01' ? 1 : 0);
  for (const y of [ended, ended + 1]) {
    const { to } = fiscalYear(checked.book.rules, y);
    if (addDays(to, 1).slice(0, 7) !== month) continue;
    const opening = checked.book.settings.opening_date;
    if (opening !== undefined && to < opening) return null;
    return yearEnd(checked, y);
  }
  return null;
}

/** The year just ended, as the bylaws share it out: the pools in baht, the rates. */
function yearBlock(y: YearEnd): Html {
  return section(
    `การจัดสรรกำไรปีบัญชี ${y.fiscal_year + 543}`,
    `The ${y.fiscal_year} profit, shared out`,
    html`<table style="${S.table}">
      <tr><td style="${S.cell}">${th2('กำไรสุทธิ', 'Net profit')}</td><td style="${S.num}" data-figure="year.profit.net">${baht(y.profit.net)}</td></tr>
      ${POOLS.filter((p) => y.pools[p] > 0).map(
        (p) =>
          html`<tr><td style="${S.cell}">${th2(POOL_NAMES[p].th, POOL_NAMES[p].en)}</td><td style="${S.num}" data-figure="year.pools.${p}">${baht(y.pools[p])}</td></tr>`,
      )}
    </table>
    <div style="${S.muted}">ปันผลร้อยละ ${y.dividend_rate.toFixed(2)} ต่อปี / dividend ${y.dividend_rate.toFixed(2)} % a year · sajja year-end --report</div>`,
  );
}

/** The short list a treasurer acts on this month: counts missing, money held, loans behind, the month to close. */
function todoOf(checked: CheckedBooks, summary: MonthlySummary, month: string): { th: string; en: string }[] {
  const todo: { th: string; en: string }[] = [];
  const codes = (code: string) => checked.findings.filter((f) => f.code === code);
  for (const f of codes('W_COUNT_MISSING'))
    todo.push({
      th: `ตรวจนับ${f.account === 'bank' ? 'ยอดเงินฝากธนาคาร' : 'เงินสด'}ของเดือน ${thaiMonth(f.month ?? month)}`,
      en: `count the ${f.account} of ${f.month}`,
    });
  // money a head still holds at the month's end is said whatever its age, one line a sub-group
  const holding = summary.subgroups.filter((g) => g.in_transit > 0);
  for (const g of holding)
    todo.push({
      th: `รับเงินที่หัวหน้ากลุ่มย่อย ${g.subgroup_id} ยังถืออยู่ ${baht(g.in_transit)} บาท`,
      en: `collect ${baht(g.in_transit)} baht still held by sub-group ${g.subgroup_id}'s head`,
    });
  if (holding.length === 0 && codes('W_NOT_REMITTED').length > 0)
    todo.push({ th: 'ให้หัวหน้ากลุ่มย่อยนำส่งเงินตามกำหนด', en: 'sub-group heads to remit on time' });
  if (summary.loans.overdue_loans > 0)
    todo.push({
      th: `ติดตามเงินกู้ค้างชำระ ${summary.loans.overdue_loans} สัญญา`,
      en: `follow up ${summary.loans.overdue_loans} overdue loan${summary.loans.overdue_loans === 1 ? '' : 's'}`,
    });
  const edits = codes('W_CLOSED_PERIOD_CHANGED');
  if (edits.length > 0) {
    const months = [...new Set(edits.map((f) => f.month).filter((m): m is string => m !== undefined))].sort();
    todo.push({
      th: `ตรวจเดือนที่ปิดบัญชีแล้วแต่ถูกแก้ไข ${edits.length} จุด (${months.map(thaiMonth).join(', ')}): แก้กลับ หรือเก็บเดือนนั้นใหม่ (sajja diff บอกว่าแก้อะไร)`,
      en: `check ${edits.length} change${edits.length === 1 ? '' : 's'} to closed months (${months.join(', ')}): undo them, or archive the month again (sajja diff says what changed)`,
    });
  }
  const closed = checked.book.settings.closed_through;
  if (closed === undefined || closed < month)
    todo.push({ th: `ปิดบัญชีเดือน ${thaiMonth(month)}`, en: `close the month ${month}` });
  if (checked.result.counts.error > 0)
    todo.push({
      th: `แก้ข้อผิดพลาด ${checked.result.counts.error} รายการในสมุด`,
      en: `fix ${checked.result.counts.error} error${checked.result.counts.error === 1 ? '' : 's'} in the workbook`,
    });
  return todo;
}

/** The change of a figure from the previous month, or nothing in the month the books open. */
function change(now: number, before: number | undefined, money = true): string {
  if (before === undefined) return '';
  return money ? signedBaht(minus(now as Satang, before as Satang)) : signedCount(now - before);
}

/** The group report as one self-contained, email-safe HTML document (SPEC §11). */
export function renderGroupReport(r: GroupReport): string {
  const s = r.summary;
  const p = r.previous ?? undefined;
  const headline: [string, string, string, string, string][] = [
    [
      'savings.balance',
      ...label('savings.balance'),
      baht(s.savings.balance),
      change(s.savings.balance, p?.savings.balance),
    ],
    [
      'savings.members_saving',
      ...label('savings.members_saving'),
      String(s.savings.members_saving),
      change(s.savings.members_saving, p?.savings.members_saving, false),
    ],
    [
      'loans.outstanding',
      ...label('loans.outstanding'),
      baht(s.loans.outstanding),
      change(s.loans.outstanding, p?.loans.outstanding),
    ],
    [
      'loans.par30',
      ...label('loans.par30'),
      `${baht(s.loans.par30)} (${percent(s.loans.par30_ratio)})`,
      change(s.loans.par30, p?.loans.par30),
    ],
    [
      'welfare.fund_balance',
      ...label('welfare.fund_balance'),
      baht(s.welfare.fund_balance),
      change(s.welfare.fund_balance, p?.welfare.fund_balance),
    ],
    [
      'balances.cash_bank',
      'เงินสดและเงินฝาก',
      'Cash and bank',
      baht(plus(s.balances.cash.closing, s.balances.bank.closing)),
      change(
        plus(s.balances.cash.closing, s.balances.bank.closing),
        p ? plus(p.balances.cash.closing, p.balances.bank.closing) : undefined,
      ),
    ],
    [
      'balances.in_transit',
      ...label('balances.in_transit'),
      baht(s.balances.in_transit),
      change(s.balances.in_transit, p?.balances.in_transit),
    ],
  ];
  const top = Math.max(1, ...r.trend.map((t) => Math.max(t.savings, t.loans)));
  const body = html`
    <div style="${S.header}">
      <div style="font-size:20px;font-weight:bold">${r.group_name}</div>
      <div style="${S.muted}">${r.place}</div>
      <div style="margin-top:6px">${th2(`รายงานประจำเดือน ${thaiMonth(r.month)}`, `Monthly report ${r.month}`)}</div>
    </div>
    ${section(
      'ตัวเลขสำคัญ',
      'Headline figures',
      html`<table style="${S.table}">${headline.map(
        ([key, th, en, value, delta]) => html`<tr>
          <td style="${S.cell}">${th2(th, en)}</td>
          <td style="${S.num}" data-figure="${key}">${value}</td>
          <td style="${S.delta}">${delta}</td>
        </tr>`,
      )}</table>
      <div style="${S.muted}">เทียบกับเดือนก่อน / change from the previous month</div>`,
    )}
    ${section(
      'แนวโน้ม 12 เดือน',
      '12-month trend',
      html`<table style="${S.table}">${r.trend.map(
        (t) => html`<tr>
          <td style="${S.cell};width:70px">${thaiMonth(t.month)}</td>
          <td style="${S.cell}">
            ${bar(t.savings / top, '#3b7d4f', `ออม ${baht(t.savings)}`)}
            ${bar(t.loans / top, '#4a6fa5', `กู้ ${baht(t.loans)}`)}
            ${t.par30 > 0 ? bar(t.par30 / top, '#c0392b', `PAR30 ${baht(t.par30)}`) : ''}
          </td>
        </tr>`,
      )}</table>
      <div style="${S.muted}">เขียว: เงินออม · น้ำเงิน: เงินกู้คงค้าง · แดง: PAR30 / green: savings · blue: loans · red: PAR30</div>`,
    )}
    ${r.year ? yearBlock(r.year) : ''}
    ${welfareBlock(r)}
    ${section('ผลการตรวจ', 'Checks', findingsBlock(r))}
    ${section(
      'กลุ่มย่อย',
      'Sub-groups',
      html`<table style="${S.table}">
        <tr><th style="${S.head}">${th2('กลุ่มย่อย', 'Sub-group')}</th><th style="${S.headNum}">${th2('เก็บ', 'Collected')}</th><th style="${S.headNum}">${th2('นำส่ง', 'Remitted')}</th><th style="${S.headNum}">${th2('ถืออยู่', 'Held')}</th><th style="${S.headNum}">${th2('เงินออม', 'Savings')}</th><th style="${S.headNum}">${th2('คะแนน', 'Score')}</th></tr>
        ${s.subgroups.map(
          (g) =>
            html`<tr><td style="${S.cell}">${g.subgroup_id}</td><td style="${S.num}">${baht(g.collected)}</td><td style="${S.num}">${baht(g.remitted)}</td><td style="${S.num}">${baht(g.in_transit)}</td><td style="${S.num}">${baht(g.member_savings)}</td><td style="${S.num}" data-score="${g.subgroup_id}">${scoreText(g.score, r.visit_below)}</td></tr>`,
        )}
      </table>`,
    )}
    ${section(
      'หนี้สินครัวเรือน',
      'Household debt',
      html`<table style="${S.table}">
        <tr><td style="${S.cell}">${th2(...label('households.total_debt'))}</td><td style="${S.num}" data-figure="households.total_debt">${baht(s.households.total_debt)}</td></tr>
        <tr><td style="${S.cell}">${th2(...label('households.informal_debt'))}</td><td style="${S.num}" data-figure="households.informal_debt">${baht(s.households.informal_debt)}</td></tr>
        <tr><td style="${S.cell}">${th2(...label('households.debt_change'))}</td><td style="${S.num}" data-figure="households.debt_change">${signedBaht(s.households.debt_change)}</td></tr>
        <tr><td style="${S.cell}">${th2('เหล้า บุหรี่ หวย เดือนนี้', 'Alcohol, tobacco, lottery this month')}</td><td style="${S.num}" data-figure="reducible">${r.reducible.now === null ? th2('ไม่มีข้อมูล', 'no data') : html`${baht(r.reducible.now)}${r.reducible.before === null ? '' : html` <span style="${S.delta}">${signedBaht(minus(r.reducible.now, r.reducible.before))}</span>`}`}</td></tr>
      </table>`,
    )}
    ${section('ปลดหนี้', 'Debt relief', reliefBlock(r))}
    ${plansBlock(r)}
    ${scoresBlock(r)}
    ${section(
      'สิ่งที่ต้องทำ',
      'To do',
      r.todo.length === 0
        ? html`<div>✓ ไม่มี / nothing to do</div>`
        : html`<ul style="margin:0;padding-left:20px">${r.todo.map((t) => html`<li>${th2(t.th, t.en)}</li>`)}</ul>`,
    )}
    <div style="${S.footer}">
      ${r.archive ? html`<div>เก็บลงคลังแล้ว / archived: v${r.archive.version} · ${r.archive.hash.slice(0, 16)}…</div><div>หัวสายโซ่ / chain head: <span style="font-family:monospace">${r.archive.head_hash}</span></div>` : ''}
      <div>สร้างเมื่อ ${thaiDate(r.generated_on)} โดย Sajja (สัจจะ) / made on ${r.generated_on} by Sajja</div>
    </div>`;
  return doc(`${r.group_name} — ${thaiMonth(r.month)}`, body);
}

function findingsBlock(r: GroupReport): Html {
  const { shown, more, errors, warnings } = r.findings;
  const s = r.summary.checks;
  return html`
    <div data-figure="checks">${errors === 0 ? '✓ ' : '✗ '}ข้อผิดพลาด ${errors} · คำเตือน ${warnings} <span style="${S.muted}">/ errors ${errors} · warnings ${warnings} (เดือนนี้ / this month: ${s.errors} · ${s.warnings})</span></div>
    ${
      shown.length === 0
        ? ''
        : html`<table style="${S.table};margin-top:6px">${shown.map(
            (f) => html`<tr>
        <td style="${S.cell};width:60px;color:${f.severity === 'error' ? '#c0392b' : '#b9770e'}">${f.severity === 'error' ? '✗' : '⚠'} ${f.cell ?? f.sheet ?? ''}</td>
        <td style="${S.cell}">${f.message.th}<div style="${S.muted}">${f.message.en}</div></td>
      </tr>`,
          )}</table>`
    }
    ${more > 0 ? html`<div style="${S.muted}">และอีก ${more} รายการ (sajja check) / and ${more} more</div>` : ''}`;
}

/** The same report in words: the plain-text part of the email. */
export function groupReportText(r: GroupReport): string {
  const s = r.summary;
  const p = r.previous ?? undefined;
  const lines = [
    `${r.group_name} — รายงานประจำเดือน ${thaiMonth(r.month)} / monthly report ${r.month}`,
    r.place,
    '',
    'ตัวเลขสำคัญ / Headline figures (เทียบเดือนก่อน / change)',
    `- ${figureLabel('savings.balance')}: ${baht(s.savings.balance)} ${change(s.savings.balance, p?.savings.balance)}`,
    `- ${figureLabel('savings.members_saving')}: ${s.savings.members_saving} ${change(s.savings.members_saving, p?.savings.members_saving, false)}`,
    `- ${figureLabel('loans.outstanding')}: ${baht(s.loans.outstanding)} ${change(s.loans.outstanding, p?.loans.outstanding)}`,
    `- ${figureLabel('loans.par30')}: ${baht(s.loans.par30)} (${percent(s.loans.par30_ratio)})`,
    `- ${figureLabel('welfare.fund_balance')}: ${baht(s.welfare.fund_balance)}`,
    `- เงินสดและเงินฝาก / cash and bank: ${baht(plus(s.balances.cash.closing, s.balances.bank.closing))}`,
    `- ${figureLabel('balances.in_transit')}: ${baht(s.balances.in_transit)}`,
    '',
    `ผลการตรวจ / checks: ข้อผิดพลาด ${r.findings.errors} errors · คำเตือน ${r.findings.warnings} warnings`,
    ...r.findings.shown.map((f) => `- ${f.cell ?? f.sheet ?? ''} ${f.message.th} / ${f.message.en}`),
    ...(r.findings.more > 0 ? [`- และอีก ${r.findings.more} รายการ / and ${r.findings.more} more`] : []),
    ...(r.year
      ? [
          '',
          `การจัดสรรกำไรปีบัญชี ${r.year.fiscal_year + 543} / the ${r.year.fiscal_year} profit shared out`,
          `- กำไรสุทธิ / net profit: ${baht(r.year.profit.net)}`,
          ...POOLS.filter((p) => r.year!.pools[p] > 0).map(
            (p) => `- ${POOL_NAMES[p].th} / ${POOL_NAMES[p].en}: ${baht(r.year!.pools[p])}`,
          ),
          `- ปันผลร้อยละ ${r.year.dividend_rate.toFixed(2)} ต่อปี / dividend ${r.year.dividend_rate.toFixed(2)} % a year`,
        ]
      : []),
    '',
    'กองทุนสวัสดิการ / welfare fund',
    `- ${figureLabel('welfare.fund_balance')}: ${baht(s.welfare.fund_balance)} · ${figureLabel('welfare_health.months_of_cover')}: ${s.welfare_health.months_of_cover === null ? 'ยังไม่มีการจ่าย / nothing paid out' : s.welfare_health.months_of_cover.toFixed(1)}`,
    `- ${figureLabel('welfare_health.payouts_12m')}: ${baht(s.welfare_health.payouts_12m)} · ${figureLabel('welfare_health.contributions_12m')}: ${baht(s.welfare_health.contributions_12m)} (${figureLabel('welfare_health.matching_12m')}: ${baht(s.welfare_health.matching_12m)}) · ${figureLabel('welfare_health.payout_ratio')}: ${s.welfare_health.payout_ratio === null ? '—' : percent(s.welfare_health.payout_ratio)}`,
    `- ${figureLabel('welfare_health.elderly_cost')}: ${baht(s.welfare_health.elderly_cost)} (${s.welfare_health.elderly_due})${r.welfare_behind ? ` · สมาชิกขาดส่งเงินสมทบ / members behind: ${r.welfare_behind}` : ''}`,
    '',
    'กลุ่มย่อย: คะแนน / sub-groups: score',
    ...s.subgroups.map((g) => {
      const m = g.measures;
      const p = (v: number | null) => (v === null ? '—' : percent(v));
      return `- ${g.subgroup_id}: ${scoreText(g.score, r.visit_below)} · ถือเงิน / days held ${m.remit_days_mean === null ? '—' : m.remit_days_mean.toFixed(1)}/${m.remit_days_worst ?? '—'} · ออมครบ / pledges ${p(m.pledge_share)} · PAR30 ${p(m.par30_ratio)} · ลงบัญชี / books ${p(m.books_share)} · หนี้นอกระบบ / informal ${m.informal_debt_change === null ? '—' : signedBaht(m.informal_debt_change)}`;
    }),
    '',
    'หนี้สินครัวเรือน / household debt',
    `- หนี้สินรวม / total: ${baht(s.households.total_debt)} · นอกระบบ / informal: ${baht(s.households.informal_debt)} · เปลี่ยน / change: ${signedBaht(s.households.debt_change)}`,
    `- ปลดหนี้ / debt relief: ${s.debt_relief.households_helped} ครัวเรือน / households · ${s.debt_relief.debts_bought_out} หนี้ / debts · ลดได้ / reduced ${baht(s.debt_relief.reduced)} · ประหยัดดอกเบี้ยต่อเดือน / freed a month ${baht(s.debt_relief.interest_saved_monthly)} · นอกระบบคงเหลือ / informal left ${baht(s.debt_relief.informal_left)}`,
    ...(r.buyouts ?? []).map(
      (b) =>
        `  - ${b.household_id} ${b.creditor} (${b.loan_id}): ${baht(b.claimed)} → ${baht(b.paid)}, ลดได้ / reduced ${baht(b.reduced)}`,
    ),
    ...(r.households ?? []).flatMap((h) => {
      const out = wayOutText({ ...h, months_to_debt_free: null });
      return [
        `- แผนครอบครัว / family plans ${h.household_id} ${h.head_name ?? ''}: ${out.th} / ${out.en} · สัจจะรวม / pledged ${baht(h.pledged)}${h.suggested_pledge ? ` · แนะนำ / suggested ${baht(h.suggested_pledge.household)}` : ''}`,
        ...planLines(h.plans, '    '),
      ];
    }),
    '',
    'สิ่งที่ต้องทำ / to do',
    ...(r.todo.length === 0 ? ['- ไม่มี / nothing'] : r.todo.map((t) => `- ${t.th} / ${t.en}`)),
    '',
    ...(r.archive ? [`หัวสายโซ่ / chain head: ${r.archive.head_hash}`] : []),
    `สร้างเมื่อ ${thaiDate(r.generated_on)} / made on ${r.generated_on}`,
  ];
  return lines.join('\n');
}
