import {
  checkBooks,
  fiscalYear,
  formatBaht,
  html,
  METHODS,
  POOL_NAMES,
  POOLS,
  parseYearText,
  utf8,
  withYearEndRows,
  workbookFromBatchGet,
  type YearEnd,
  yearEnd,
} from '../../../core/index.ts';
import { readWorkbook, sheetOf } from './book.ts';
import { todayHere } from './edit.ts';
import { askFor, BUSY, withDocumentLock } from './store.ts';
import { apiOfUser, signedPost } from './ui.ts';

const METHOD_TH = { daily: 'ยอดเฉลี่ยรายวัน', month_end: 'ยอดสิ้นเดือน', full_month: 'ยอดต่ำสุดของเดือน' } as const;

/** The year's figures from the sheet as it is now (every tab read), as `sajja year-end` gives them. */
function yearOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, year: number) {
  const checked = checkBooks(workbookFromBatchGet(readWorkbook(ss)), { asOf: todayHere(ss) });
  return { checked, figures: yearEnd(checked, year) };
}

/**
 * The menu ปันผลสิ้นปี / Year-end: asks for the fiscal year, then shows a preview — the profit,
 * the allocation and every member under all three methods side by side, the bylaws' marked —
 * whose button writes the rows (sajjaYearEndWrite). Nothing is written until then.
 */
export function yearEndPreview(given?: string): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const typed = askFor(given, 'ปันผลสิ้นปี / Year-end', 'ปีบัญชี (เช่น 2569) / fiscal year (e.g. 2026)');
  if (typed === undefined) return '';
  const year = parseYearText(typed);
  if (year === undefined) {
    ui.alert('ปีบัญชีไม่ถูกต้อง (เช่น 2569 หรือ 2026) / not a fiscal year (e.g. 2569 or 2026)');
    return '';
  }
  const made = withDocumentLock(() => yearOf(ss, year));
  if (!made) {
    ui.alert(BUSY);
    return '';
  }
  const page = previewPage(made.figures);
  ui.showModalDialog(HtmlService.createHtmlOutput(page).setWidth(720).setHeight(560), 'ปันผลสิ้นปี / Year-end');
  return page;
}

/**
 * The year-end preview from a phone (the actions tab): no dialog can open there, so the year's
 * figures come back as a few lines — the net profit, the pools, the dividend rate by the bylaws'
 * method, what members receive together — and where to see each member (the menu on a computer).
 * A blank year is the fiscal year that ended last.
 */
export function yearEndText(typed: string): { ok: boolean; text: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const made = withDocumentLock(() => {
    const checked = checkBooks(workbookFromBatchGet(readWorkbook(ss)), { asOf: todayHere(ss) });
    const today = checked.book.context.asOf;
    let year = typed.trim() === '' ? Number(today.slice(0, 4)) : parseYearText(typed);
    if (year === undefined) return undefined;
    if (typed.trim() === '' && fiscalYear(checked.book.rules, year).to > today) year -= 1;
    return yearEnd(checked, year);
  });
  if (made === undefined && typed.trim() !== '' && parseYearText(typed) === undefined)
    return { ok: false, text: 'ปีบัญชีไม่ถูกต้อง (เช่น 2569 หรือ 2026) / not a fiscal year (e.g. 2569 or 2026)' };
  if (made === undefined) return { ok: false, text: BUSY };
  const b = (satang: number) => formatBaht(satang as never);
  const pools = POOLS.filter((p) => made.pools[p] > 0).map((p) => `${POOL_NAMES[p].th} ${b(made.pools[p])}`);
  return {
    ok: true,
    text:
      `ปีบัญชี ${made.fiscal_year + 543}: กำไรสุทธิ ${b(made.profit.net)} บาท · ${pools.join(' · ')} · ปันผลร้อยละ ${made.dividend_rate.toFixed(2)} (${METHOD_TH[made.method]}) · สมาชิกได้ปันผลรวม ${b(made.totals.dividend)} เฉลี่ยคืน ${b(made.totals.interest_refund)} — ดูรายคนและเขียนแถว: เมนู สัจจะ → ปันผลสิ้นปี บนคอมพิวเตอร์\n` +
      `Year ${made.fiscal_year}: net profit ${b(made.profit.net)} · dividend ${made.dividend_rate.toFixed(2)} % (${made.method}) · members receive ${b(made.totals.dividend)} in dividends and ${b(made.totals.interest_refund)} in refunds — each member, and writing the rows: menu Sajja → Year-end on a computer`,
  };
}

