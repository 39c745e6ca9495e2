import { bahtNumber, type Satang } from '../money.ts';
import { figure, figureValue } from '../summary/figures.ts';
import type { MonthlySummary } from '../summary/monthly-summary.ts';
import { thaiMonth } from '../thai-date.ts';

/** The tab the monthly job writes back into the group's sheet (and only that tab). */
export const SUMMARY_TAB = 'สรุป (summary)';

/** The figures the tab shows, in order (labels and units from core/summary/figures.ts). */
const TAB_FIGURES = [
  'savings.balance',
  'savings.members_saving',
  'loans.outstanding',
  'loans.par30',
  'welfare.fund_balance',
  'welfare_health.payouts_12m',
  'welfare_health.elderly_cost',
  'debt_relief.debts_bought_out',
  'debt_relief.reduced',
  'debt_relief.interest_saved_monthly',
  'balances.cash.closing',
  'balances.bank.closing',
  'balances.in_transit',
];

/** A plain value for a cell: text or a number, never a formula (the job writes RAW). */
export type PlainCell = string | number;

/**
 * The summary tab's rows: the month, the figures in baht, the check counts and the archive's hash —
 * plain values only, so text that looks like a formula (`=IMPORTXML(…)`) stays text.
 */
export function summaryTabRows(
  summary: MonthlySummary,
  archive: { version: number; hash: string; head_hash: string } | null,
  generatedOn: string,
): PlainCell[][] {
  const rows: PlainCell[][] = [
    ['รายการ (item)', 'ค่า (value)'],
    ['กลุ่ม (group)', summary.group_id],
    ['เดือน (month)', summary.month],
    ['เดือน พ.ศ. (Thai month)', thaiMonth(summary.month)],
    ...TAB_FIGURES.map((path): PlainCell[] => {
      const { th, en, unit } = figure(path);
      const value = figureValue(summary, path);
      return unit === 'satang'
        ? [`${th} บาท (${en}, baht)`, bahtNumber(value as Satang)]
        : [`${th} (${en})`, value];
    }),
    // each sub-group's score (SPEC §15): a blank score is a month with nothing to score it by
    ...(summary.subgroups ?? []).map((g): PlainCell[] => [
      `คะแนนกลุ่มย่อย ${g.subgroup_id} (sub-group score)`,
      g.score ?? '—',
    ]),
    ['ข้อผิดพลาดเดือนนี้ (errors this month)', summary.checks.errors],
    ['คำเตือนเดือนนี้ (warnings this month)', summary.checks.warnings],
  ];
  if (archive)
    rows.push(
      ['สแนปช็อต (snapshot)', `v${archive.version} ${archive.hash}`],
      ['หัวสายโซ่ (chain head)', archive.head_hash],
    );
  rows.push(['สร้างเมื่อ (made on)', generatedOn]);
  return rows;
}
