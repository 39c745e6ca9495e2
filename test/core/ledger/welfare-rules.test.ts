import { describe, expect, it } from 'vitest';
import { checkBooks, summariseMonth } from '../../../core/index.ts';
import { claim, reliefBook } from '../../helpers/relief-book.ts';

const AS_OF = '2026-11-26';
type Extra = Parameters<typeof reliefBook>[0];
const welfare = (extra: Extra = {}, rules: Parameters<typeof reliefBook>[1] = []) =>
  checkBooks(reliefBook(extra, rules), { asOf: AS_OF }).findings.filter((f) =>
    f.code.startsWith('W_WELFARE'),
  );

/** The welfare tab's rows: seven of the book's (M1 ×5, M2, the district's matching) and then these. */
const ROW = 9;

describe("welfare by the group's table (issue 21, worked by hand on test/helpers/relief-book.ts)", () => {
  it('a hospital claim over the per-stay cap: 4 nights × 200 = 800, at most 600 a stay', () => {
    const found = welfare({
      welfare: [claim('10/10/2569', 'M1', 800, { event_date: '3/10/2569', nights: 4 })],
    });
    expect(found.filter((f) => f.sheet === 'welfare')).toMatchObject([
      { code: 'W_WELFARE_OVER_LIMIT', cell: `E${ROW}`, member_id: 'M1', expected: 60_000, actual: 80_000 },
    ]);
    expect(found.find((f) => f.sheet === 'welfare')!.message.th).toContain(
      'คืนละ 200.00 บาท × 4 คืน สูงสุด 600.00 บาท',
    );
  });

  it("the fiscal year's cap falls on the claim that passes it: 200 + 600 + 400 = 1,200 > 1,000", () => {
    const found = welfare({
      welfare: [
        claim('15/8/2569', 'M1', 200, { event_date: '14/8/2569', nights: 1 }),
        claim('10/10/2569', 'M1', 600, { event_date: '3/10/2569', nights: 4 }),
        claim('5/11/2569', 'M1', 400, { event_date: '1/11/2569', nights: 2 }),
      ],
    });
    expect(found.filter((f) => f.sheet === 'welfare')).toMatchObject([
      { code: 'W_WELFARE_OVER_LIMIT', cell: `E${ROW + 2}`, expected: 100_000, actual: 120_000 },
    ]);
  });

  it('a claim made 45 days after the stay, where the table says 30', () => {
    const found = welfare({
      welfare: [claim('15/9/2569', 'M1', 200, { event_date: '1/8/2569', nights: 1 })],
    });
    expect(found.filter((f) => f.sheet === 'welfare')).toMatchObject([
      { code: 'W_WELFARE_LATE_CLAIM', cell: `A${ROW}`, days: 45, limit: 30 },
    ]);
  });

  it("a lapsed member's claim: M2 paid July only, 3 months behind (Jul–Oct due) on 5 November", () => {
    const found = welfare({
      welfare: [claim('6/11/2569', 'M2', 200, { event_date: '5/11/2569', nights: 1 })],
    });
    const lapsed = found.filter((f) => f.code === 'W_WELFARE_NOT_ELIGIBLE');
    expect(lapsed).toMatchObject([{ cell: `B${ROW}`, member_id: 'M2' }]);
    expect(lapsed[0]!.message.en).toContain('3 months behind');
    // on 20 October only 2 months were behind (July, August, September due; July paid): eligible
    const earlier = welfare({
      welfare: [claim('21/10/2569', 'M2', 200, { event_date: '20/10/2569', nights: 1 })],
    });
    expect(earlier.filter((f) => f.code === 'W_WELFARE_NOT_ELIGIBLE')).toEqual([]);
  });

  it('a member too new: M3 joined 1 October, 180 days are needed (from 30 March 2570)', () => {
    const found = welfare({
      welfare: [claim('21/10/2569', 'M3', 200, { event_date: '20/10/2569', nights: 1 })],
    });
    expect(found.filter((f) => f.code === 'W_WELFARE_NOT_ELIGIBLE')).toMatchObject([
      { cell: `B${ROW}`, member_id: 'M3', limit_date: '2027-03-30' },
    ]);
  });

  it('a benefit the table does not have, and one paid with no benefit named', () => {
    const found = welfare({
      welfare: [
        claim('1/9/2569', 'M1', 1000, { benefit: 'คลอดบุตร' }),
        claim('2/9/2569', 'M1', 100, { benefit: null }),
      ],
    });
    expect(found.filter((f) => f.sheet === 'welfare')).toMatchObject([
      { code: 'W_WELFARE_NO_RULE', cell: `D${ROW}`, amount: 100_000 },
      { code: 'W_WELFARE_NO_RULE', cell: `D${ROW + 1}`, amount: 10_000 },
    ]);
  });

  it("the Chamuang preset gives what the group's tab does not: birth 1,000, a death growing with the years", () => {
    const found = welfare(
      {
        welfare: [
          claim('1/9/2569', 'M1', 1500, { benefit: 'คลอดบุตร' }),
          // M1 joined 1/1/2567: 2 full years on 1/9/2569 → 3,000 + 2 × 1,000 = 5,000
          claim('2/9/2569', 'M1', 5000, { benefit: 'เสียชีวิต' }),
          claim('3/9/2569', 'M1', 5001, { benefit: 'เสียชีวิต' }),
        ],
      },
      [['welfare_preset', 'ชะมวง']],
    );
    expect(found.filter((f) => f.sheet === 'welfare')).toMatchObject([
      { code: 'W_WELFARE_OVER_LIMIT', cell: `E${ROW}`, expected: 100_000, actual: 150_000 },
      { code: 'W_WELFARE_OVER_LIMIT', cell: `E${ROW + 2}`, expected: 500_000, actual: 500_100 },
    ]);
  });

  it('each active member behind with contributions, at their row of the members tab', () => {
    expect(welfare().map((f) => [f.code, f.sheet, f.cell, f.count, f.expected, f.actual])).toEqual([
      // M2: July to October due (4 × 30), July paid; M3: October due, nothing paid
      ['W_WELFARE_CONTRIBUTION_BEHIND', 'members', 'A3', 3, 12_000, 3_000],
      ['W_WELFARE_CONTRIBUTION_BEHIND', 'members', 'A4', 1, 3_000, 0],
    ]);
  });

  it('judges nothing without a table, and no contributions without a monthly amount', () => {
    const wb = reliefBook({ welfare: [claim('1/9/2569', 'M1', 99_999, { benefit: 'คลอดบุตร' })] });
    wb.tabs = wb.tabs.filter((t) => !t.name.endsWith('(welfare_rules)'));
    wb.tabs[1]!.rows = wb.tabs[1]!.rows.filter((r) => r[0] !== 'welfare_contribution_monthly');
    expect(checkBooks(wb, { asOf: AS_OF }).findings.filter((f) => f.code.startsWith('W_WELFARE'))).toEqual(
      [],
    );
  });

  it("the fund's health at November's end: 22.5 months of cover, 35 % paid out, one elderly benefit coming", () => {
    const c = checkBooks(reliefBook({ welfare: [claim('15/9/2569', 'M1', 1800, { benefit: 'ผู้สูงอายุ' })] }), {
      asOf: AS_OF,
    });
    const s = summariseMonth(c, '2026-11');
    // in: 5 × 30 + 30 + 5,000 matched = 5,180; out: 1,800; fund 3,380 → 3,380 × 12 ÷ 1,800 = 22.53
    expect(s.welfare.fund_balance).toBe(338_000);
    expect(s.welfare_health).toEqual({
      months_of_cover: 22.5,
      payouts_12m: 180_000,
      contributions_12m: 518_000,
      matching_12m: 500_000,
      payout_ratio: 0.3475,
      // M1 is 60 on 1 March 2570, a member 1,095 days from 31 December 2569: due in the next 12
      // months; M2 is old enough but a member 1,095 days only in 2571
      elderly_due: 1,
      elderly_new: 1,
      elderly_cost: 30_000,
    });
    expect(summariseMonth(c, '2026-08').welfare.matching).toBe(500_000);
  });
});
