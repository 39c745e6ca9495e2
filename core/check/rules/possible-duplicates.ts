import { addDays } from '../../calendar.ts';
import { type Finding, finding } from '../../model/finding.ts';
import { placeOf, type Tables } from '../../model/place.ts';
import type { DataTabKey } from '../../model/records.ts';
import { tabSpec, tabsWhere } from '../../model/tabs.ts';
import type { CheckContext } from '../context.ts';

/** A string's 32-bit hash (FNV-1a): for fingerprints, never for security. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

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
    const who = spec.columns.find((c) => c.kind === 'id' && c.key !== 'receipt_no')?.key;
    const nextDay = NEXT_DAY_TOO.has(tab);
    // each row's fingerprint (its day, amount and first id, mixed into 32 bits: no string is made
    // per row); rows that share one are compared cell by cell, so a collision is only a comparison
    const seen = new Map<number, number | number[]>();
    const found: { row: number; first: number }[] = [];
    const fingerprint = (date: string, fields: Record<string, unknown>) => {
      let x = Math.imul(hashOf(date) ^ Number(column === null ? 0 : fields[column]), 0x9e3779b1);
      x = Math.imul(x ^ hashOf(who === undefined ? '' : String(fields[who])), 0x85ebca6b);
      return x >>> 0;
    };
    const alike = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      keys.every((k) => a[k] === b[k]);
    const records = rows.map((r) => r.record as Record<string, unknown> | undefined);
    const firstAlike = (print: number, fields: Record<string, unknown>, date: string) => {
      const at = seen.get(print);
      if (at === undefined) return undefined;
      for (const i of typeof at === 'number' ? [at] : at) {
        const other = records[i]!;
        if ((dated === undefined || other[dated] === date) && alike(other, fields)) return rows[i]!.row;
      }
      return undefined;
    };
    for (let i = 0; i < rows.length; i++) {
      const fields = records[i];
      if (!fields) continue;
      if (hasReceipt && fields.receipt_no !== undefined) continue;
      const date = dated ? (fields[dated] as string) : '';
      const print = fingerprint(date, fields);
      let first = firstAlike(print, fields, date);
      if (first === undefined && nextDay && dated) {
        const before = addDays(date, -1);
        first = firstAlike(fingerprint(before, fields), fields, before);
      }
      const at = seen.get(print);
      if (at === undefined) seen.set(print, i);
      else if (typeof at === 'number') seen.set(print, [at, i]);
      else at.push(i);
      if (first !== undefined) found.push({ row: rows[i]!.row, first });
    }
    for (const { row, first } of found) {
      const place = placeOf(layout, first, column).cell ?? `row ${first}`;
      out.push(
        finding(
          'W_POSSIBLE_DUPLICATE',
          placeOf(layout, row, column),
          {
            th: `อาจบันทึกซ้ำกับแถวที่ ${first} (${place}): ข้อมูลเหมือนกันทุกช่อง${nextDay ? ' (หรือห่างกันหนึ่งวัน)' : ''} — ถ้าเป็นคนละรายการ ให้ใส่${hasReceipt ? 'เลขที่ใบเสร็จ (receipt_no)' : 'หมายเหตุ (note) ที่ต่างกัน'}ทั้งสองแถว ถ้าซ้ำให้ลบแถวนี้`,
            en: `possibly the same as row ${first} (${place}): every cell alike${nextDay ? ' (or a day apart)' : ''} — if they are two, give each ${hasReceipt ? 'its receipt number (receipt_no)' : 'a note that tells them apart'}; if repeated, delete this row`,
          },
          { first_row: first },
        ),
      );
    }
  }
}
