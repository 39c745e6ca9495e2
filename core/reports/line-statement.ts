import { recordsOf } from '../check/book.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import { thaiLabel } from '../model/labels.ts';
import { formatBaht, plus } from '../money.ts';
import { thaiDate, thaiMonth } from '../thai-date.ts';
import { passbook } from './passbook.ts';

/** LINE's limit on a text message (Messaging API: 5,000 characters); a statement stays far below. */
export const LINE_TEXT_LIMIT = 5_000;

/** One member's statement of a month, for LINE. */
export interface MemberStatement {
  member_id: string;
  line_user_id: string;
  text: string;
}

/**
 * The month's statement of each member with a LINE user id who is active at the month's end
 * (SPEC §15): savings by product, each loan outstanding with its next instalment, what they paid
 * in and received from welfare — from books checked as of the month's last day (what the archive
 * holds). Thai, with the figures in one English line at the end.
 */
export function memberStatements(checked: CheckedBooks, month: string): MemberStatement[] {
  const { book } = checked;
  const end = book.context.asOf;
  const b = (s: Parameters<typeof formatBaht>[0]) => formatBaht(s);
  return recordsOf(book, 'members')
    .filter(
      (m) =>
        m.line_user_id !== undefined &&
        m.joined_on <= end &&
        (m.left_on === undefined ? m.status === 'active' : m.left_on > end),
    )
    .flatMap((m): MemberStatement[] => {
      const p = passbook(checked, m.member_id);
      if (!p) return [];
      const products = Object.entries(p.savings_by_product).filter(([, v]) => v !== 0);
      const loans = p.loans.filter((l) => l.outstanding > 0);
      const lines = [
        `สัจจะ ${book.settings.group_name} · ${thaiMonth(month)}`,
        `${m.name} (${m.member_id})`,
        `เงินออม ${b(p.savings_balance)} บาท${products.length > 1 ? ` (${products.map(([k, v]) => `${thaiLabel('product', k)} ${b(v)}`).join(' · ')})` : ''}`,
        ...loans.map((l) =>
          l.next_due
            ? `เงินกู้ ${l.loan_id} คงค้าง ${b(l.outstanding)} · งวดถัดไป ${thaiDate(l.next_due.date)} ${b(plus(l.next_due.principal, l.next_interest))} (ต้น ${b(l.next_due.principal)} + ดอกเบี้ย ${b(l.next_interest)})`
            : `เงินกู้ ${l.loan_id} คงค้าง ${b(l.outstanding)} · ครบกำหนดทุกงวดแล้ว`,
        ),
        ...(loans.some((l) => l.days_overdue > 0) ? ['มียอดค้างชำระ โปรดติดต่อเหรัญญิก'] : []),
        `สวัสดิการ สมทบแล้ว ${b(p.welfare.contributed)} · ได้รับ ${b(p.welfare.received)}`,
        `ยอด ณ ${thaiDate(end)} / Sajja ${month}: savings ${b(p.savings_balance)}${loans.length > 0 ? `, loans ${loans.map((l) => `${l.loan_id} ${b(l.outstanding)}`).join(', ')}` : ''}`,
      ];
      return [
        {
          member_id: m.member_id,
          line_user_id: m.line_user_id!,
          text: lines.join('\n').slice(0, LINE_TEXT_LIMIT),
        },
      ];
    });
}
