/**
 * A number shown as a percentage: Sheets and Excel keep `1.5%` as 0.015 and show it through the
 * cell's number format. Every reader (the `.xlsx` reader, the sheet's script, the monthly job)
 * turns such a cell back into the text the person typed, `1.5%`, so the checks read one value.
 */

/** True for a number format that shows a percentage (a `%` outside quotes, brackets and escapes). */
export function isPercentFormat(numberFormat: string): boolean {
  return /%/.test(numberFormat.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

/** A percentage cell's value as it is shown: 0.015 → `1.5%` (twelve significant digits: no float noise). */
export function percentShown(value: number): string {
  return `${Number((value * 100).toPrecision(12))}%`;
}
