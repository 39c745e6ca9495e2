import { formatBaht } from '../core/index.ts';
import type { HouseholdView } from '../core/reports/household-view.ts';
import type { Passbook } from '../core/reports/passbook.ts';
import type { MonthlySummary } from '../core/summary/monthly-summary.ts';

const b = (satang: number) => formatBaht(satang).padStart(14);
const pct = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`);
const row = (th: string, en: string, value: string) => `  ${`${th} / ${en}`.padEnd(44)} ${value}`;

/** A month's summary as a readable Thai/English table (money in baht). */
export function formatSummary(s: MonthlySummary): string {
  const lines = [
    `สรุปประจำเดือน / monthly summary — ${s.group_id} — ${s.month}`,
    '',
    'ยอดเงิน / balances                              ต้นเดือน / opening   สิ้นเดือน / closing',
    `  เงินสด / cash                                ${b(s.balances.cash.opening)}      ${b(s.balances.cash.closing)}`,
    `  เงินฝากธนาคาร / bank                         ${b(s.balances.bank.opening)}      ${b(s.balances.bank.closing)}`,
    row('เงินที่หัวหน้ากลุ่มย่อยถืออยู่', 'in transit', b(s.balances.in_transit)),
    '',
    'เงินออม / savings',
    row('ฝาก', 'deposits', b(s.savings.deposits)),
    row('ถอน', 'withdrawals', b(s.savings.withdrawals)),
    row('ยอดเงินออมสิ้นเดือน', 'balance', b(s.savings.balance)),
    row('สมาชิกที่ฝาก', 'members saving', String(s.savings.members_saving).padStart(14)),
    '',
    'เงินกู้ / loans',
    row('จ่ายเงินกู้', 'disbursed', b(s.loans.disbursed)),
    row('รับชำระเงินต้น', 'principal repaid', b(s.loans.principal_repaid)),
    row('ดอกเบี้ยรับ', 'interest received', b(s.loans.interest_received)),
    row('ค่าปรับรับ', 'fines received', b(s.loans.fines_received)),
    row('เงินกู้คงค้าง', 'outstanding', b(s.loans.outstanding)),
    row(
      'สัญญาที่ยังไม่ปิด / ค้างชำระ',
      'active / overdue',
      `${s.loans.active_loans} / ${s.loans.overdue_loans}`.padStart(14),
    ),
    row('ค้างเกิน 30 วัน (PAR30)', 'PAR30', `${b(s.loans.par30)}  ${pct(s.loans.par30_ratio)}`),
    '',
    'สวัสดิการ / welfare',
    row('เงินสมทบ', 'contributions', b(s.welfare.contributions)),
    row('จ่ายสวัสดิการ', 'payouts', b(s.welfare.payouts)),
    row('ยอดกองทุน', 'fund balance', b(s.welfare.fund_balance)),
    '',
    'รายรับรายจ่ายอื่น / other',
    row('รายรับ', 'income', b(s.other.income)),
    row('รายจ่าย', 'expense', b(s.other.expense)),
    '',
    'สมาชิก / members',
    row(
      'คงอยู่ / สมัครใหม่ / ออก',
      'active / joined / left',
      `${s.members.active} / ${s.members.joined} / ${s.members.left}`.padStart(14),
    ),
    '',
    'ครัวเรือน / households',
    row('ครัวเรือนที่ลงบัญชี', 'reporting', String(s.households.reporting).padStart(14)),
    row('รายรับ', 'income', b(s.households.income)),
    row('รายจ่าย', 'expense', b(s.households.expense)),
    ...Object.entries(s.households.by_category).map(([category, amount]) =>
      row(`  ${category}`, '', b(amount)),
    ),
    row('หนี้สินรวม', 'total debt', b(s.households.total_debt)),
    row('หนี้นอกระบบ', 'informal debt', b(s.households.informal_debt)),
    row('หนี้เปลี่ยนแปลงจากการสำรวจครั้งก่อน', 'debt change', b(s.households.debt_change)),
    '',
    'กลุ่มย่อย / sub-groups              เก็บ/collected  นำส่ง/remitted  ถืออยู่/in transit  เงินออมสมาชิก/savings',
    ...s.subgroups.map(
      (g) =>
        `  ${g.subgroup_id.padEnd(30)} ${b(g.collected)} ${b(g.remitted)} ${b(g.in_transit)}  ${b(g.member_savings)}`,
    ),
    '',
    `ผลการตรวจ / checks: ข้อผิดพลาด ${s.checks.errors} errors · คำเตือน ${s.checks.warnings} warnings`,
  ];
  return lines.join('\n');
}

const KIND_TH: Record<string, string> = { deposit: 'ฝาก / deposit', withdrawal: 'ถอน / withdrawal' };

/** A member's passbook as text. */
export function formatPassbook(p: Passbook): string {
  const lines = [
    `สมุดบัญชีสมาชิก / passbook — ${p.member_id} ${p.name ?? ''} — ${p.group_id} — ณ วันที่ / as of ${p.as_of}`,
    '',
    'วันที่ / date   รายการ / entry          จำนวน / amount     คงเหลือ / balance',
    ...p.savings.map(
      (l) => `  ${l.date}  ${(KIND_TH[l.kind] ?? l.kind).padEnd(20)} ${b(l.amount)}  ${b(l.balance)}`,
    ),
    row('เงินออมคงเหลือ', 'savings balance', b(p.savings_balance)),
    row(
      'สมทบสวัสดิการ / รับสวัสดิการ',
      'welfare paid / received',
      `${b(p.welfare.contributed)} ${b(p.welfare.received)}`,
    ),
  ];
  for (const loan of p.loans) {
    lines.push(
      '',
      `เงินกู้ / loan ${loan.loan_id}: ${formatBaht(loan.principal)} บาท, ${loan.monthly_rate}% ต่อเดือน / a month, ${loan.term_months} งวด / months, จ่าย / disbursed ${loan.disbursed_on}`,
      ...loan.repayments.map(
        (r) =>
          `  ${r.date}  ชำระ / repaid  ต้น/principal ${b(r.principal)}  ดอก/interest ${b(r.interest)}  ปรับ/fine ${b(r.fine)}`,
      ),
      row('ชำระต้นแล้ว / คงค้าง', 'repaid / outstanding', `${b(loan.repaid)} ${b(loan.outstanding)}`),
      row('ค้างชำระ (วัน)', 'days overdue', String(loan.days_overdue).padStart(14)),
      row('ดอกเบี้ยเดือนหน้า', 'next month interest', b(loan.next_interest)),
    );
  }
  return lines.join('\n');
}

/** A household's view as text. */
export function formatHousehold(h: HouseholdView): string {
  return [
    `ครัวเรือน / household ${h.household_id} ${h.head_name ?? ''} — ${h.group_id} — ณ วันที่ / as of ${h.as_of}`,
    '',
    'เดือน / month   รายรับ / income   รายจ่าย / expense   ลดได้ / reducible   ออมได้ / savings rate',
    ...h.months.map(
      (m) =>
        `  ${m.month}  ${b(m.income)}  ${b(m.expense)}  ${b(m.reducible)}   ${pct(m.savings_rate).padStart(8)}`,
    ),
    row(
      'เฉลี่ยต่อเดือน: รายรับ / รายจ่าย',
      'monthly average: income / expense',
      `${b(h.average.income)} ${b(h.average.expense)}`,
    ),
    row('เหลือเก็บต่อเดือน', 'net saving a month', b(h.average.net)),
    row('เหล้า บุหรี่ หวย ต่อเดือน', 'reducible spending a month', b(h.average.reducible)),
    '',
    `หนี้สิน / debts (สำรวจ / surveyed ${h.survey_date ?? '—'}) — ลำดับการปลดหนี้: ดอกเบี้ยสูงก่อน / payoff order: highest rate first`,
    ...h.debts.map(
      (d) =>
        `  ${d.creditor.padEnd(30)} ${b(d.outstanding)}  ${d.yearly_rate === null ? '  ไม่ทราบ / unknown' : `${d.yearly_rate}% ต่อปี / a year`}`,
    ),
    row('หนี้รวม', 'total debt', b(h.total_debt)),
    row('หนี้ต่อรายได้ทั้งปี', 'debt to a year of income', h.debt_to_income === null ? '—' : `${h.debt_to_income}×`),
    row(
      'ปลดหนี้ได้ใน (เดือน)',
      'months to debt-free',
      h.months_to_debt_free === null
        ? 'ยังไม่ได้ด้วยเงินออมตอนนี้ / not at this rate'
        : String(h.months_to_debt_free),
    ),
  ].join('\n');
}
