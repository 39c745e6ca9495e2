import type { Book } from '../check/book.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import { type Finding, finding } from '../model/finding.ts';
import { placeOf } from '../model/place.ts';
import { POOL_NAMES, POOLS } from '../model/rules.ts';
import { formatBaht } from '../money.ts';
import { yearEnd } from '../year/year-end.ts';
import { diffRows } from './diff-rows.ts';
import { type YearSnapshotContent, yearRows } from './year-snapshot.ts';

/**
 * W_CLOSED_PERIOD_CHANGED for archived years, like a closed month: each year-end row changed,
 * added or removed since the year's snapshot, at its cell; and, when the rows are as archived but
 * the year's figures moved (a bylaw or a row of the year changed), the figures that moved.
 */
export function yearChangedFindings(
  checked: Pick<CheckedBooks, 'book' | 'journal'>,
  archived: YearSnapshotContent[],
): Finding[] {
  const out: Finding[] = [];
  const book: Book = checked.book;
  const layout = book.context.layouts.get('year_end');
  for (const snapshot of archived) {
    const year = snapshot.year_end.fiscal_year;
    const key = snapshot.month;
    const changes = diffRows({ year_end: snapshot.rows.year_end }, { year_end: yearRows(checked, year) });
    for (const change of changes) {
      const cells = change.kind === 'changed' ? change.cells.map((c) => c.column) : [null];
      for (const column of cells)
        out.push(
          finding(
            'W_CLOSED_PERIOD_CHANGED',
            layout && change.kind !== 'removed'
              ? placeOf(layout, change.row, column)
              : { sheet: 'year_end', row: change.row, column, cell: null },
            {
              th: `ปีบัญชี ${year + 543} เก็บลงคลังแล้ว แต่แถว ${change.row} ของแท็บปันผลและเฉลี่ยคืน${change.kind === 'added' ? 'ถูกเพิ่ม' : change.kind === 'removed' ? 'ถูกลบ' : 'ถูกแก้'}`,
              en: `the ${year} year-end is archived, but its row ${change.row} was ${change.kind}`,
            },
            { month: key },
          ),
        );
    }
    if (changes.length > 0) continue;
    const now = yearEnd(checked, year);
    const moved = POOLS.filter((p) => now.pools[p] !== snapshot.year_end.pools[p]);
    if (moved.length === 0 && now.profit.net === snapshot.year_end.profit.net) continue;
    const list = (lang: 'th' | 'en') =>
      moved
        .map(
          (p) =>
            `${POOL_NAMES[p][lang]} ${formatBaht(snapshot.year_end.pools[p])} → ${formatBaht(now.pools[p])}`,
        )
        .join('; ');
    out.push(
      finding(
        'W_CLOSED_PERIOD_CHANGED',
        { sheet: 'year_end', row: null, column: null, cell: null },
        {
          th: `ปีบัญชี ${year + 543} เก็บลงคลังแล้ว แต่ตัวเลขของปีเปลี่ยน: กำไรสุทธิ ${formatBaht(snapshot.year_end.profit.net)} → ${formatBaht(now.profit.net)}${moved.length ? `; ${list('th')}` : ''}`,
          en: `the ${year} year-end is archived, but its figures moved: net profit ${formatBaht(snapshot.year_end.profit.net)} → ${formatBaht(now.profit.net)}${moved.length ? `; ${list('en')}` : ''}`,
        },
        { month: key },
      ),
    );
  }
  return out;
}
