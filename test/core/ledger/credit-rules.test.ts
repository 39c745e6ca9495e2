import { describe, expect, it } from 'vitest';
import { checkBooks } from '../../../core/index.ts';
import { table } from '../../helpers/small-book.ts';
import { handYear } from '../../helpers/year-book.ts';

/**
 * Issue 21, loan rules worked by hand on the year book (test/helpers/year-book.ts): M06 holds
 * 1,000 baht of sajja from 15 Dec 2568 and borrows 12,000 on 10 Jan 2569 (L06); M07 holds 200 and
 * borrows 6,000 on 15 Jan (L07), guaranteed by M01 (1,000 of savings); M06 borrows again, 2,000 on
 * 1 Mar (L06B), while L06 is far from repaid.
 */
function book(rules: [string, number | string][]) {
  const wb = handYear();
  wb.tabs[1]!.rows.push(...rules);
  const loans = wb.tabs.findIndex((t) => t.name.endsWith('(loans)'));
  wb.tabs[loans] = table('loans', [
    {
      loan_id: 'L06',
      member_id: 'M06',
      disbursed_on: '10/1/2569',
      principal: 12000,
      monthly_rate: 1,
      term_months: 12,
      guarantor_ids: 'M06',
    },
    {
      loan_id: 'L07',
      member_id: 'M07',
      disbursed_on: '15/1/2569',
      principal: 6000,
      monthly_rate: 1,
      term_months: 6,
      guarantor_ids: 'M01',
    },
    {
      loan_id: 'L06B',
      member_id: 'M06',
      disbursed_on: '1/3/2569',
      principal: 2000,
      monthly_rate: 1,
      term_months: 4,
      guarantor_ids: 'M01, M09',
    },
  ]);
  return checkBooks(wb, { asOf: '2027-01-15' }).findings;
}

describe('loans within the bylaws (issue 21)', () => {
  it('says nothing while the bylaws set no credit rule', () => {
    const codes = book([]).map((f) => f.code);
    for (const code of [
      'W_LOAN_OVER_LIMIT',
      'W_LOAN_TOO_EARLY',
      'W_GUARANTORS_MISSING',
      'W_GUARANTOR_OVEREXPOSED',
    ])
      expect(codes).not.toContain(code);
  });

  it('finds a loan over three times the savings, with the limit it should have kept', () => {
    const over = book([['loan_max_multiple', 3]]).filter((f) => f.code === 'W_LOAN_OVER_LIMIT');
    // L06: 3 × 1,000 = 3,000 allowed; L07: 3 × 200 = 600; L06B: 3 × 1,000 = 3,000 ≥ 2,000 (no finding)
    expect(over.map((f) => [f.loan_id, f.expected, f.actual, f.cell])).toEqual([
      ['L06', 300_000, 1_200_000, 'D2'],
      ['L07', 60_000, 600_000, 'D3'],
    ]);
    expect(over[0]!.message.th).toContain('กู้ได้ไม่เกิน 3,000.00 บาท');
  });

  it('finds a loan paid out before two months of membership', () => {
    const early = book([['loan_min_membership_months', 2]]).filter((f) => f.code === 'W_LOAN_TOO_EARLY');
    // joined 1 Dec 2568: allowed from 1 Feb 2569; L06 (10 Jan) and L07 (15 Jan) are too early
    expect(early.map((f) => [f.loan_id, f.limit_date])).toEqual([
      ['L06', '2026-02-01'],
      ['L07', '2026-02-01'],
    ]);
  });

  it('counts only guarantors who are active members and not the borrower', () => {
    const missing = book([['guarantors_required', 1]]).filter((f) => f.code === 'W_GUARANTORS_MISSING');
    expect(missing.map((f) => [f.loan_id, f.count, f.limit])).toEqual([['L06', 0, 1]]);
  });

  it('finds a guarantor whose guarantees outstanding pass twice their own savings', () => {
    const exposed = book([['guarantor_max_exposure', 2]]).filter((f) => f.code === 'W_GUARANTOR_OVEREXPOSED');
    // M01 guarantees L07 (6,000 − 3,000 repaid = 3,000) and L06B (2,000, none repaid): 5,000 > 2 × 1,000;
    // M09 guarantees L06B (2,000) on 500 of savings (1,000 less the 500 withdrawn): 2,000 > 2 × 500
    expect(exposed.map((f) => [f.member_id, f.expected, f.actual])).toEqual([
      ['M01', 200_000, 500_000],
      ['M09', 100_000, 200_000],
    ]);
  });

  it('finds a second loan paid out to a household still owing its first: one household, one contract', () => {
    expect(book([]).filter((f) => f.code === 'W_HOUSEHOLD_LOANS')).toEqual([]); // only where the bylaws say so
    const twice = book([['one_loan_per_household', 'ใช่' as never]]).filter(
      (f) => f.code === 'W_HOUSEHOLD_LOANS',
    );
    expect(twice.map((f) => [f.loan_id, f.count, f.cell])).toEqual([['L06B', 2, 'A4']]);
  });
});

