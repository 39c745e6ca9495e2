import { describe, expect, it } from 'vitest';
import { checkBooks, yearEnd } from '../../../core/index.ts';
import { handYear } from '../../helpers/year-book.ts';

/** The year worked by hand: test/helpers/year-book.ts says how every figure below is reached. */
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

describe('the monthly report of the month after the year (issue 20)', () => {
  it("shows January the year's allocation, and no other month", async () => {
    const { groupReportData, groupReportText, renderGroupReport } = await import('../../../core/index.ts');
    const books = checkBooks(handYear(), { asOf: '2027-01-31' });
    const january = groupReportData(books, '2027-01', '2027-02-01');
    expect(january.year).toMatchObject({ fiscal_year: 2026, pools: { reserve: 20_003, committee: 20_000 } });
    expect(renderGroupReport(january)).toContain('data-figure="year.pools.reserve">200.03');
    expect(groupReportText(january)).toContain('การจัดสรรกำไรปีบัญชี 2569');
    expect(groupReportData(books, '2026-12', '2027-01-01').year).toBeNull();
  });
});
