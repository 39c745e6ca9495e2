import type { Book } from '../check/book.ts';
import { placeOf } from '../check/check-row.ts';
import { type Finding, finding } from '../model/finding.ts';
import { thaiLabel } from '../model/labels.ts';
import { MONTH_COLUMN, monthRows } from '../model/month-rows.ts';
import type { DataTabKey } from '../model/records.ts';
import { tabSpec } from '../model/tabs.ts';
import { formatBaht, type Satang } from '../money.ts';
import { thaiDate, thaiMonth } from '../thai-date.ts';
import { diffRows, type RowChange } from './diff-rows.ts';
import { rowsHeld, schemaOf } from './schema.ts';
import type { SnapshotContent } from './snapshot-content.ts';

/**
 * A closed month's cell as people read it: money in baht (`100.00`, not satang), dates in Thai
 * (Buddhist Era) or ISO, words as typed.
 */
export function showCell(sheet: DataTabKey, column: string, value: unknown, lang: 'th' | 'en'): string {
  if (value === undefined || value === null) return lang === 'th' ? '(ว่าง)' : '(empty)';
  const kind = tabSpec(sheet).columns.find((c) => c.key === column)?.kind;
  if (kind === 'money' && Number.isSafeInteger(value)) return formatBaht(value as Satang);
  if (kind === 'date' && typeof value === 'string') return lang === 'th' ? thaiDate(value) : value;
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** Kinds of cell that say which row it was: its date, whose, what kind, how much (not notes). */
const TELLING = new Set(['date', 'id', 'enum', 'money', 'category', 'int']);

/**
 * What a row held, as a treasurer would read it back to put it in again: its dates, ids, kinds
 * and amounts in column order (`2/7/2569 · M1 · ฝาก · 100.00`); enumerations in Thai on the
 * Thai line.
 */
export function showRow(sheet: DataTabKey, values: Record<string, unknown>, lang: 'th' | 'en'): string {
  const parts: string[] = [];
  for (const column of tabSpec(sheet).columns) {
    const value = values[column.key];
    if (value === undefined || value === null || !TELLING.has(column.kind)) continue;
    // every row is sajja unless it says otherwise (SPEC §13): only another product is worth naming
    if (column.key === 'product' && value === 'sajja') continue;
    if (column.kind === 'enum' && column.enumeration && typeof value === 'string')
      parts.push(lang === 'th' ? thaiLabel(column.enumeration, value) : value);
    else if (column.kind === 'id' || column.kind === 'category') parts.push(String(value));
    else parts.push(showCell(sheet, column.key, value, lang));
  }
  return parts.join(' · ');
}

/**
 * What changed in a month's rows since its snapshot, over the tabs and columns the snapshot's
 * schema held (a column added later is not a change to an old month).
 */
export function changesSince(snapshot: SnapshotContent, tables: Book['tables']): RowChange[] {
  const schema = schemaOf(snapshot);
  return diffRows(rowsHeld(snapshot.rows, schema), rowsHeld(monthRows(tables, snapshot.month), schema));
}

/**
 * W_CLOSED_PERIOD_CHANGED: rows dated in an archived month up to `closed_through` that differ from
 * the month's latest snapshot — each changed cell, each added row, each removed row.
 */
export function closedPeriodFindings(book: Book, archived: SnapshotContent[]): Finding[] {
  const closedThrough = book.settings.closed_through;
  if (closedThrough === undefined) return [];
  const out: Finding[] = [];
  for (const snapshot of archived) {
    if (snapshot.month > closedThrough) continue;
    const changes = changesSince(snapshot, book.tables);
    for (const change of changes) {
      const sheet = change.sheet as DataTabKey;
      const layout = book.context.layouts.get(sheet);
      const at = (column: string | null) =>
        layout && change.kind !== 'removed'
          ? placeOf(layout, change.row, column)
          : { sheet, row: change.row, column, cell: null };
      const month = snapshot.month;
      if (change.kind === 'changed') {
        for (const cell of change.cells) {
          const show = (value: unknown, lang: 'th' | 'en') => showCell(sheet, cell.column, value, lang);
          out.push(
            finding(
              'W_CLOSED_PERIOD_CHANGED',
              at(cell.column),
              {
                th: `เดือน ${thaiMonth(month)} ปิดบัญชีแล้ว แต่ช่องนี้ถูกแก้จาก ${show(cell.before, 'th')} เป็น ${show(cell.after, 'th')}`,
                en: `month ${month} is closed, but this cell changed from ${show(cell.before, 'en')} to ${show(cell.after, 'en')}`,
              },
              { month, before: show(cell.before, 'en'), after: show(cell.after, 'en') },
            ),
          );
        }
      } else {
        const added = change.kind === 'added';
        out.push(
          finding(
            'W_CLOSED_PERIOD_CHANGED',
            at(MONTH_COLUMN[sheet] ?? null),
            added
              ? {
                  th: `เดือน ${thaiMonth(month)} ปิดบัญชีแล้ว แต่มีการเพิ่มแถวนี้ (${showRow(sheet, change.after ?? {}, 'th')})`,
                  en: `month ${month} is closed, but this row was added (${showRow(sheet, change.after ?? {}, 'en')})`,
                }
              : {
                  th: `เดือน ${thaiMonth(month)} ปิดบัญชีแล้ว แต่แถว ${change.row} ที่เก็บไว้ถูกลบ (${showRow(sheet, change.before ?? {}, 'th')})`,
                  en: `month ${month} is closed, but its row ${change.row} was removed (${showRow(sheet, change.before ?? {}, 'en')})`,
                },
            added
              ? { month, after: showRow(sheet, change.after ?? {}, 'en') }
              : { month, before: showRow(sheet, change.before ?? {}, 'en') },
          ),
        );
      }
    }
  }
  return out;
}
