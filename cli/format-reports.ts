import {
  bilingualLabel,
  figure,
  figureValue,
  formatBaht,
  type HouseholdView,
  type MonthlySummary,
  type Passbook,
  planLines,
  type Satang,
  thaiDate,
  thaiMonth,
} from '../core/index.ts';
import { padEnd, padStart } from './text/columns.ts';
import { oneLine } from './text/inert.ts';

const b = (satang: Satang) => padStart(formatBaht(satang), 14);
const pct = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`);
/** A labelled line: the label padded by display width, so the figures line up. */
const row = (th: string, en: string, value: string) => `  ${padEnd(en ? `${th} / ${en}` : th, 54)} ${value}`;
const num = (n: number) => padStart(String(n), 14);

/** A figure of the summary as one line: its catalogue label and its value (money in baht). */
function figureRow(s: MonthlySummary, path: string): string {
  const { th, en, unit } = figure(path);
  const value = figureValue(s, path);
  return row(
    th,
    en,
    unit === 'satang' ? b(value as Satang) : unit === 'ratio' ? padStart(pct(value), 14) : num(value),
  );
}

/** The figures of each section of the summary, in order (labels from core/summary/figures.ts). */
const SECTIONS: [th: string, en: string, paths: string[]][] = [
  [
    'เงินออม',
    'savings',
    ['savings.deposits', 'savings.withdrawals', 'savings.balance', 'savings.members_saving'],
  ],
  [
    'เงินกู้',
    'loans',
    [
      'loans.disbursed',
      'loans.principal_repaid',
      'loans.interest_received',
      'loans.fines_received',
      'loans.outstanding',
      'loans.active_loans',
      'loans.overdue_loans',
      'loans.par30',
      'loans.par30_ratio',
    ],
  ],
  ['สวัสดิการ', 'welfare', ['welfare.contributions', 'welfare.payouts', 'welfare.fund_balance']],
  ['รายรับรายจ่ายอื่น', 'other', ['other.income', 'other.expense']],
  ['สมาชิก', 'members', ['members.active', 'members.joined', 'members.left']],
];

/** A month's summary as a readable Thai/English table (money in baht). */
export function formatSummary(s: MonthlySummary): string {
  // the balances table's columns are as wide as their headings (`สิ้นเดือน/closing`)
  const wide = (satang: Satang) => padStart(formatBaht(satang), 18);
  const pair = (opening: Satang, closing: Satang) => `${wide(opening)}  ${wide(closing)}`;
  const cash = figure('balances.cash.closing');
  const bank = figure('balances.bank.closing');
  const transit = figure('balances.in_transit');
  const lines = [
    `สรุปประจำเดือน ${thaiMonth(s.month)} / monthly summary — ${oneLine(s.group_id)} — ${s.month}`,
    '',
    row('ยอดเงิน', 'balances', `${padStart('ต้นเดือน/opening', 18)}  ${padStart('สิ้นเดือน/closing', 18)}`),
    row(cash.th, cash.en, pair(s.balances.cash.opening, s.balances.cash.closing)),
    row(bank.th, bank.en, pair(s.balances.bank.opening, s.balances.bank.closing)),
    // held at the month's end: a closing figure, so it stands under "closing"
    row(transit.th, transit.en, `${' '.repeat(18)}  ${wide(s.balances.in_transit)}`),
    ...SECTIONS.flatMap(([th, en, paths]) => [
      '',
      `${th} / ${en}`,
      ...paths.map((path) => figureRow(s, path)),
      // a book with products: each product's balance under the savings
      ...(paths[0] === 'savings.deposits' && Object.keys(s.savings.by_product).some((p) => p !== 'sajja')
        ? Object.entries(s.savings.by_product).map(([product, amount]) =>
            row(`  ${oneLine(bilingualLabel('product', product))}`, '', b(amount)),
          )
        : []),
    ]),
    '',
    'ครัวเรือน / households',
    figureRow(s, 'households.reporting'),
    figureRow(s, 'households.income'),
    figureRow(s, 'households.expense'),
    ...Object.entries(s.households.by_category).map(([category, amount]) =>
      row(`  ${oneLine(bilingualLabel('expense_category', category))}`, '', b(amount)),
    ),
    figureRow(s, 'households.total_debt'),
    figureRow(s, 'households.informal_debt'),
    figureRow(s, 'households.debt_change'),
    '',
    `  ${padEnd('กลุ่มย่อย / sub-groups', 24)} ${padStart('เก็บ/collected', 14)} ${padStart('นำส่ง/remitted', 14)} ${padStart('ถืออยู่/held', 14)} ${padStart('เงินออม/savings', 14)}`,
    ...s.subgroups.map(
      (g) =>
        `  ${padEnd(oneLine(g.subgroup_id), 24)} ${b(g.collected)} ${b(g.remitted)} ${b(g.in_transit)} ${b(g.member_savings)}`,
    ),
    '',
    `ผลการตรวจเดือนนี้ / this month's checks: ข้อผิดพลาด ${s.checks.errors} errors · คำเตือน ${s.checks.warnings} warnings`,
    `ผลการตรวจทั้งเล่ม / the whole book: ข้อผิดพลาด ${s.book_checks.errors} errors · คำเตือน ${s.book_checks.warnings} warnings`,
  ];
  return lines.join('\n');
}

