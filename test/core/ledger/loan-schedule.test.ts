import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loanSchedule, loanStatus, monthlyInterest, satang, splitEqually } from '../../../core/index.ts';

describe('splitEqually', () => {
  it.each([
    [100_000, 4, [25_000, 25_000, 25_000, 25_000]],
    [100_000, 3, [33_333, 33_333, 33_334]],
    [7, 3, [2, 2, 3]],
    [5, 1, [5]],
  ])('splits %i into %i parts', (amount, parts, expected) => {
    expect(splitEqually(satang(amount), parts)).toEqual(expected);
  });

  it('always adds up to the whole, the remainder on the last part (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e10 }), fc.integer({ min: 1, max: 120 }), (amount, parts) => {
        const shares = splitEqually(satang(amount), parts);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
        expect(shares.every((s) => Number.isInteger(s))).toBe(true);
        expect(Math.max(...shares.slice(0, -1), 0)).toBeLessThanOrEqual(shares[parts - 1]!);
      }),
    );
  });
});

describe('loanSchedule', () => {
  it('is due k months after disbursement, the day clamped to the month end', () => {
    const schedule = loanSchedule({ principal: satang(100_000), term_months: 3, disbursed_on: '2026-01-31' });
    expect(schedule).toEqual([
      { number: 1, due: '2026-02-28', principal: 33_333 },
      { number: 2, due: '2026-03-31', principal: 33_333 },
      { number: 3, due: '2026-04-30', principal: 33_334 },
    ]);
  });

  it('charges interest on the outstanding principal, rounded to the satang', () => {
    expect(monthlyInterest(satang(100_000), 1)).toBe(1_000);
    expect(monthlyInterest(satang(33_333), 1.25)).toBe(417);
    // 3,000 × 1.15 % is exactly 34.5: half up is 35 (a float product gives 34.4999… → 34)
    expect(monthlyInterest(satang(3_000), 1.15)).toBe(35);
    expect(monthlyInterest(satang(0), 1.15)).toBe(0);
  });

  it('equals exact decimal arithmetic rounded half up (property)', () => {
    // the rate as a decimal text with up to 4 places, as it is typed; exact value = digits / 10^places
    const rateText = fc
      .tuple(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 4 }))
      .map(([units, places]) => ({ units, places, text: (units / 10 ** places).toFixed(places) }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), rateText, (outstanding, rate) => {
        // interest = outstanding × units / (100 × 10^places), half up
        const numerator = BigInt(outstanding) * BigInt(rate.units);
        const denominator = 100n * 10n ** BigInt(rate.places);
        const quotient = numerator / denominator;
        const exact = 2n * (numerator % denominator) >= denominator ? quotient + 1n : quotient;
        expect(monthlyInterest(satang(outstanding), Number(rate.text))).toBe(Number(exact));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('loanStatus', () => {
  const schedule = loanSchedule({ principal: satang(120_000), term_months: 12, disbursed_on: '2026-01-10' });
  it.each([
    ['2026-02-09', 0, { due: 0, outstanding: 120_000, daysOverdue: 0 }],
    ['2026-02-10', 10_000, { due: 10_000, outstanding: 110_000, daysOverdue: 0 }],
    ['2026-02-10', 0, { due: 10_000, outstanding: 120_000, daysOverdue: 0 }],
    ['2026-03-15', 0, { due: 20_000, outstanding: 120_000, daysOverdue: 33 }],
    ['2026-03-15', 10_000, { due: 20_000, outstanding: 110_000, daysOverdue: 5 }],
    ['2026-03-15', 15_000, { due: 20_000, outstanding: 105_000, daysOverdue: 5 }],
    ['2026-03-15', 20_000, { due: 20_000, outstanding: 100_000, daysOverdue: 0 }],
    ['2027-06-01', 120_000, { due: 120_000, outstanding: 0, daysOverdue: 0 }],
  ])('on %s with %i repaid', (day, repaid, expected) => {
    expect(loanStatus(schedule, satang(120_000), satang(repaid), day)).toMatchObject({ repaid, ...expected });
  });
});
