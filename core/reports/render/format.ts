import { formatBaht, negate, type Satang } from '../../money.ts';

/** Money as the reports show it: `1,234.50`, a minus for less than zero. */
export const baht = (satang: Satang) => formatBaht(satang);

/** A change as `+1,234.50`, `−50.00` or `0.00`. */
export function signedBaht(satang: Satang): string {
  if (satang === 0) return '0.00';
  return `${satang > 0 ? '+' : '−'}${formatBaht(satang < 0 ? negate(satang) : satang)}`;
}

/** A whole-number change: `+3`, `−1`, `0`. */
export const signedCount = (n: number) => (n === 0 ? '0' : `${n > 0 ? '+' : '−'}${Math.abs(n)}`);

/** A ratio as a percentage with one decimal: 0.0415 → `4.2%`. */
export const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;
