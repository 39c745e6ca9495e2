import { describe, expect, it } from 'vitest';
import { checkBooks, type Workbook, yearEnd } from '../../../core/index.ts';
import { table } from '../../helpers/small-book.ts';

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

function handYear(): Workbook {
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

const checked = () => checkBooks(handYear(), { asOf: '2027-01-15' });

describe('the year-end worked by hand (issue 20)', () => {
  it('reads the book without an error', () => {
    const errors = checked().findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.code} ${f.sheet}!${f.cell} ${f.message.en}`)).toEqual([]);
  });

  it('gives the profit, the pools and the reserve that takes every remainder', () => {
    const year = yearEnd(checked(), 2026);
    expect(year).toMatchObject({
      group_id: 'year-test',
      fiscal_year: 2026,
      from: '2026-01-01',
      to: '2026-12-31',
      profit: { interest: 180_000, fines: 10_000, other_income: 50_000, other_expense: 40_000, net: 200_000 },
      pools: {
        dividend: 99_997,
        interest_refund: 40_000,
        reserve: 20_003,
        welfare: 20_000,
        committee: 20_000,
        public_benefit: 0,
        education: 0,
        other: 0,
      },
      method: 'daily',
      dividend_rate: 21,
      totals: { dividend: 99_997, interest_refund: 40_000 },
    });
    // the same year asked in the Buddhist Era
    expect(yearEnd(checked(), 2569)).toEqual(year);
  });

  it('gives every member the amounts of all three methods, the left member nothing, the overdue no refund', () => {
    const byId = new Map(yearEnd(checked(), 2026).members.map((m) => [m.member_id, m]));
    const dividends = (method: 'daily' | 'month_end' | 'full_month') =>
      Object.fromEntries([...byId].map(([id, m]) => [id, m.dividend[method]]));
    expect(dividends('daily')).toEqual({
      M01: 21_001,
      M02: 10_586,
      M03: 17_405,
      M04: 0,
      M05: 10_500,
      M06: 21_001,
      M07: 4_200,
      M08: 57,
      M09: 15_247,
      M10: 0,
    });
    expect(dividends('month_end')).toEqual({
      M01: 20_761,
      M02: 10_380,
      M03: 17_128,
      M04: 0,
      M05: 10_380,
      M06: 20_761,
      M07: 4_152,
      M08: 1_730,
      M09: 14_705,
      M10: 0,
    });
    expect(dividends('full_month')).toEqual({
      M01: 21_126,
      M02: 10_563,
      M03: 17_429,
      M04: 0,
      M05: 10_563,
      M06: 21_126,
      M07: 4_225,
      M08: 0,
      M09: 14_964,
      M10: 0,
    });
    expect(byId.get('M02')!.average_balance).toEqual({
      daily: 50_410,
      month_end: 50_000,
      full_month: 50_000,
    });
    expect(byId.get('M08')!.average_balance).toEqual({ daily: 273, month_end: 8_333, full_month: 0 });
    expect(byId.get('M04')!.excluded).toBe('left');
    expect(byId.get('M07')).toMatchObject({ excluded: 'overdue', interest_paid: 60_000, interest_refund: 0 });
    expect(byId.get('M06')).toMatchObject({
      excluded: null,
      interest_paid: 120_000,
      interest_refund: 40_000,
    });
  });

  it('rounds each member down to the baht when the bylaws say so, the satang going to reserve', () => {
    const book = handYear();
    book.tabs[1]!.rows.push(['round_to', 'บาท']);
    const year = yearEnd(checkBooks(book, { asOf: '2027-01-15' }), 2026);
    const m01 = year.members.find((m) => m.member_id === 'M01')!;
    expect(m01.dividend.daily).toBe(21_000);
    // 8 members' daily dividends rounded down to whole baht: 21,000 + 10,500 + 17,400 + 10,500 + 21,000 + 4,200 + 0 + 15,200
    expect(year.totals.dividend).toBe(99_800);
    expect(year.pools.reserve).toBe(200_000 - 40_000 - 99_800 - 40_000);
  });

  it('cuts the dividend to the bylaws’ highest rate and gives the rest to reserve', () => {
    const book = handYear();
    book.tabs[1]!.rows.push(['dividend_max_rate', 10]);
    const year = yearEnd(checkBooks(book, { asOf: '2027-01-15' }), 2026);
    // 10 % a year of the average balances: ⌊173,800,000 × 10 ÷ (365 × 100)⌋ = 47,616
    expect(year.dividend_rate).toBe(10);
    expect(year.totals.dividend).toBeLessThanOrEqual(47_616);
    expect(year.pools.reserve).toBe(200_000 - 40_000 - year.totals.dividend - 40_000);
  });
});
