import { previousMonth } from '../../../core/index.ts';
import type { RunAction } from './actions.ts';
import { checkEverything } from './check-all.ts';
import { todayHere } from './edit.ts';
import { BUSY, withDocumentLock } from './store.ts';
import { closeMonth, compareThroughApi } from './ui.ts';
import { yearEndText } from './year.ts';

/**
 * The actions tab's actions (SPEC §15): the menu's own functions, with no dialog — a phone has
 * none. Checking everything fills the findings tab; closing a month needs the API key of the
 * person who ticked, so it runs only in their own trigger.
 */
export const runAction: RunAction = (key, value, mine) => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (key === 'check') {
    const checked = withDocumentLock(() => checkEverything(ss, compareThroughApi(ss)));
    if (!checked) return { ok: false, text: BUSY };
    const { error, warning } = checked.result.counts;
    return {
      ok: true,
      text: `ตรวจแล้ว: ผิด ${error} เตือน ${warning} — ดูแท็บ ผลการตรวจ / checked: ${error} errors, ${warning} warnings — see the findings tab`,
    };
  }
  if (key === 'close_month') {
    if (!mine)
      return {
        ok: false,
        text: 'ปิดเดือนต้องใช้กุญแจ API ของคุณเอง: บนคอมพิวเตอร์ครั้งเดียว เมนู สัจจะ → ใช้แท็บสั่งงานจากโทรศัพท์ แล้วกดใหม่ / closing a month needs your own API key: once, on a computer, menu Sajja → Use the actions tab from my phone, then tick again',
      };
    return closeMonth(value === '' ? previousMonth(todayHere(ss).slice(0, 7)) : value);
  }
  return yearEndText(value);
};
