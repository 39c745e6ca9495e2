import { daysBetween } from '../calendar.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import { fiscalYear, yearProfit } from '../ledger/year-close.ts';
import { type Finding, finding } from '../model/finding.ts';
import { placeOf } from '../model/place.ts';
import { formatBaht, minus, type Satang, ZERO } from '../money.ts';
import { thaiDate } from '../thai-date.ts';
import { yearEnd } from './year-end.ts';

/** How long after a year's end its profit may wait for the annual meeting before a warning (days). */
export const ALLOCATE_WITHIN_DAYS = 60;

/**
 * The year-end's checks (SPEC §13): each `year_end` row against what the bylaws give
 * (E_YEAR_END_DIFFERS at the cell, with the amount expected; a member owed a share with no row,
 * or a row for a member owed none, too); a year ended more than 60 days ago with a profit and no
 * rows (W_YEAR_NOT_ALLOCATED); a year that ended in a loss (W_YEAR_LOSS).
 */
export function yearEndFindings(checked: Pick<CheckedBooks, 'book' | 'journal'>): Finding[] {
  const { book } = checked;
  const out: Finding[] = [];
  const rows = (book.tables.get('year_end') ?? []).filter((r) => r.record);
  const years = new Set(rows.map((r) => r.record!.fiscal_year));
  const layout = book.context.layouts.get('year_end');
  const asOf = book.context.asOf;
  for (const year of years) {
    const expected = yearEnd(checked, year);
    const owed = new Map(
      expected.members.map((m) => [
        m.member_id,
        { dividend: m.dividend[expected.method], refund: m.interest_refund },
      ]),
    );
    const seen = new Set<string>();
    for (const { row, record } of rows) {
      if (record!.fiscal_year !== year) continue;
      const member = record!.member_id;
      // a second row for a member is owed nothing more
      const due = seen.has(member)
        ? { dividend: ZERO, refund: ZERO }
        : (owed.get(member) ?? { dividend: ZERO, refund: ZERO });
      seen.add(member);
      for (const [column, actual, want] of [
        ['dividend', record!.dividend, due.dividend],
        ['interest_refund', record!.interest_refund, due.refund],
      ] as const)
        if (actual !== want)
          out.push(
            finding(
              'E_YEAR_END_DIFFERS',
              layout ? placeOf(layout, row, column) : { sheet: 'year_end', row, column, cell: null },
              {
                th: `${column === 'dividend' ? 'เงินปันผล' : 'เงินเฉลี่ยคืน'}ของ ${member} ปีบัญชี ${year + 543} เป็น ${formatBaht(actual)} บาท แต่ตามระเบียบกลุ่มควรเป็น ${formatBaht(want)} บาท`,
                en: `${member}'s ${column === 'dividend' ? 'dividend' : 'interest refund'} for ${year} is ${formatBaht(actual)} baht; the bylaws give ${formatBaht(want)}`,
              },
              { member_id: member, expected: want, actual, difference: minus(actual, want) },
            ),
          );
    }
    for (const [member, due] of owed) {
      const amount = due.dividend + due.refund;
      if (seen.has(member) || amount === 0) continue;
      out.push(
        finding(
          'E_YEAR_END_DIFFERS',
          { sheet: 'year_end', row: null, column: 'member_id', cell: null },
          {
            th: `${member} ได้ปันผลและเฉลี่ยคืนปีบัญชี ${year + 543} รวม ${formatBaht(amount as Satang)} บาทตามระเบียบกลุ่ม แต่ไม่มีแถวในแท็บปันผลและเฉลี่ยคืน`,
            en: `${member} is owed ${formatBaht(amount as Satang)} baht for ${year} by the bylaws, and has no row in the year-end tab`,
          },
          { member_id: member, expected: amount as Satang, actual: ZERO, difference: -amount as Satang },
        ),
      );
    }
  }
  // the years the books span that have ended: shared out in time, or said to be a loss
  const opening = book.settings.opening_date;
  if (opening === undefined) return out;
  const first = Number(opening.slice(0, 4));
  for (let y = first; y <= Number(asOf.slice(0, 4)); y++) {
    const { from, to } = fiscalYear(book.rules, y);
    if (to < opening || to >= asOf) continue;
    const { net } = yearProfit(checked.journal.entries, from, to);
    if (net < 0)
      out.push(
        finding(
          'W_YEAR_LOSS',
          { sheet: 'year_end', row: null, column: null, cell: null },
          {
            th: `ปีบัญชี ${y + 543} (ถึง ${thaiDate(to)}) ขาดทุน ${formatBaht(-net as Satang)} บาท: ไม่มีกำไรให้จัดสรร`,
            en: `the fiscal year ${y} (to ${to}) ended in a loss of ${formatBaht(-net as Satang)} baht: there is no profit to share`,
          },
          { date: to, amount: -net as Satang },
        ),
      );
    else if (net > 0 && !years.has(y) && daysBetween(to, asOf) > ALLOCATE_WITHIN_DAYS)
      out.push(
        finding(
          'W_YEAR_NOT_ALLOCATED',
          { sheet: 'year_end', row: null, column: null, cell: null },
          {
            th: `ปีบัญชี ${y + 543} สิ้นสุดเมื่อ ${thaiDate(to)} มีกำไร ${formatBaht(net)} บาท แต่ยังไม่ได้จัดสรร (เกิน ${ALLOCATE_WITHIN_DAYS} วัน): sajja year-end --year ${y + 543} --out`,
            en: `the fiscal year ${y} ended on ${to} with a profit of ${formatBaht(net)} baht, not shared out after ${ALLOCATE_WITHIN_DAYS} days: sajja year-end --year ${y} --out`,
          },
          { date: to, amount: net, limit: ALLOCATE_WITHIN_DAYS },
        ),
      );
  }
  return out;
}
