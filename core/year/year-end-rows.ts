import type { IsoDate } from '../calendar.ts';
import type { CellValue } from '../cell.ts';
import { tabSpec, templateTabName } from '../model/tabs.ts';
import { bahtNumber } from '../money.ts';
import { findTab, type SheetTab, type Workbook } from '../workbook.ts';
import type { YearEnd } from './year-end.ts';

/**
 * A copy of the workbook with the year's rows in its `year_end` tab (SPEC §13 `--out`, and the
 * sheet's Year-end menu): one row a member owed a dividend or a refund by the bylaws' method,
 * dated `date`, the fiscal year in the book's calendar. That year's rows already there are
 * replaced (the decision is written again); every other cell and tab is as it was.
 */
export function withYearEndRows(
  workbook: Workbook,
  year: YearEnd,
  date: IsoDate,
  calendar: 'buddhist' | 'gregorian',
): Workbook {
  const spec = tabSpec('year_end');
  const existing = findTab(workbook, spec);
  const header: CellValue[] = existing?.rows[0]?.length
    ? [...existing.rows[0]]
    : spec.columns.map((c) => `${c.th} (${c.key})`);
  const index = (key: string) =>
    header.findIndex((h) => typeof h === 'string' && (h.trim() === key || h.trim().endsWith(`(${key})`)));
  const fy = index('fiscal_year');
  const shown = calendar === 'buddhist' ? year.fiscal_year + 543 : year.fiscal_year;
  // the rows of other years stay; this year's are written again
  const kept = (existing?.rows.slice(1) ?? []).filter((row) => {
    const cell = row?.[fy];
    const n = typeof cell === 'number' ? cell : Number(String(cell ?? '').trim());
    return !(n === year.fiscal_year || n === year.fiscal_year + 543);
  });
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const typedDate = `${d}/${m}/${calendar === 'buddhist' ? y + 543 : y}`;
  const rows = year.members
    .map((member) => ({ member, dividend: member.dividend[year.method], refund: member.interest_refund }))
    .filter((r) => r.dividend + r.refund > 0)
    .map(({ member, dividend, refund }) => {
      const row: CellValue[] = new Array(header.length).fill(null);
      const put = (key: string, value: CellValue) => {
        const i = index(key);
        if (i >= 0) row[i] = value;
      };
      put('fiscal_year', shown);
      put('date', typedDate);
      put('member_id', member.member_id);
      put('dividend', bahtNumber(dividend));
      put('interest_refund', bahtNumber(refund));
      return row;
    });
  const tab: SheetTab = { name: existing?.name ?? templateTabName(spec), rows: [header, ...kept, ...rows] };
  return {
    tabs: existing ? workbook.tabs.map((t) => (t === existing ? tab : t)) : [...workbook.tabs, tab],
  };
}
