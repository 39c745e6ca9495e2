import { addDays } from '../../calendar.ts';
import { type Finding, finding } from '../../model/finding.ts';
import { placeOf, type Tables } from '../../model/place.ts';
import type { DataTabKey } from '../../model/records.ts';
import { tabSpec, tabsWhere } from '../../model/tabs.ts';
import type { CheckContext } from '../context.ts';

/** Tabs whose rows move money: a row pasted twice there is counted twice. */
const MONEY_TABS = tabsWhere((r) => r.posts) as DataTabKey[];

/**
 * Tabs where the same row the next day is also suspect: a loan is repaid once a month, so the same
 * repayment a day later is a row repeated, not a second instalment. (A member saves the same 20
 * baht every day: for savings only the same day counts.)
 */
const NEXT_DAY_TOO: ReadonlySet<DataTabKey> = new Set(['repayments']);

/**
 * W_POSSIBLE_DUPLICATE: a money row that holds exactly what an earlier row of its tab holds (the
 * same date, member, type, amount and note) with no receipt number on either, at the later row and
 * naming the earlier one. Giving each row its receipt number (or, on a tab without one, a note that
 * tells them apart) silences it. Only valid rows are compared; the row is still in the books.
 */
export function checkPossibleDuplicates(ctx: CheckContext, tables: Tables, out: Finding[]): void {
  for (const tab of MONEY_TABS) {
    const layout = ctx.layouts.get(tab);
    const rows = tables.get(tab);
    if (!layout || !rows || rows.length < 2) continue;
    const spec = tabSpec(tab);
    const dated = spec.roles.dated;
    const keys = spec.columns.map((c) => c.key).filter((k) => k !== 'receipt_no' && k !== dated);
    const hasReceipt = spec.columns.some((c) => c.key === 'receipt_no');
    const column = spec.columns.find((c) => c.kind === 'money')?.key ?? dated ?? null;
    const nextDay = NEXT_DAY_TOO.has(tab);
    const seen = new Map<string, number>();
    for (const { row, record } of rows) {
      if (!record) continue;
      const fields = record as Record<string, unknown>;
      if (hasReceipt && fields.receipt_no !== undefined) continue;
      let rest = '';
      for (const key of keys) rest += `\u0001${fields[key] ?? ''}`;
      const date = dated ? String(fields[dated]) : '';
      const first =
        seen.get(date + rest) ?? (nextDay && dated ? seen.get(addDays(date, -1) + rest) : undefined);
      if (!seen.has(date + rest)) seen.set(date + rest, row);
      if (first === undefined) continue;
      const earlier = placeOf(layout, first, column).cell ?? `row ${first}`;
      out.push(
        finding(
          'W_POSSIBLE_DUPLICATE',
          placeOf(layout, row, column),
          {
            th: `อาจบันทึกซ้ำกับแถวที่ ${first} (${earlier}): ข้อมูลเหมือนกันทุกช่อง${nextDay ? ' (หรือห่างกันหนึ่งวัน)' : ''} — ถ้าเป็นคนละรายการ ให้ใส่${hasReceipt ? 'เลขที่ใบเสร็จ (receipt_no)' : 'หมายเหตุ (note) ที่ต่างกัน'}ทั้งสองแถว ถ้าซ้ำให้ลบแถวนี้`,
            en: `possibly the same as row ${first} (${earlier}): every cell alike${nextDay ? ' (or a day apart)' : ''} — if they are two, give each ${hasReceipt ? 'its receipt number (receipt_no)' : 'a note that tells them apart'}; if repeated, delete this row`,
          },
          { first_row: first },
        ),
      );
    }
  }
}
