import type { Book } from '../../check/book.ts';
import { type Finding, finding } from '../../model/finding.ts';
import { placeOf } from '../../model/place.ts';
import { negate, sum, ZERO } from '../../money.ts';
import { thaiDate } from '../../thai-date.ts';
import * as acct from '../accounts.ts';
import type { LedgerState } from '../state.ts';
import { baht } from './where.ts';

/**
 * W_LEFT_WITH_SAVINGS: a member who has left (a `left_on` on or before the check date, or a status
 * other than active) and whose savings are still in the group's books, at the member's row. The
 * group owes that money: pay it out (a withdrawal) or say where it went.
 */
export function leftWithSavings(book: Book, state: LedgerState, out: Finding[]): void {
  const layout = book.context.layouts.get('members');
  if (!layout) return;
  const asOf = book.context.asOf;
  for (const { row, record } of book.tables.get('members') ?? []) {
    if (!record) continue;
    const gone = record.left_on !== undefined ? record.left_on <= asOf : record.status !== 'active';
    if (!gone) continue;
    // what the group owes a member is a credit balance: negative in the journal
    const balance = negate(
      sum(
        acct.PRODUCTS.map((product) => state.balances.get(acct.savingsOf(record.member_id, product)) ?? ZERO),
      ),
    );
    if (balance <= 0) continue;
    const since = record.left_on;
    out.push(
      finding(
        'W_LEFT_WITH_SAVINGS',
        placeOf(layout, row, since !== undefined ? 'left_on' : 'status'),
        {
          th: `สมาชิก ${record.member_id} ออกแล้ว${since ? `เมื่อ ${thaiDate(since)}` : ''} แต่ยังมีเงินออมในบัญชี ${baht(balance)} บาท: จ่ายคืน (บันทึกการถอน) หรือระบุว่าเงินไปที่ใด`,
          en: `member ${record.member_id} has left${since ? ` (on ${since})` : ''} but still has ${baht(balance)} baht of savings in the books: pay it out (a withdrawal) or say where it went`,
        },
        { member_id: record.member_id, balance, ...(since ? { date: since } : {}) },
      ),
    );
  }
}
