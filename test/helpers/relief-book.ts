import type { CellValue, TabKey, Workbook } from '../../core/index.ts';
import { smallBook, table } from './small-book.ts';

/**
 * Issue 21: the small book (test/helpers/small-book.ts) with a household in debt to a loan shark,
 * a buy-out, and a welfare fund with its own table — every figure worked by hand in
 * test/core/ledger/buyouts.test.ts and welfare-rules.test.ts. Dates are Buddhist Era: 2569 is 2026.
 *
 * Debt: household H2 (member M2) owes "เจ๊ใจ" 10,000 at 20 % a month and "ลุงดำ" 3,000 at 10 % a
 * month (informal, surveyed 15/6/2569); the group lends M2 8,000 at 1 % a month (L1, 10/7/2569) and
 * pays เจ๊ใจ 8,000 of the 12,000 she claims; the household had already paid her 6,000 of interest.
 *
 * Welfare: M1 (joined 1/1/2567, born 1/3/2510) pays 30 a month from July to November 2569; M2
 * (joined 1/1/2569) pays July only; M3 (joined 1/10/2569) pays nothing. The district matches
 * 5,000 on 1/8/2569. Sickness pays 200 a night, at most 600 a stay and 1,000 a fiscal year, after
 * 180 days, claimed within 30 days; the elderly benefit is 300 a year after 1,095 days.
 */
export function reliefBook(
  extra: Partial<Record<TabKey, Record<string, CellValue>[]>> = {},
  rules: [string, CellValue][] = [],
): Workbook {
  const wb = smallBook();
  const replace = (key: TabKey, records: Record<string, CellValue>[]) => {
    const at = wb.tabs.findIndex((t) => t.name.endsWith(`(${key})`));
    const made = table(key, [...records, ...(extra[key] ?? [])]);
    if (at < 0) wb.tabs.push(made);
    else wb.tabs[at] = made;
  };
  wb.tabs.splice(1, 0, {
    name: 'ระเบียบกลุ่ม (rules)',
    rows: [
      ['รายการ (key)', 'ค่า (value)'],
      ['sajja_withdrawal', 'ได้ทุกเมื่อ'],
      ['welfare_contribution_monthly', 30],
      ...rules,
    ],
  });
  // enough cash for the loan and the benefits (the counts and repayments of the small book go)
  wb.tabs[0]!.rows[4] = ['เงินสดยกมา (opening_cash)', '50,000'];
  wb.tabs = wb.tabs.filter((t) => !t.name.endsWith('(counts)') && !t.name.endsWith('(repayments)'));
  replace('members', [
    { member_id: 'M1', name: 'สมชาย ทองคำ', household_id: 'H1', joined_on: '1/1/2567', born_on: '1/3/2510' },
    { member_id: 'M2', name: 'มาลี ศรีสุข', household_id: 'H2', joined_on: '1/1/2569', born_on: '1/1/2493' },
    { member_id: 'M3', name: 'สุดา ใจดี', household_id: 'H2', joined_on: '1/10/2569' },
  ]);
  replace('loans', [
    {
      loan_id: 'L1',
      member_id: 'M2',
      disbursed_on: '10/7/2569',
      principal: 8000,
      monthly_rate: 1,
      term_months: 10,
      request_id: 'REQ1',
      guarantor_ids: 'M1',
    },
  ]);
  const debt = (date: string, creditor: string, outstanding: number, rate: number) => ({
    survey_date: date,
    household_id: 'H2',
    creditor,
    creditor_type: 'นอกระบบ',
    outstanding,
    interest_rate: rate,
    rate_period: 'ต่อเดือน',
  });
  replace('debt_survey', [debt('15/6/2569', 'เจ๊ใจ', 10000, 20), debt('15/6/2569', 'ลุงดำ', 3000, 10)]);
  replace('debt_buyouts', [
    {
      date: '10/7/2569',
      loan_id: 'L1',
      creditor: 'เจ๊ ใจ',
      claimed: 12000,
      paid: 8000,
      interest_paid_before: 6000,
      receipt_no: 'B1',
    },
  ]);
  const pay = (date: string, member: string) => ({ date, member_id: member, type: 'สมทบ', amount: 30 });
  replace('welfare', [
    ...['1/7/2569', '1/8/2569', '1/9/2569', '1/10/2569', '1/11/2569'].map((d) => pay(d, 'M1')),
    pay('1/7/2569', 'M2'),
    { date: '1/8/2569', type: 'เงินสมทบจากรัฐ', amount: 5000, source: 'อบต.' },
  ]);
  replace('welfare_rules', [
    {
      benefit: 'เจ็บป่วย',
      amount: 200,
      unit: 'คืน',
      max_per_claim: 600,
      max_per_year: 1000,
      claim_within_days: 30,
    },
    { benefit: 'ผู้สูงอายุ', amount: 300, unit: 'ปี', min_membership_days: 1095 },
  ]);
  return wb;
}

/** A payout row of the welfare tab. */
export const claim = (
  date: string,
  member: string,
  amount: number,
  extra: Record<string, CellValue> = {},
): Record<string, CellValue> => ({
  date,
  member_id: member,
  type: 'จ่ายสวัสดิการ',
  benefit: 'เจ็บป่วย',
  amount,
  ...extra,
});
