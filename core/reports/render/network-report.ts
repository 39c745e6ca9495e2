import type { IsoDate } from '../../calendar.ts';
import { addMonths } from '../../calendar.ts';
import type { DebtRelief } from '../../ledger/buyouts.ts';
import type { CheckedBooks } from '../../ledger/checked-books.ts';
import { monthRows } from '../../model/month-rows.ts';
import { minus, type Satang, sum, ZERO } from '../../money.ts';
import { figureHeading as label } from '../../summary/figures.ts';
import { summariseMonth } from '../../summary/monthly-summary.ts';
import { thaiDate, thaiMonth } from '../../thai-date.ts';
import { baht, percent, signedBaht } from './format.ts';
import { html } from './html.ts';
import { doc, S, section, th2 } from './layout.ts';

/** One group of a network, as the monthly job or `sajja report` has it. */
export interface NetworkGroup {
  group_id: string;
  /** The group's checked books, or why there are none (its sheet could not be read). */
  checked?: CheckedBooks;
  error?: { th: string; en: string };
  /** Whether the month is in the archive. */
  archived?: boolean;
}

export interface NetworkRow {
  group_id: string;
  group_name: string;
  reported: boolean;
  reason: { th: string; en: string } | null;
  members: number;
  savings: Satang;
  savings_change: Satang | null;
  loans: Satang;
  par30: Satang;
  par30_ratio: number;
  errors: number;
  warnings: number;
  archived: boolean | null;
  /** Money sub-group heads still held at the month's end (absent in rows kept before issue 17). */
  held?: Satang;
  /** The longest a head had held money past the limit, in days (W_NOT_REMITTED), or 0. */
  held_days?: number;
  /** Rows dated in the month: 0 is a month with nothing typed. */
  entries?: number;
  /** Why a coordinator should visit, most pressing first; empty when there is nothing to see. */
  visit?: { th: string; en: string }[];
  /** Debt relief to the month's end (SPEC §14; absent in rows kept before issue 21). */
  relief?: DebtRelief;
  /** Its sub-groups scoring below the bylaws' visit threshold (SPEC §15; absent before issue 22). */
  subgroups_to_visit?: { subgroup_id: string; score: number }[];
  /** The members' LINE statements (SPEC §15): how many went, and who the month's quota left out. */
  line?: { sent: number; left_out: string[] };
  /** The welfare fund's health at the month's end (absent in rows kept before issue 21). */
  welfare?: {
    fund: Satang;
    months_of_cover: number | null;
    payout_ratio: number | null;
    elderly_cost: Satang;
  };
}

export interface NetworkReport {
  name: string;
  month: string;
  generated_on: IsoDate;
  rows: NetworkRow[];
  totals: {
    groups: number;
    reported: number;
    members: number;
    savings: Satang;
    savings_change: Satang;
    loans: Satang;
    par30: Satang;
    errors: number;
    /** Across the groups: households helped, debts bought out, baht reduced, baht freed a month. */
    relief: Pick<
      DebtRelief,
      'households_helped' | 'debts_bought_out' | 'reduced' | 'interest_saved_monthly' | 'informal_left'
    >;
    welfare_fund: Satang;
    elderly_cost: Satang;
  };
}

/** A welfare fund that would last fewer months than this at the last year's payouts is a reason to visit. */
export const LOW_COVER_MONTHS = 6;

/**
 * The network's month: one row per group, the groups that need a visit first (not reported, then
 * errors, then PAR30), totals and the change from the previous month (SPEC §11).
 */
export function networkReportData(
  name: string,
  groups: NetworkGroup[],
  month: string,
  generatedOn: IsoDate,
): NetworkReport {
  return networkReportOfRows(
    name,
    groups.map((g) => networkRow(g, month)),
    month,
    generatedOn,
  );
}

