import type { Workbook } from '../../core/index.ts';
import { table } from './small-book.ts';

/**
 * Issue 20: a year worked by hand. Fiscal year 2026 (1 Jan – 31 Dec, 365 days). Net profit:
 * interest 1,200 (M06) + 600 (M07), fines 100, a donation of 500, stationery of 400 → 2,000.00
 * baht = 200,000 satang; welfare (contributions 300, a payout 200) is not profit. Allocation:
 * dividend 50 %, refund 20 %, reserve 10 %, welfare 10 %, committee 10 % → 100,000 / 40,000 /
 * (reserve) / 20,000 / 20,000 satang.
 *
 * Savings the dividend is on (sajja and shares), in satang, end-of-day:
 * - M01 100,000 all year; M06 100,000 all year; M07 20,000 all year; M05 50,000 of sajja (its
 *   voluntary 5,000 baht does not count);
 * - M02 100,000 from 1 July (184 days; 6 month ends; 6 whole months);
 * - M03 joins 1 April with 60,000 sajja + 50,000 shares (10 shares at 50): 110,000 for 275 days;
 * - M08 100,000 on 31 December only (1 day; the December month end; no whole month);
 * - M09 100,000 to 14 June, 50,000 from 15 June (165 + 200 days; month ends 5 × 100,000 + 7 × 50,000);
 * - M04 leaves on 30 September (excluded: left); M10 holds only a child's savings (weight 0).
 * Daily ΣS = 36.5 M + 18.4 M + 30.25 M + 18.25 M + 36.5 M + 7.3 M + 0.1 M + 26.5 M = 173,800,000;
 * M01's dividend ⌊100,000 × 36,500,000 ÷ 173,800,000⌋ = 21,001, and so on; the members get
 * 99,997 and the 3 left over go to reserve: 200,000 − 20,000 − 20,000 − 99,997 − 40,000 = 20,003.
 * Month ends ΣS = 5,780,000; whole months ΣS = 5,680,000 (M08 has none).
 * Refund: M07's loan was 154 days overdue on 19 July (nothing paid since the first instalment fell
 * due on 15 February): no refund; M06 paid all the eligible interest and gets the whole 40,000.
 */
const d = (day: number, month: number, year = 2569) => `${day}/${month}/${year}`;
const member = (id: string, joined = d(1, 12, 2568), extra: Record<string, string> = {}) => ({
  member_id: id,
  name: `สมาชิก ${id}`,
  household_id: `H${id.slice(1)}`,
  joined_on: joined,
  ...extra,
});
const deposit = (date: string, id: string, amount: number, product = 'สัจจะ', extra = {}) => ({
  date,
  member_id: id,
  type: 'ฝาก',
  amount,
  via: 'เหรัญญิก',
  product,
  ...extra,
});

export function handYear(): Workbook {
  const ids = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10'];
  return {
    tabs: [
      {
        name: 'ตั้งค่า (settings)',
        rows: [
          ['รายการ (key)', 'ค่า (value)'],
          ['รหัสกลุ่ม (group_id)', 'year-test'],
          ['ชื่อกลุ่ม (group_name)', 'กลุ่มปีทดสอบ'],
          ['วันเริ่มบัญชี (opening_date)', d(1, 12, 2568)],
          ['เงินสดยกมา (opening_cash)', '50,000'],
        ],
      },
      {
        name: 'ระเบียบกลุ่ม (rules)',
        rows: [
          ['รายการ (key)', 'ค่า (value)'],
          ['products', 'สัจจะ, หุ้น, ออมพิเศษ, ออมเพื่อลูก'],
          ['sajja_withdrawal', 'ได้ทุกเมื่อ'],
          ['share_price', 50],
          ['alloc_dividend', 50],
          ['alloc_interest_refund', 20],
          ['alloc_reserve', 10],
          ['alloc_welfare', 10],
          ['alloc_committee', 10],
        ],
      },
      table('subgroups', [
        { subgroup_id: 'SG1', name: 'หนึ่ง', head_member_id: 'M01' },
        { subgroup_id: 'SG2', name: 'สอง', head_member_id: 'M06' },
      ]),
      table(
        'households',
        ids.map((id, i) => ({
          household_id: `H${id.slice(1)}`,
          subgroup_id: i < 5 ? 'SG1' : 'SG2',
          head_name: id,
        })),
      ),
      table('members', [
        member('M01'),
        member('M02'),
        member('M03', d(1, 4)),
        member('M04', d(1, 12, 2568), { left_on: d(30, 9), status: 'ลาออก' }),
        member('M05'),
        member('M06'),
        member('M07'),
        member('M08'),
        member('M09'),
        member('M10'),
      ]),
      table('savings', [
        deposit(d(15, 12, 2568), 'M01', 1000),
        deposit(d(15, 12, 2568), 'M04', 2000),
        deposit(d(15, 12, 2568), 'M05', 500),
        deposit(d(15, 12, 2568), 'M05', 5000, 'ออมพิเศษ'),
        deposit(d(15, 12, 2568), 'M06', 1000),
        deposit(d(15, 12, 2568), 'M07', 200),
        deposit(d(15, 12, 2568), 'M09', 1000),
        deposit(d(15, 12, 2568), 'M10', 300, 'ออมเพื่อลูก', { beneficiary: 'ด.ญ. ใจดี' }),
        deposit(d(1, 4), 'M03', 600),
        deposit(d(1, 4), 'M03', 500, 'หุ้น'),
        { date: d(15, 6), member_id: 'M09', type: 'ถอน', amount: 500 },
        deposit(d(1, 7), 'M02', 1000),
        { date: d(30, 9), member_id: 'M04', type: 'ถอน', amount: 2000 },
        deposit(d(31, 12), 'M08', 1000),
      ]),
      table('loans', [
        {
          loan_id: 'L06',
          member_id: 'M06',
          disbursed_on: d(10, 1),
          principal: 12000,
          monthly_rate: 1,
          term_months: 12,
        },
        {
          loan_id: 'L07',
          member_id: 'M07',
          disbursed_on: d(15, 1),
          principal: 6000,
          monthly_rate: 1,
          term_months: 6,
        },
      ]),
      table('repayments', [
        ...Array.from({ length: 11 }, (_, i) => ({
          date: d(10, i + 2),
          loan_id: 'L06',
          principal: 1000,
          interest: i === 0 ? 200 : 100,
        })),
        { date: d(20, 7), loan_id: 'L07', principal: 3000, interest: 600, fine: 100 },
      ]),
      table('welfare', [
        ...['M01', 'M02', 'M05'].map((id) => ({ date: d(5, 3), member_id: id, type: 'สมทบ', amount: 100 })),
        { date: d(6, 8), member_id: 'M06', type: 'จ่ายสวัสดิการ', benefit: 'เจ็บป่วย', amount: 200 },
      ]),
      table('other', [
        { date: d(1, 5), type: 'รายรับ', category: 'เงินบริจาค', amount: 500 },
        { date: d(2, 5), type: 'รายจ่าย', category: 'ค่าเครื่องเขียน', amount: 400 },
      ]),
    ],
  };
}