const KIND: Record<string, string> = {
  deposit: 'ฝาก / deposit',
  withdrawal: 'ถอน / withdrawal',
  year_share: 'ปันผล / year-end share',
};
/** A posted line with an error is marked, with its codes beside it. */
const mark = (errors: string[]) => (errors.length > 0 ? `  ✗ ${errors.join(', ')}` : '');

function leftOutLines(leftOut: { sheet: string; row: number }[]): string[] {
  if (leftOut.length === 0) return [];
  return [
    '',
    `ไม่ได้ลงบัญชีจนกว่าจะแก้ / left out of the books until fixed: ${leftOut.map((r) => `${r.sheet} row ${r.row}`).join(', ')}`,
  ];
}

/** A member's passbook as text. */
export function formatPassbook(p: Passbook): string {
  const lines = [
    `สมุดบัญชีสมาชิก / passbook — ${oneLine(p.member_id)} ${oneLine(p.name ?? '')} — ${oneLine(p.group_id)} — ณ วันที่ ${thaiDate(p.as_of)} / as of ${p.as_of}`,
    '',
    `  ${padEnd('วันที่ / date', 14)} ${padEnd('รายการ / entry', 18)} ${padStart('จำนวน/amount', 14)}  ${padStart('คงเหลือ/balance', 14)}`,
    ...p.savings.map(
      (l) =>
        `  ${padEnd(thaiDate(l.date), 14)} ${padEnd(`${KIND[l.kind] ?? l.kind}${l.product === 'sajja' ? '' : ` (${l.product})`}`, 18)} ${b(l.amount)}  ${b(l.balance)}${mark(l.errors)}`,
    ),
    row('เงินออมคงเหลือ', 'savings balance', b(p.savings_balance)),
    ...(Object.keys(p.savings_by_product).some((product) => product !== 'sajja')
      ? Object.entries(p.savings_by_product).map(([product, amount]) =>
          row(`  ${bilingualLabel('product', product)}`, '', b(amount)),
        )
      : []),
    row(
      'สมทบสวัสดิการ / รับสวัสดิการ',
      'welfare paid / received',
      `${b(p.welfare.contributed)} ${b(p.welfare.received)}`,
    ),
    ...p.years.flatMap((y) => [
      '',
      `ปีบัญชี / year ${y.fiscal_year + 543} (${y.fiscal_year}) ณ / at ${thaiDate(y.to)}`,
      ...Object.entries(y.savings_by_product).map(([product, amount]) =>
        row(`  เงินออม ${bilingualLabel('product', product)}`, '', b(amount)),
      ),
      row('  เงินปันผล / เฉลี่ยคืน', 'dividend / refund', `${b(y.dividend)} ${b(y.interest_refund)}`),
      row('  สวัสดิการที่ได้รับ', 'welfare received', b(y.welfare_received)),
    ]),
  ];
  for (const x of p.buyouts)
    lines.push(
      row(
        `ปลดหนี้ ${thaiDate(x.date)} ${oneLine(x.creditor)} (${oneLine(x.loan_id)}): แจ้ง / จ่าย / ลดได้`,
        'debt bought out: claimed / paid / reduced',
        `${b(x.claimed)} ${b(x.paid)} ${b(x.reduced)}`,
      ),
    );
  for (const loan of p.loans) {
    lines.push(
      '',
      `เงินกู้ / loan ${oneLine(loan.loan_id)}: ${formatBaht(loan.principal)} บาท, ${loan.monthly_rate}% ต่อเดือน / a month, ${loan.term_months} งวด / months, จ่าย / disbursed ${thaiDate(loan.disbursed_on)}`,
      ...loan.repayments.map(
        (r) =>
          `  ${padEnd(thaiDate(r.date), 14)} ชำระ / repaid  ต้น/principal ${b(r.principal)}  ดอก/interest ${b(r.interest)}  ปรับ/fine ${b(r.fine)}${mark(r.errors)}`,
      ),
      row('ชำระต้นแล้ว / คงค้าง', 'repaid / outstanding', `${b(loan.repaid)} ${b(loan.outstanding)}`),
      row('ค้างชำระ (วัน)', 'days overdue', num(loan.days_overdue)),
      row('ดอกเบี้ยเดือนหน้า', 'next month interest', b(loan.next_interest)),
      ...(loan.owed_today.principal > 0 || loan.owed_today.interest > 0
        ? [
            row(
              `ต้องชำระวันนี้ (ค้าง ${loan.owed_today.instalments} งวด): ต้น / ดอกเบี้ย`,
              'owed today: principal / interest',
              `${b(loan.owed_today.principal)} ${b(loan.owed_today.interest)}`,
            ),
          ]
        : []),
      row(
        'งวดถัดไป',
        'next instalment',
        loan.next_due ? `${thaiDate(loan.next_due.date)} ${b(loan.next_due.principal)}` : '—',
      ),
    );
  }
  if (
    p.savings.some((l) => l.errors.length > 0) ||
    p.loans.some((l) => l.repayments.some((r) => r.errors.length > 0))
  )
    lines.push('', '✗ = ลงบัญชีแล้วแต่มีข้อผิดพลาด (sajja check) / in the books, with an error (sajja check)');
  lines.push(...leftOutLines(p.left_out));
  return lines.join('\n');
}