/** One group's row of the network report (what the monthly job keeps with the group's status). */
export function networkRow(g: NetworkGroup, month: string): NetworkRow {
  const previous = addMonths(`${month}-01`, -1).slice(0, 7);
  {
    if (!g.checked)
      return {
        group_id: g.group_id,
        group_name: g.group_id,
        reported: false,
        reason: g.error ?? { th: 'ไม่ได้ส่งข้อมูล', en: 'did not report' },
        members: 0,
        savings: ZERO,
        savings_change: null,
        loans: ZERO,
        par30: ZERO,
        par30_ratio: 0,
        errors: 0,
        warnings: 0,
        archived: g.archived ?? null,
      };
    const s = summariseMonth(g.checked, month);
    const opening = g.checked.book.settings.opening_date?.slice(0, 7) ?? month;
    const before = previous >= opening ? summariseMonth(g.checked, previous) : null;
    const entries = Object.values(monthRows(g.checked.book.tables, month)).reduce(
      (n, rows) => n + rows.length,
      0,
    );
    const late = g.checked.findings.filter((f) => f.code === 'W_NOT_REMITTED').map((f) => f.days ?? 0);
    // a sheet with nothing typed all month has not reported: no data is not a month of zeros
    const reported = entries > 0;
    return {
      group_id: g.group_id,
      group_name: g.checked.book.settings.group_name || g.group_id,
      reported,
      reason: reported ? null : { th: 'ไม่มีรายการในเดือนนี้', en: 'nothing entered this month' },
      held: s.balances.in_transit,
      held_days: Math.max(0, ...late),
      entries,
      members: s.members.active,
      savings: s.savings.balance,
      savings_change: before ? minus(s.savings.balance, before.savings.balance) : null,
      loans: s.loans.outstanding,
      par30: s.loans.par30,
      par30_ratio: s.loans.par30_ratio,
      errors: g.checked.result.counts.error,
      warnings: g.checked.result.counts.warning,
      archived: g.archived ?? null,
      relief: s.debt_relief,
      subgroups_to_visit: s.subgroups
        .filter(
          (x): x is typeof x & { score: number } =>
            x.score !== null && x.score < g.checked!.book.rules.score_visit_below,
        )
        .map((x) => ({ subgroup_id: x.subgroup_id, score: x.score })),
      welfare: {
        fund: s.welfare.fund_balance,
        months_of_cover: s.welfare_health.months_of_cover,
        payout_ratio: s.welfare_health.payout_ratio,
        elderly_cost: s.welfare_health.elderly_cost,
      },
    };
  }
}

/** Why to visit a group, most pressing first (none: the group is fine this month). */
export function visitReasons(r: NetworkRow): { th: string; en: string }[] {
  const out: { th: string; en: string }[] = [];
  if (r.par30 > 0)
    out.push({
      th: `เงินกู้ค้างชำระเกิน 30 วัน ${baht(r.par30)} บาท (${percent(r.par30_ratio)} ของเงินกู้)`,
      en: `${baht(r.par30)} baht of loans over 30 days overdue (${percent(r.par30_ratio)} of loans)`,
    });
  if ((r.held ?? 0) > 0)
    out.push({
      th: `หัวหน้ากลุ่มย่อยยังถือเงิน ${baht(r.held!)} บาท${r.held_days ? ` (นานสุด ${r.held_days} วัน)` : ''}`,
      en: `sub-group heads still hold ${baht(r.held!)} baht${r.held_days ? ` (up to ${r.held_days} days)` : ''}`,
    });
  if (!r.reported && r.reason) out.push(r.reason);
  const cover = r.welfare?.months_of_cover;
  if (cover !== undefined && cover !== null && cover < LOW_COVER_MONTHS)
    out.push({
      th: `กองทุนสวัสดิการพอจ่ายได้อีกราว ${cover.toFixed(1)} เดือน`,
      en: `the welfare fund would last about ${cover.toFixed(1)} months`,
    });
  if (r.errors > 0)
    out.push({
      th: `ข้อผิดพลาดในสมุด ${r.errors} รายการ`,
      en: `${r.errors} error${r.errors === 1 ? '' : 's'} in the workbook`,
    });
  return out;
}