/** The preview's page: all three methods side by side, and the button that writes the rows. */
function previewPage(y: YearEnd): string {
  const b = (satang: number) => formatBaht(satang as never);
  return html`<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>body{font-family:Sarabun,Loma,Tahoma,sans-serif;font-size:13px;margin:8px}table{border-collapse:collapse;width:100%}td,th{padding:3px 6px;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}.chosen{background:#eef6ee;font-weight:bold}</style></head><body>
<div><b>ปีบัญชี ${y.fiscal_year + 543}</b> · กำไรสุทธิ / net profit <b>${b(y.profit.net)}</b> บาท</div>
<div>${POOLS.filter((p) => y.pools[p] > 0).map((p) => html`${POOL_NAMES[p].th} ${b(y.pools[p])} · `)}ปันผลร้อยละ ${y.dividend_rate.toFixed(2)} ต่อปี</div>
<table><tr><th>สมาชิก / member</th>${METHODS.map((m) => html`<th class="${m === y.method ? 'chosen' : ''}">${METHOD_TH[m]}${m === y.method ? ' ✓' : ''}</th>`)}<th>เฉลี่ยคืน / refund</th></tr>
${y.members.map((m) => html`<tr><td>${m.member_id}${m.excluded ? ` (${m.excluded === 'left' ? 'ลาออก' : 'ค้างชำระ'})` : ''}</td>${METHODS.map((method) => html`<td class="${method === y.method ? 'chosen' : ''}">${b(m.dividend[method])}</td>`)}<td>${b(m.interest_refund)}</td></tr>`)}
</table>
<p>✓ วิธีตามระเบียบกลุ่ม / the bylaws' method · เศษเข้าทุนสำรอง / remainders to reserve</p>
<p><button type="button" id="write">เขียนแถวลงแท็บปันผลและเฉลี่ยคืน / write the rows</button> <span id="said"></span></p>
<script>document.getElementById('write').addEventListener('click',function(){google.script.run.withSuccessHandler(function(t){document.getElementById('said').textContent=t;}).sajjaYearEndWrite('${String(y.fiscal_year)}');});</script>
</body></html>`.text;
}

/**
 * The preview's button: the year's rows written into the year-end tab (made if missing), dated
 * today; that year's rows already there are replaced, every other row stays.
 */
export function yearEndWrite(typed: string): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const year = parseYearText(typed);
  if (year === undefined) return 'ปีบัญชีไม่ถูกต้อง / not a fiscal year';
  const written = withDocumentLock(() => {
    const { checked, figures } = yearOf(ss, year);
    let sheet = sheetOf(ss, 'year_end');
    const header =
      sheet && sheet.getLastColumn() > 0
        ? sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!
        : [];
    // the new rows under the tab's own header (a new tab: the template's)
    const made = withYearEndRows(
      { tabs: header.length > 0 ? [{ name: sheet!.getName(), rows: [header as never[]] }] : [] },
      figures,
      todayHere(ss),
      checked.book.settings.calendar,
    ).tabs[0]!;
    if (!sheet) {
      sheet = ss.insertSheet(made.name);
      sheet.getRange(1, 1, 1, made.rows[0]!.length).setValues([made.rows[0] as never[]]);
    }
    const columns = made.rows[0]!.length;
    const fy = (made.rows[0] as unknown[]).findIndex(
      (h) => typeof h === 'string' && h.trim().endsWith('(fiscal_year)'),
    );
    // this year's rows already there are cleared (the decision is written again); every other row stays
    const last = sheet.getLastRow();
    if (last > 1 && fy >= 0) {
      const years = sheet.getRange(2, fy + 1, last - 1, 1).getValues();
      years.forEach(([value], i) => {
        const n = Number(value);
        if (n === figures.fiscal_year || n === figures.fiscal_year + 543)
          sheet!.getRange(i + 2, 1, 1, Math.max(columns, sheet!.getLastColumn())).clearContent();
      });
    }
    const rows = made.rows.slice(1).map((r) => Array.from({ length: columns }, (_, i) => r[i] ?? ''));
    if (rows.length > 0)
      sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, columns).setValues(rows as never[][]);
    return rows.length;
  });
  if (written === undefined) return BUSY;
  const said = `เขียนแล้ว ${written} แถว / ${written} rows written`;
  // with the API set (this person's key), the year is archived as a snapshot of its own
  const api = apiOfUser();
  if (!api)
    return `${said}\nยังไม่ได้เก็บปีลงคลัง (ตั้งค่า API ก่อน) / the year is not archived (set up the API first)`;
  const body = JSON.stringify({ workbook: readWorkbook(ss), year });
  if (utf8(body).length > 5 * 1024 * 1024)
    return `${said}\nสมุดใหญ่เกิน 5 MB: เก็บปีด้วย sajja year-end --archive / the book is over 5 MB: archive the year with sajja year-end --archive`;
  const answer = signedPost(ss, api, '/v1/archive', body);
  if (!answer.ok) return `${said}\nเก็บปีลงคลังไม่สำเร็จ / the year was not archived: ${answer.text}`;
  const data = answer.data as { month?: string; version?: number; created?: boolean };
  return `${said}\nเก็บปีลงคลังแล้ว / year archived: ${data.month} v${data.version}${data.created ? '' : ' (มีอยู่แล้ว / unchanged)'}`;
}
