import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, bahtNumber, divideHalfUp, formatBaht, sum } from '../../core/money.ts';

describe('allocate', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [100, [1, 0, 1], [50, 0, 50]],
    [5, [1, 2], [2, 3]],
    [1, [3, 3, 3], [1, 0, 0]],
    [1000, [70, 30], [700, 300]],
    [0, [1, 2], [0, 0]],
  ])('allocate(%i, %j) is %j', (amount, ratios, parts) => {
    expect(allocate(amount, ratios)).toEqual(parts);
  });

  it('gives parts that add up to the amount, each within a satang of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 30 }),
        (amount, ratios) => {
          fc.pre(ratios.some((r) => r > 0));
          const parts = allocate(amount, ratios);
          expect(sum(parts)).toBe(amount);
          const total = ratios.reduce((s, r) => s + r, 0);
          parts.forEach((part, i) => {
            expect(Number.isSafeInteger(part)).toBe(true);
            const exact = (BigInt(amount) * BigInt(ratios[i]!)) / BigInt(total);
            expect(BigInt(part) - exact >= 0n && BigInt(part) - exact <= 1n).toBe(true);
            if (ratios[i] === 0) expect(part).toBe(0);
          });
        },
      ),
    );
  });

  it('refuses ratios that cannot split anything', () => {
    expect(() => allocate(100, [0, 0])).toThrow(RangeError);
    expect(() => allocate(100, [-1, 2])).toThrow(RangeError);
    expect(() => allocate(-1, [1])).toThrow(RangeError);
  });
});

describe('divideHalfUp', () => {
  it.each([
    [5, 2, 3],
    [4, 2, 2],
    [-5, 2, -2],
    [-7, 2, -3],
    [1, 3, 0],
    [2, 3, 1],
    [123_456_789_012, 7, 17_636_684_145],
  ])('divideHalfUp(%i, %i) is %i', (amount, divisor, expected) => {
    expect(divideHalfUp(amount, divisor)).toBe(expected);
  });

  it('agrees with Math.round on every safe quotient', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1000 }), (a, b) => {
        // the same, except that it never gives −0
        expect(divideHalfUp(a, b)).toBe(Math.round(a / b) + 0);
      }),
    );
  });
});

describe('formatBaht and bahtNumber', () => {
  it.each([
    [125_050, '1,250.50', '1250.50'],
    [5, '0.05', '0.05'],
    [-123_456_789, '-1,234,567.89', '-1234567.89'],
    [0, '0.00', '0.00'],
  ])('%i satang is %s baht', (satang, grouped, plain) => {
    expect(formatBaht(satang)).toBe(grouped);
    expect(formatBaht(satang, { grouping: false })).toBe(plain);
    expect(bahtNumber(satang)).toBe(Number(plain));
  });
});