/** The network report from its groups' rows, the groups that need a visit first. */
export function networkReportOfRows(
  name: string,
  given: NetworkRow[],
  month: string,
  generatedOn: IsoDate,
): NetworkReport {
  const rows = given.map((r) => ({ ...r, visit: visitReasons(r) }));
  // what matters first: money at risk, money held by heads, books not kept, then typing errors
  rows.sort(
    (a, b) =>
      b.par30 - a.par30 ||
      (b.held ?? 0) - (a.held ?? 0) ||
      Number(a.reported) - Number(b.reported) ||
      b.errors - a.errors ||
      (a.group_id < b.group_id ? -1 : 1),
  );
  const count = (pick: (r: NetworkRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
  const money = (pick: (r: NetworkRow) => Satang) => sum(rows.map(pick));
  return {
    name,
    month,
    generated_on: generatedOn,
    rows,
    totals: {
      groups: rows.length,
      reported: rows.filter((r) => r.reported).length,
      members: count((r) => r.members),
      savings: money((r) => r.savings),
      savings_change: money((r) => r.savings_change ?? ZERO),
      loans: money((r) => r.loans),
      par30: money((r) => r.par30),
      errors: count((r) => r.errors),
      relief: {
        households_helped: count((r) => r.relief?.households_helped ?? 0),
        debts_bought_out: count((r) => r.relief?.debts_bought_out ?? 0),
        reduced: money((r) => r.relief?.reduced ?? ZERO),
        interest_saved_monthly: money((r) => r.relief?.interest_saved_monthly ?? ZERO),
        informal_left: money((r) => r.relief?.informal_left ?? ZERO),
      },
      welfare_fund: money((r) => r.welfare?.fund ?? ZERO),
      elderly_cost: money((r) => r.welfare?.elderly_cost ?? ZERO),
    },
  };
}

/** ✓ only for a group with nothing to visit for; ⚠ for money at risk or held, or no report; ✗ for errors alone. */
function mark(g: NetworkRow): string {
  const visit = g.visit ?? visitReasons(g);
  if (visit.length === 0) return '✓ ';
  return g.reported && g.par30 === 0 && (g.held ?? 0) === 0 ? '✗ ' : '⚠ ';
}

/** The sub-groups below their group's visit threshold across the network, the lowest score first. */
export function subgroupsToVisit(
  r: NetworkReport,
): { group_id: string; group_name: string; subgroup_id: string; score: number }[] {
  return r.rows
    .flatMap((g) =>
      (g.subgroups_to_visit ?? []).map((v) => ({ group_id: g.group_id, group_name: g.group_name, ...v })),
    )
    .sort((a, b) => a.score - b.score || (a.group_id < b.group_id ? -1 : a.group_id > b.group_id ? 1 : 0));
}

/** The network report as one email-safe HTML document. */
export function renderNetworkReport(r: NetworkReport): string {
  const t = r.totals;
  const body = html`
    <div style="${S.header}">
      <div style="font-size:20px;font-weight:bold">${r.name}</div>
      <div style="margin-top:6px">${th2(`รายงานเครือข่าย ${thaiMonth(r.month)}`, `Network report ${r.month}`)}</div>
    </div>
    ${section(
      'ภาพรวม',
      'Totals',
      html`<table style="${S.table}">
        <tr><td style="${S.cell}">${th2('กลุ่มที่ส่งข้อมูล', 'Groups reporting')}</td><td style="${S.num}" data-figure="totals.reported">${t.reported} / ${t.groups}</td></tr>
        <tr><td style="${S.cell}">${th2('สมาชิก', 'Members')}</td><td style="${S.num}" data-figure="totals.members">${t.members}</td></tr>
        <tr><td style="${S.cell}">${th2('เงินออมรวม', 'Savings')}</td><td style="${S.num}" data-figure="totals.savings">${baht(t.savings)} <span style="${S.muted}">${signedBaht(t.savings_change)}</span></td></tr>
        <tr><td style="${S.cell}">${th2(...label('loans.outstanding'))}</td><td style="${S.num}" data-figure="totals.loans">${baht(t.loans)}</td></tr>
        <tr><td style="${S.cell}">${th2(...label('loans.par30'))}</td><td style="${S.num}" data-figure="totals.par30">${baht(t.par30)}</td></tr>
        <tr><td style="${S.cell}">${th2('ข้อผิดพลาดรวม', 'Errors')}</td><td style="${S.num}" data-figure="totals.errors">${t.errors}</td></tr>
      </table>`,
    )}
    ${section(
      'กลุ่มย่อยที่ควรไปเยี่ยม',
      'Sub-groups to visit',
      subgroupsToVisit(r).length === 0
        ? html`<div>✓ ไม่มี / none</div>`
        : html`<table style="${S.table}">
        <tr><th style="${S.head}">${th2('กลุ่ม · กลุ่มย่อย', 'Group · sub-group')}</th><th style="${S.headNum}">${th2('คะแนน', 'Score')}</th></tr>
        ${subgroupsToVisit(r).map(
          (v) =>
            html`<tr data-visit-subgroup="${v.group_id}/${v.subgroup_id}"><td style="${S.cell}">${v.group_name} · ${v.subgroup_id}</td><td style="${S.num}">${v.score}</td></tr>`,
        )}
      </table>`,
    )}
    ${section(
      'ปลดหนี้และสวัสดิการ',
      'Debt relief and welfare',
      html`<table style="${S.table}">
        <tr><td style="${S.cell}">${th2(...label('debt_relief.households_helped'))}</td><td style="${S.num}" data-figure="totals.relief.households_helped">${t.relief.households_helped}</td></tr>
        <tr><td style="${S.cell}">${th2(...label('debt_relief.debts_bought_out'))}</td><td style="${S.num}" data-figure="totals.relief.debts_bought_out">${t.relief.debts_bought_out}</td></tr>
        <tr><td style="${S.cell}">${th2(...label('debt_relief.reduced'))}</td><td style="${S.num}" data-figure="totals.relief.reduced">${baht(t.relief.reduced)}</td></tr>
        <tr><td style="${S.cell}">${th2(...label('debt_relief.interest_saved_monthly'))}</td><td style="${S.num}" data-figure="totals.relief.interest_saved_monthly">${baht(t.relief.interest_saved_monthly)}</td></tr>
        <tr><td style="${S.cell}">${th2(...label('debt_relief.informal_left'))}</td><td style="${S.num}" data-figure="totals.relief.informal_left">${baht(t.relief.informal_left)}</td></tr>
        <tr><td style="${S.cell}">${th2('กองทุนสวัสดิการรวม', 'Welfare funds')}</td><td style="${S.num}" data-figure="totals.welfare_fund">${baht(t.welfare_fund)}</td></tr>
        <tr><td style="${S.cell}">${th2(...label('welfare_health.elderly_cost'))}</td><td style="${S.num}" data-figure="totals.elderly_cost">${baht(t.elderly_cost)}</td></tr>
      </table>`,
    )}
    ${section(
      'รายกลุ่ม (กลุ่มที่ควรไปเยี่ยมก่อน)',
      'By group (groups to visit first)',
      html`${r.rows.map(
        (
          g,
        ) => html`<div style="border:1px solid #ddd;border-radius:6px;padding:6px 8px;margin:6px 0" data-group="${g.group_id}">
          <div style="font-weight:bold">${mark(g)}${g.group_name} <span style="${S.muted}">${g.group_id}</span></div>
          ${
            g.visit && g.visit.length > 0
              ? html`<div style="color:#c0392b" data-visit="${g.group_id}">${th2('ควรไปเยี่ยมเพราะ', 'Visit because')}: ${g.visit.map((v, i) => html`${i > 0 ? ' · ' : ''}${th2(v.th, v.en)}`)}</div>`
              : ''
          }
          ${
            g.reported
              ? html`<table style="${S.table}">
                  <tr><td style="${S.cell}">${th2('สมาชิก', 'Members')}</td><td style="${S.num}">${g.members}</td></tr>
                  <tr><td style="${S.cell}">${th2(...label('savings.balance'))}</td><td style="${S.num}" data-figure="savings">${baht(g.savings)}${g.savings_change === null ? '' : html` <span style="${S.muted}">${signedBaht(g.savings_change)}</span>`}</td></tr>
                  <tr><td style="${S.cell}">${th2('เงินกู้ / PAR30', 'Loans / PAR30')}</td><td style="${S.num}">${baht(g.loans)} · ${percent(g.par30_ratio)}</td></tr>
                  ${g.welfare ? html`<tr><td style="${S.cell}">${th2('สวัสดิการ / พอจ่าย (เดือน)', 'Welfare / months of cover')}</td><td style="${S.num}" data-figure="welfare">${baht(g.welfare.fund)} · ${g.welfare.months_of_cover === null ? '—' : g.welfare.months_of_cover.toFixed(1)}</td></tr>` : ''}
                  ${g.relief && g.relief.debts_bought_out > 0 ? html`<tr><td style="${S.cell}">${th2('ปลดหนี้ / ลดได้', 'Debts bought out / reduced')}</td><td style="${S.num}" data-figure="relief">${g.relief.debts_bought_out} · ${baht(g.relief.reduced)}</td></tr>` : ''}
                  ${g.line ? html`<tr><td style="${S.cell}">${th2('ยอดทาง LINE ถึงสมาชิก', "Members' LINE statements")}</td><td style="${S.num};white-space:normal" data-figure="line">${g.line.sent}${g.line.left_out.length > 0 ? html` <span style="color:#c0392b">· ${th2(`ไม่ได้ส่ง ${g.line.left_out.length} (โควตาหมด): ${g.line.left_out.join(', ')}`, `${g.line.left_out.length} left out by the quota`)}</span>` : ''}</td></tr>` : ''}
                  <tr><td style="${S.cell}">${th2('ข้อผิดพลาด / คำเตือน', 'Errors / warnings')}</td><td style="${S.num}">${g.errors} / ${g.warnings}</td></tr>
                  <tr><td style="${S.cell}">${th2('เก็บลงคลัง', 'Archived')}</td><td style="${S.num}">${g.archived === null ? '—' : g.archived ? '✓' : '✗'}</td></tr>
                </table>`
              : html`<div style="color:#c0392b">${th2(`ไม่ได้รายงาน: ${g.reason!.th}`, `did not report: ${g.reason!.en}`)}</div>`
          }
        </div>`,
      )}`,
    )}
    <div style="${S.footer}">สร้างเมื่อ ${thaiDate(r.generated_on)} โดย Sajja (สัจจะ) / made on ${r.generated_on} by Sajja</div>`;
  return doc(`${r.name} — ${thaiMonth(r.month)}`, body);
}

/** The network report in words. */
export function networkReportText(r: NetworkReport): string {
  const t = r.totals;
  return [
    `${r.name} — รายงานเครือข่าย ${thaiMonth(r.month)} / network report ${r.month}`,
    '',
    `กลุ่มที่ส่งข้อมูล / groups reporting: ${t.reported} / ${t.groups} · สมาชิก / members: ${t.members}`,
    `เงินออมรวม / savings: ${baht(t.savings)} (${signedBaht(t.savings_change)}) · เงินกู้ / loans: ${baht(t.loans)} · PAR30: ${baht(t.par30)}`,
    `ปลดหนี้ / debt relief: ${t.relief.households_helped} ครัวเรือน / households helped · ${t.relief.debts_bought_out} หนี้ / debts bought out · ลดได้ / reduced ${baht(t.relief.reduced)} · ประหยัดต่อเดือน / freed a month ${baht(t.relief.interest_saved_monthly)} · นอกระบบคงเหลือ / informal left ${baht(t.relief.informal_left)}`,
    `สวัสดิการ / welfare funds: ${baht(t.welfare_fund)} · ผู้สูงอายุ 12 เดือนข้างหน้า / elderly, next 12 months: ${baht(t.elderly_cost)}`,
    '',
    'กลุ่มย่อยที่ควรไปเยี่ยม / sub-groups to visit (lowest score first):',
    ...(subgroupsToVisit(r).length === 0
      ? ['- ไม่มี / none']
      : subgroupsToVisit(r).map((v) => `- ${v.group_name} (${v.group_id}) · ${v.subgroup_id}: ${v.score}`)),
    '',
    'รายกลุ่ม (ควรไปเยี่ยมก่อน) / by group (visit first):',
    ...r.rows.flatMap((g) => [
      g.reported
        ? `${mark(g)}${g.group_name} (${g.group_id}): ออม/savings ${baht(g.savings)}${g.savings_change === null ? '' : ` (${signedBaht(g.savings_change)})`}, กู้/loans ${baht(g.loans)}, PAR30 ${percent(g.par30_ratio)}, ข้อผิดพลาด/errors ${g.errors}, คำเตือน/warnings ${g.warnings}`
        : `${mark(g)}${g.group_name} (${g.group_id}): ไม่ได้รายงาน / did not report — ${g.reason!.th} / ${g.reason!.en}`,
      ...(g.visit ?? []).map((v) => `    ควรไปเยี่ยมเพราะ / visit because: ${v.th} / ${v.en}`),
    ]),
    '',
    `สร้างเมื่อ ${thaiDate(r.generated_on)} / made on ${r.generated_on}`,
  ].join('\n');
}
