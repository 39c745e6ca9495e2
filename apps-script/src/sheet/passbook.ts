import { checkBooks, parseId, passbook, renderPassbook, workbookFromBatchGet } from '../../../core/index.ts';
import { readWorkbook } from './book.ts';
import { todayHere } from './edit.ts';
import { askFor, BUSY, withDocumentLock } from './store.ts';

/** The print button the dialog adds to the page (the page itself carries no script). */
const PRINT =
  '<div style="text-align:right;margin:4px"><button type="button" onclick="window.print()">พิมพ์ / Print</button></div>';

/**
 * The menu สมุดบัญชีสมาชิก / Passbook (SPEC §15): asks for a member id, then shows the member's
 * passbook as of today — the same A5 page `sajja passbook --format html` prints — in a dialog with
 * a print button. Nothing is written.
 */
export function showPassbook(given?: string): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const typed = askFor(given, 'สมุดบัญชีสมาชิก / Passbook', 'รหัสสมาชิก (เช่น M0001) / member id');
  if (typed === undefined) return '';
  const parsed = parseId(typed);
  const id = parsed.ok ? parsed.value : typed.trim();
  const made = withDocumentLock(() => ({
    book: passbook(checkBooks(workbookFromBatchGet(readWorkbook(ss)), { asOf: todayHere(ss) }), id),
  }));
  if (made === undefined) {
    ui.alert(BUSY);
    return '';
  }
  if (made.book === undefined) {
    ui.alert(`ไม่มีรหัสสมาชิก "${id}" ในแท็บ สมาชิก / no member "${id}" in the members tab`);
    return '';
  }
  const page = renderPassbook(made.book, 'A5').replace(/(<body[^>]*>)/, `$1${PRINT}`);
  ui.showModalDialog(
    HtmlService.createHtmlOutput(page).setWidth(640).setHeight(600),
    `สมุดบัญชี ${id} / Passbook`,
  );
  return page;
}