const WAY_OUT: Record<HouseholdView['debt_free'], string> = {
  debt_free: 'ไม่มีหนี้ / no debt',
  months: '',
  not_at_this_payment:
    'ยังไม่ได้ที่ยอดผ่อนนี้ (ผ่อนไม่พอดอกเบี้ย) / not at this payment (payments do not cover the interest)',
  no_data: 'ไม่มีข้อมูลการผ่อน / no data (no survey or no payments)',
};

/** A household's view as text. */
export function formatHousehold(h: HouseholdView): string {
  return [
    `ครัวเรือน / household ${oneLine(h.household_id)} ${oneLine(h.head_name ?? '')} — ${oneLine(h.group_id)} — ณ วันที่ ${thaiDate(h.as_of)} / as of ${h.as_of}`,
    '',
    `  ${padEnd('เดือน / month', 12)} ${padStart('รายรับ/income', 14)} ${padStart('รายจ่าย/expense', 14)} ${padStart('ลดได้/reducible', 14)} ${padStart('ออมได้/saved', 12)}`,
    ...h.months.map(
      (m) =>
        `  ${padEnd(thaiMonth(m.month), 12)} ${b(m.income)} ${b(m.expense)} ${b(m.reducible)} ${padStart(pct(m.savings_rate), 12)}`,
    ),
    row(
      'เฉลี่ยต่อเดือน: รายรับ / รายจ่าย',
      'monthly average: income / expense',
      `${b(h.average.income)} ${b(h.average.expense)}`,
    ),
    row('เหลือเก็บต่อเดือน', 'net saving a month', b(h.average.net)),
    row('เหล้า บุหรี่ หวย ต่อเดือน', 'reducible spending a month', b(h.average.reducible)),
    '',
    `หนี้สิน / debts (สำรวจ / surveyed ${h.survey_date ? thaiDate(h.survey_date) : '—'}) — ลำดับการปลดหนี้: ดอกเบี้ยสูงก่อน / payoff order: highest rate first`,
    ...h.debts.map(
      (d) =>
        `  ${padEnd(oneLine(d.creditor), 30)} ${b(d.outstanding)}  ${d.yearly_rate === null ? 'ไม่ทราบดอกเบี้ย / rate unknown' : `${d.yearly_rate}% ต่อปี / a year`}`,
    ),
    row('หนี้รวม', 'total debt', b(h.total_debt)),
    row('หนี้ต่อรายได้ทั้งปี', 'debt to a year of income', h.debt_to_income === null ? '—' : `${h.debt_to_income}×`),
    row(
      'ปลดหนี้ได้ใน (เดือน)',
      'months to debt-free',
      h.debt_free === 'months'
        ? `${h.months_to_debt_free} เดือน / months (${h.debt_free_month ? thaiMonth(h.debt_free_month) : '—'})`
        : WAY_OUT[h.debt_free],
    ),
    ...(h.plans.length === 0 ? [] : ['', 'แผนครอบครัว / family plans', ...planLines(h.plans).map(oneLine)]),
    '',
    ...(h.suggested_pledge === null
      ? ['สัจจะที่แนะนำ / suggested pledge: ยังไม่มีบัญชีครัวเรือน / no household book yet']
      : [
          `สัจจะที่แนะนำ / suggested pledge (เฉลี่ย ${h.suggested_pledge.months} เดือน / ${h.suggested_pledge.months}-month average; ข้อแนะนำเท่านั้น / a suggestion only)`,
          row(
            'เหลือเก็บ / หนี้ต้องผ่อน / ผ่อนจริง',
            'surplus / debts need / paid',
            `${b(h.suggested_pledge.surplus)} ${b(h.suggested_pledge.debt_needed)} ${b(h.suggested_pledge.debt_paid)}`,
          ),
          row('ครัวเรือนออมได้ต่อเดือน', 'the household can save a month', b(h.suggested_pledge.household)),
          ...h.suggested_pledge.members.map(
            (m) =>
              `  ${padEnd(oneLine(m.member_id), 12)} สัจจะ / pledge ${m.savings_pledge === null ? '—' : b(m.savings_pledge)} · แนะนำ / suggested ${b(m.suggested)}`,
          ),
        ]),
    ...(h.buyouts.length === 0
      ? []
      : [
          '',
          'ปลดหนี้โดยกลุ่ม / debts the group bought out',
          ...h.buyouts.map(
            (x) =>
              `  ${thaiDate(x.date)} ${padEnd(oneLine(x.creditor), 20)} ${oneLine(x.loan_id)}: เจ้าหนี้แจ้ง / claimed ${b(x.claimed)} กลุ่มจ่าย / paid ${b(x.paid)} ลดได้ / reduced ${b(x.reduced)}${x.lawful_balance === undefined ? '' : ` · ยอดตามกฎหมาย (เงินต้น − ดอกเบี้ยที่จ่ายแล้ว) / lawful balance ${b(x.lawful_balance)}`}`,
          ),
          row('หนี้ที่ลดได้', 'baht reduced', b(h.relief.reduced)),
          row('ดอกเบี้ยที่ประหยัดได้ต่อเดือน', 'interest saved a month', b(h.relief.interest_saved_monthly)),
        ]),
    ...leftOutLines(h.left_out),
  ].join('\n');
}
