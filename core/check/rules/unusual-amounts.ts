import { getOrAdd } from '../../maps.ts';
import { type Finding, finding } from '../../model/finding.ts';
import { placeOf, type Tables } from '../../model/place.ts';
import { formatBaht, type Satang } from '../../money.ts';
import type { CheckContext } from '../context.ts';

/** A deposit this many times the member's usual one is worth a second look. */
export const UNUSUAL_FACTOR = 10;
/** Deposits a member needs before "usual" means anything. */
export const UNUSUAL_AFTER = 5;

/** The median of amounts (the lower middle one of an even count: a whole satang, never halved). */
function median(amounts: Satang[]): Satang {
  const sorted = [...amounts].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * W_AMOUNT_UNUSUAL: a savings deposit of at least ten times the median of that member's own
 * deposits (once the member has five), naming the median: `2000` from a member who saves 20 a day
 * is most often 20.00 typed without its point, or a day's total of the sub-group under one name.
 */
export function checkUnusualAmounts(ctx: CheckContext, tables: Tables, out: Finding[]): void {
  const layout = ctx.layouts.get('savings');
  const rows = tables.get('savings');
  if (!layout || !rows) return;
  const byMember = new Map<string, { row: number; amount: Satang }[]>();
  for (const { row, record } of rows) {
    if (record?.type !== 'deposit') continue;
    getOrAdd(byMember, record.member_id, () => []).push({ row, amount: record.amount });
  }
  for (const [member, deposits] of byMember) {
    if (deposits.length < UNUSUAL_AFTER) continue;
    const usual = median(deposits.map((d) => d.amount));
    for (const { row, amount } of deposits) {
      if (amount < usual * UNUSUAL_FACTOR) continue;
      out.push(
        finding(
          'W_AMOUNT_UNUSUAL',
          placeOf(layout, row, 'amount'),
          {
            th: `ฝาก ${formatBaht(amount)} บาท มากกว่า ${UNUSUAL_FACTOR} เท่าของที่สมาชิก ${member} ฝากตามปกติ (ค่ากลาง ${formatBaht(usual)} บาท จาก ${deposits.length} ครั้ง): ตรวจจุดทศนิยมหรือชื่อสมาชิก`,
            en: `a deposit of ${formatBaht(amount)} baht, over ${UNUSUAL_FACTOR} times member ${member}'s usual (median ${formatBaht(usual)} of ${deposits.length} deposits): check the decimal point or the member`,
          },
          { member_id: member, amount, median: usual },
        ),
      );
    }
  }
}