describe("a first instalment against the household's own surplus (issue 21)", () => {
  it('warns when the instalment with its interest is above the average surplus of the three months before', () => {
    const wb = handYear();
    const loans = wb.tabs.findIndex((t) => t.name.endsWith('(loans)'));
    wb.tabs[loans] = table('loans', [
      {
        loan_id: 'L07',
        member_id: 'M07',
        disbursed_on: '15/1/2569',
        principal: 6000,
        monthly_rate: 1,
        term_months: 6,
      },
      {
        loan_id: 'L01',
        member_id: 'M01',
        disbursed_on: '5/4/2569',
        principal: 600,
        monthly_rate: 1,
        term_months: 6,
      },
      {
        loan_id: 'L05',
        member_id: 'M05',
        disbursed_on: '5/4/2569',
        principal: 6000,
        monthly_rate: 1,
        term_months: 6,
      },
    ]);
    wb.tabs.push(
      table(
        'household_accounts',
        ['1/1/2569', '1/2/2569', '1/3/2569'].flatMap((date) =>
          ['H01', 'H05'].flatMap((household_id) => [
            { date, household_id, type: 'รายรับ', category: 'รับจ้าง', amount: 3000 },
            { date, household_id, type: 'รายจ่าย', category: 'อาหาร', amount: 2500 },
          ]),
        ),
      ),
    );
    const findings = checkBooks(wb, { asOf: '2027-01-15' }).findings.filter(
      (f) => f.code === 'W_INSTALMENT_OVER_SURPLUS',
    );
    // H01 and H05 keep 500 a month (January to March). L05's first instalment is 6,000 ÷ 6 = 1,000
    // + 1 % of 6,000 = 60: above; L01's is 100 + 6: within; M07's household kept no book: nothing said
    expect(findings.map((f) => [f.loan_id, f.expected, f.actual])).toEqual([['L05', 50_000, 106_000]]);
  });
});

describe('licensed pico-finance (issue 21)', () => {
  it('allows a pico lender 36 % a year, and warns above it', () => {
    const wb = handYear();
    wb.tabs.push(
      table('debt_survey', [
        {
          survey_date: '1/12/2568',
          household_id: 'H01',
          creditor: 'พิโก ก',
          creditor_type: 'พิโกไฟแนนซ์',
          outstanding: 10000,
          interest_rate: 30,
          rate_period: 'ต่อปี',
        },
        {
          survey_date: '1/12/2568',
          household_id: 'H02',
          creditor: 'พิโก ข',
          creditor_type: 'พิโก',
          outstanding: 10000,
          interest_rate: 3.5,
          rate_period: 'ต่อเดือน',
        },
        {
          survey_date: '1/12/2568',
          household_id: 'H03',
          creditor: 'ธนาคาร',
          creditor_type: 'ธนาคาร',
          outstanding: 10000,
          interest_rate: 30,
          rate_period: 'ต่อปี',
        },
      ]),
    );
    const rates = checkBooks(wb, { asOf: '2027-01-15' }).findings.filter(
      (f) => f.code === 'W_RATE_ABOVE_LEGAL',
    );
    // 30 % a year is lawful for pico, not for a bank; 3.5 % a month (42 % a year) is above pico's 36 %
    expect(rates.map((f) => [f.cell, f.value, f.limit])).toEqual([
      ['F3', 3.5, 3],
      ['F4', 30, 15],
    ]);
    expect(rates[0]!.message.th).toContain('ของพิโกไฟแนนซ์ 36% ต่อปี');
  });
});

describe("a loan's cost against the legal ceiling (issue 21)", () => {
  it('finds a loan whose fines push 1.25 % a month over 15 % a year of its average outstanding', () => {
    const wb = handYear();
    const at = (name: string) => wb.tabs.findIndex((t) => t.name.endsWith(`(${name})`));
    wb.tabs[at('loans')] = table('loans', [
      {
        loan_id: 'LC',
        member_id: 'M06',
        disbursed_on: '10/1/2569',
        principal: 10000,
        monthly_rate: 1.25,
        term_months: 12,
      },
      {
        loan_id: 'LK',
        member_id: 'M01',
        disbursed_on: '10/1/2569',
        principal: 10000,
        monthly_rate: 1.25,
        term_months: 12,
      },
    ]);
    // twelve monthly payments of interest only, 125 each (1.25 % of 10,000); LC also pays a fine of 100
    const dates = Array.from({ length: 12 }, (_, i) => (i < 11 ? `10/${i + 2}/2569` : '10/1/2570'));
    wb.tabs[at('repayments')] = table('repayments', [
      ...dates.map((date) => ({ date, loan_id: 'LC', interest: 125 })),
      ...dates.map((date) => ({ date, loan_id: 'LK', interest: 125 })),
      { date: '10/6/2569', loan_id: 'LC', fine: 100 },
    ]);
    const cost = checkBooks(wb, { asOf: '2027-01-15' }).findings.filter(
      (f) => f.code === 'W_LOAN_COST_ABOVE_LEGAL',
    );
    // the year to 10 Jan 2570: 10,000 outstanding every day; 15 % of it is 1,500; LC paid 1,600, LK 1,500
    expect(cost.map((f) => [f.loan_id, f.date, f.expected, f.actual])).toEqual([
      ['LC', '2027-01-10', 150_000, 160_000],
    ]);
  });
});
