import type { MonthlySummary } from '../summary/monthly-summary.ts';
import { thaiMonth } from '../thai-date.ts';

/** The tab the monthly job writes back into the group's sheet (and only that tab). */
export const SUMMARY_TAB = 'สรุป (summary)';

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
  const baht = (satang: number) => satang / 100;
  const rows: PlainCell[][] = [
    ['รายการ (item)', 'ค่า (value)'],
    ['กลุ่ม (group)', summary.group_id],
    ['เดือน (month)', summary.month],
    ['เดือน พ.ศ. (Thai month)', thaiMonth(summary.month)],
    ['ยอดเงินออม บาท (savings balance, baht)', baht(summary.savings.balance)],
    ['สมาชิกที่ออม (members saving)', summary.savings.members_saving],
    ['เงินกู้คงค้าง บาท (loans outstanding, baht)', baht(summary.loans.outstanding)],
    ['PAR30 บาท (baht)', baht(summary.loans.par30)],
    ['กองทุนสวัสดิการ บาท (welfare fund, baht)', baht(summary.welfare.fund_balance)],
    ['เงินสด บาท (cash, baht)', baht(summary.balances.cash.closing)],
    ['เงินฝากธนาคาร บาท (bank, baht)', baht(summary.balances.bank.closing)],
    ['เงินที่หัวหน้ากลุ่มย่อยถือ บาท (held by heads, baht)', baht(summary.balances.in_transit)],
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
