import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  bahtNumber,
  divideHalfUp,
  formatBaht,
  larger,
  minus,
  negate,
  plus,
  type Satang,
  satang,
  smaller,
  sum,
  times,
  ZERO,
} from '../../core/money.ts';

describe('allocate', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [100, [1, 0, 1], [50, 0, 50]],
    [5, [1, 2], [2, 3]],
    [1, [3, 3, 3], [1, 0, 0]],
    [1000, [70, 30], [700, 300]],
    [0, [1, 2], [0, 0]],
  ])('allocate(%i, %j) is %j', (amount, ratios, parts) => {
    expect(allocate(satang(amount), ratios)).toEqual(parts);
  });

  it('gives parts that add up to the amount, each within a satang of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 30 }),
        (amount, ratios) => {
          fc.pre(ratios.some((r) => r > 0));
          const parts = allocate(satang(amount), ratios);
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
    expect(() => allocate(satang(100), [0, 0])).toThrow(RangeError);
    expect(() => allocate(satang(100), [-1, 2])).toThrow(RangeError);
    expect(() => allocate(satang(-1), [1])).toThrow(RangeError);
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
    expect(divideHalfUp(satang(amount), divisor)).toBe(expected);
  });

  it('agrees with Math.round on every safe quotient', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1000 }), (a, b) => {
        // the same, except that it never gives −0
        expect(divideHalfUp(satang(a), b)).toBe(Math.round(a / b) + 0);
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
  ])('%i satang is %s baht', (amount, grouped, plain) => {
    expect(formatBaht(satang(amount))).toBe(grouped);
    expect(formatBaht(satang(amount), { grouping: false })).toBe(plain);
    expect(bahtNumber(satang(amount))).toBe(Number(plain));
  });
});

describe('Satang, the branded money type', () => {
  it('is made only from whole numbers', () => {
    expect(satang(125_050)).toBe(125_050);
    for (const bad of [0.5, 1250.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])
      expect(() => satang(bad)).toThrow(RangeError);
  });

  it('keeps its brand through the arithmetic the core uses', () => {
    const a = satang(1_000);
    const b = satang(250);
    const results: Satang[] = [
      plus(a, b),
      minus(a, b),
      negate(a),
      times(a, 3),
      larger(a, b),
      smaller(a, b),
      plus(),
    ];
    expect(results).toEqual([1_250, 750, -1_000, 3_000, 1_000, 250, 0]);
    expect(Object.is(negate(ZERO), 0)).toBe(true);
    expect(() => times(a, 0.5)).toThrow(RangeError);
  });

  it('keeps a plain number, a baht figure or a count, out of money', () => {
    const baht = 12.5;
    // @ts-expect-error a plain number is not money
    const wrong: Satang = baht;
    // @ts-expect-error the sum of two amounts with `+` is a plain number: use plus()
    const added: Satang = satang(1) + satang(2);
    // @ts-expect-error formatBaht takes satang, not baht
    formatBaht(baht);
    expect([wrong, added]).toEqual([12.5, 3]);
  });
});
