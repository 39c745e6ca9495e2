import { type Finding, finding } from '../../model/finding.ts';
import type { CashCount } from '../../model/records.ts';
import { minus, ZERO } from '../../money.ts';
import { thaiDate } from '../../thai-date.ts';
import type { LedgerState } from '../state.ts';
import { ACCOUNT_KEY, ACCOUNT_TH, baht, type Where } from './where.ts';

/** E_COUNT_MISMATCH: a cash or bank count that differs from the books at its day's end. */
export function countMismatch(
  state: LedgerState,
  { row, count }: { row: number; count: CashCount },
  where: Where,
  out: Finding[],
): void {
  state.counted.add(`${count.account}:${count.date}`);
  const computed = state.balances.get(count.account) ?? ZERO;
  const difference = minus(count.balance, computed);
  const previous = state.lastCount.get(count.account);
  state.lastCount.set(count.account, { date: count.date, difference });
  if (difference === 0) return;
  // where to look: the part already there at the previous count is not new
  const carried = previous?.difference ?? ZERO;
  const arisen = minus(difference, carried);
  const hint =
    previous === undefined || carried === 0
      ? { th: '', en: '' }
      : arisen === 0
        ? {
            th: ` — เป็นส่วนต่างเดิมทั้งหมดตั้งแต่การตรวจนับวันที่ ${thaiDate(previous.date)} ไม่มีส่วนต่างใหม่`,
            en: ` — all of it was already there at the count of ${previous.date}: nothing new since`,
          }
        : {
            th: ` — ${baht(carried)} บาท ยกมาจากการตรวจนับวันที่ ${thaiDate(previous.date)} และ ${baht(arisen)} บาท เกิดใหม่หลังจากนั้น: ดูรายการตั้งแต่ ${thaiDate(previous.date)} ถึง ${thaiDate(count.date)}`,
            en: ` — ${baht(carried)} was already there at the count of ${previous.date} and ${baht(arisen)} is new since: look at the rows from ${previous.date} to ${count.date}`,
          };
  out.push(
    finding(
      'E_COUNT_MISMATCH',
      where('counts', row, 'balance'),
      {
        th: `${ACCOUNT_TH[count.account]}ที่นับได้ ${baht(count.balance)} บาท ไม่ตรงกับบัญชี ${baht(computed)} บาท (ต่างกัน ${baht(difference)} บาท)${hint.th}`,
        en: `counted ${count.account} ${baht(count.balance)} differs from the books' ${baht(computed)} by ${baht(difference)}${hint.en}`,
      },
      {
        account: ACCOUNT_KEY[count.account],
        date: count.date,
        expected: computed,
        actual: count.balance,
        difference,
        carried,
      },
    ),
  );
}
