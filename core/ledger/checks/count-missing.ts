import type { IsoDate } from '../../calendar.ts';
import { addDays, monthBounds, nextMonth } from '../../calendar.ts';
import { type Finding, finding } from '../../model/finding.ts';
import { thaiMonth } from '../../thai-date.ts';
import { BANK, CASH } from '../accounts.ts';
import { COUNT_WINDOW_DAYS, type LedgerState } from '../state.ts';
import { ACCOUNT_KEY, ACCOUNT_TH } from './where.ts';

/** W_COUNT_MISSING: a month with cash or bank postings but no count in its last days. */
export function missingCounts(state: LedgerState, asOf: IsoDate, out: Finding[]): void {
  const months = [...state.posted.keys()].sort();
  if (months.length === 0) return;
  for (let month = months[0]!; monthBounds(month).last < asOf; month = nextMonth(month)) {
    const { last } = monthBounds(month);
    for (const account of [CASH, BANK]) {
      if (!state.posted.get(month)?.has(account)) continue;
      let counted = false;
      for (let d = 0; d < COUNT_WINDOW_DAYS && !counted; d++)
        counted = state.counted.has(`${account}:${addDays(last, -d)}`);
      if (counted) continue;
      out.push(
        finding(
          'W_COUNT_MISSING',
          { sheet: 'counts', row: null, column: 'date', cell: null },
          {
            th: `เดือน ${thaiMonth(month)} ไม่มีการตรวจนับ${ACCOUNT_TH[account]}ใน ${COUNT_WINDOW_DAYS} วันสุดท้ายของเดือน`,
            en: `no ${account} count in the last ${COUNT_WINDOW_DAYS} days of ${month}`,
          },
          { account: ACCOUNT_KEY[account], month, limit: COUNT_WINDOW_DAYS },
        ),
      );
    }
  }
}
