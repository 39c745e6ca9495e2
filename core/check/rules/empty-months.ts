import { monthBounds, monthOf, nextMonth } from '../../calendar.ts';
import { type Finding, finding } from '../../model/finding.ts';
import { MONTH_COLUMN } from '../../model/month-rows.ts';
import type { Tables } from '../../model/place.ts';
import type { DataTabKey } from '../../model/records.ts';
import { thaiMonth } from '../../thai-date.ts';
import type { CheckContext } from '../context.ts';

/**
 * W_MONTH_EMPTY: a month that has ended, from the month the books open in, with not one row dated
 * in it on any tab. Members save every day: a month with nothing typed is books not kept (or kept
 * somewhere else), never a month of zeros. It counts in that month (`month`).
 */
export function checkEmptyMonths(ctx: CheckContext, tables: Tables, out: Finding[]): void {
  const opening = ctx.settings.opening_date;
  if (opening === undefined) return;
  const dated = monthsWithRows(tables);
  // by its last day a month with nothing in it is empty (the monthly job checks a month as of that day)
  for (let month = monthOf(opening); monthBounds(month).last <= ctx.asOf; month = nextMonth(month)) {
    if (dated.has(month)) continue;
    out.push(
      finding(
        'W_MONTH_EMPTY',
        { sheet: 'savings', row: null, column: null, cell: null },
        {
          th: `เดือน ${thaiMonth(month)} ไม่มีรายการใดเลย (ไม่มีเงินออม การนำส่ง หรือการตรวจนับ): ยังไม่ได้ลงบัญชี หรือลงไว้ที่อื่น`,
          en: `nothing was entered for ${month} (no savings, remittance or count): the books were not kept, or kept elsewhere`,
        },
        { month },
      ),
    );
  }
}

/** The months in which some dated tab has a row (valid or not), by the tab's dating column. */
function monthsWithRows(tables: Tables): Set<string> {
  const months = new Set<string>();
  for (const [tab, column] of Object.entries(MONTH_COLUMN) as [DataTabKey, string][])
    for (const r of tables.get(tab) ?? []) {
      const date = r.values[column];
      if (typeof date === 'string') months.add(date.slice(0, 7));
    }
  return months;
}
