/**
 * Money in the core: integer satang (1 baht = 100 satang), never floating point. Sums, division
 * with a named rounding, allocation by ratios whose parts add up to the whole, and the one way
 * money is written for people (`formatBaht`) and for a sheet's number cell (`bahtNumber`).
 */

declare const satangBrand: unique symbol;

/**
 * Integer satang, the only money type the core uses. Branded: a plain number (a count, a day, a
 * baht figure read from a sheet) is not money until `satang()` or the money parser makes it so,
 * and arithmetic goes through `plus`, `minus`, `negate` and `times`, which keep the brand.
 * At run time it is an ordinary number (JSON, DynamoDB and the sheet see no difference).
 */
export type Satang = number & { readonly [satangBrand]: true };

/** A whole number of satang as money; anything else (a fraction, NaN, beyond 2^53) is refused. */
export function satang(value: number): Satang {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of satang: ${value}`);
  return value as Satang;
}

/** No money. */
export const ZERO = 0 as Satang;

/** The largest amount one row may hold: 100 million baht. Beyond it is a typing slip, not money. */
export const MAX_SATANG = (100_000_000 * 100) as Satang;

/** `a + b + …` */
export function plus(...amounts: Satang[]): Satang {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total as Satang;
}

/** `a − b` */
export const minus = (a: Satang, b: Satang): Satang => (a - b) as Satang;

/** `−a` (and never `-0`). */
export const negate = (a: Satang): Satang => (a === 0 ? 0 : -a) as Satang;

/** `a × k` for a whole number `k` (a count of instalments, of members). */
export function times(a: Satang, k: number): Satang {
  if (!Number.isSafeInteger(k)) throw new RangeError(`not a whole multiplier: ${k}`);
  return (a * k) as Satang;
}

/** The larger of two amounts. */
export const larger = (a: Satang, b: Satang): Satang => (a >= b ? a : b);

/** The smaller of two amounts. */
export const smaller = (a: Satang, b: Satang): Satang => (a <= b ? a : b);

/** The sum of amounts. */
export function sum(amounts: Iterable<Satang>): Satang {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total as Satang;
}

/**
 * `amount / divisor` to a whole satang, half up (towards +∞ at exactly one half, as Math.round),
 * computed on integers so no floating-point quotient decides it. `divisor` must be a positive integer.
 */
export function divideHalfUp(amount: Satang, divisor: number): Satang {
  if (!Number.isSafeInteger(divisor) || divisor <= 0)
    throw new RangeError(`not a positive divisor: ${divisor}`);
  const twice = BigInt(amount) * 2n + BigInt(divisor);
  const d = BigInt(divisor) * 2n;
  // floor division of a possibly negative numerator
  const q = twice / d - (twice % d < 0n ? 1n : 0n);
  return Number(q) as Satang;
}

/**
 * Splits an amount by ratios (non-negative whole numbers, at least one above zero) into parts that
 * add up to the amount exactly. Each part is first its floor share; the satang left over go one
 * each to the parts with the largest remainders, a tie to the larger ratio, then to the earlier
 * part. So equal ratios split evenly with the extra satang first, and a zero ratio gets nothing.
 * Computed in BigInt: ratios may be large (satang × days for a year's dividend).
 */
export function allocate(amount: Satang, ratios: readonly (number | bigint)[]): Satang[] {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`not an amount to allocate: ${amount}`);
  const weights = ratios.map((r) => {
    const w = BigInt(r);
    if (w < 0n) throw new RangeError('a ratio below zero');
    return w;
  });
  const total = weights.reduce((s, w) => s + w, 0n);
  if (total === 0n) throw new RangeError('no ratio above zero');
  const whole = BigInt(amount);
  const parts = weights.map((w) => (whole * w) / total);
  const remainders = weights.map((w) => (whole * w) % total);
  let left = Number(whole - parts.reduce((s, p) => s + p, 0n));
  const order = weights
    .map((_, i) => i)
    .sort((a, b) =>
      remainders[a] !== remainders[b]
        ? remainders[a]! > remainders[b]!
          ? -1
          : 1
        : weights[a] !== weights[b]
          ? weights[a]! > weights[b]!
            ? -1
            : 1
          : a - b,
    );
  for (const i of order) {
    if (left === 0) break;
    if (weights[i] === 0n) continue;
    parts[i]! += 1n;
    left--;
  }
  return parts.map((p) => Number(p) as Satang);
}

/**
 * Satang as baht text with two decimals: 125050 → `1,250.50`, a minus below zero. `grouping:
 * false` leaves the thousands commas out (`1250.50`, for plain-text ledgers).
 */
export function formatBaht(satang: Satang, { grouping = true }: { grouping?: boolean } = {}): string {
  const sign = satang < 0 ? '-' : '';
  const abs = Math.abs(satang);
  const whole = Math.floor(abs / 100).toString();
  const baht = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${sign}${baht}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Satang as the number a sheet's cell holds, in baht: the double nearest the exact amount (a
 * correctly rounded division, so 12345 → 123.45 as the sheet would read `123.45`).
 */
export const bahtNumber = (satang: Satang): number => satang / 100;
