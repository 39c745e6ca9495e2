import { placeOf } from '../check/check-row.ts';
import type { Book } from '../check/check-workbook.ts';
import { type Finding, finding } from '../check/finding.ts';
import type { DataTabKey } from '../model/records.ts';
import { diffRows } from './diff-rows.ts';
import { MONTH_COLUMN, monthRows, type SnapshotContent } from './snapshot.ts';

const show = (value: unknown) => (value === undefined ? '(ว่าง/empty)' : JSON.stringify(value));

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
    const changes = diffRows(snapshot.rows, monthRows(book.tables, snapshot.month));
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
          out.push(
            finding(
              'W_CLOSED_PERIOD_CHANGED',
              at(cell.column),
              {
                th: `เดือน ${month} ปิดบัญชีแล้ว แต่ช่องนี้ถูกแก้จาก ${show(cell.before)} เป็น ${show(cell.after)}`,
                en: `month ${month} is closed, but this cell changed from ${show(cell.before)} to ${show(cell.after)}`,
              },
              { limit: month, expected: show(cell.before), actual: show(cell.after) },
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
                  th: `เดือน ${month} ปิดบัญชีแล้ว แต่มีการเพิ่มแถวนี้`,
                  en: `month ${month} is closed, but this row was added`,
                }
              : {
                  th: `เดือน ${month} ปิดบัญชีแล้ว แต่แถว ${change.row} ที่เก็บไว้ถูกลบ`,
                  en: `month ${month} is closed, but its row ${change.row} was removed`,
                },
            { limit: month },
          ),
        );
      }
    }
  }
  return out;
}
