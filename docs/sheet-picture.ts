/**
 * A tab of the fake spreadsheet (test/apps-script/fake-apps-script.ts) drawn as the Google Sheets
 * phone app shows it — column letters, row numbers, frozen rows, checkboxes, links, cell colours,
 * the tab bar — for the setup guide's pictures. It draws what the script wrote, cell by cell; it
 * is a picture of the sheet's content, not of Google's app.
 */
import { escapeHtml } from '../core/index.ts';
import type { FakeSheet, FakeSpreadsheet } from '../test/apps-script/fake-apps-script.ts';

const letter = (n: number) => {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** A Date of any realm (the script's own runs in node:vm). */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** A date cell as a Thai sheet shows it with the template's d/m/yyyy format: the day in the sheet's zone, Buddhist Era. */
function thaiDay(date: Date, zone: string): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  })
    .format(date.getTime())
    .split('-')
    .map(Number) as [number, number, number];
  return `${d}/${m}/${y + 543}`;
}

/** The tab as HTML at a phone's width: `columns` columns and `rows` rows from the top. */
export function sheetPicture(
  ss: FakeSpreadsheet,
  sheet: FakeSheet,
  options: { columns: number; rows: number; widths?: number[]; note?: { row: number; column: number } },
): string {
  const widths = options.widths ?? [];
  const head = Array.from(
    { length: options.columns },
    (_, c) => `<th style="width:${widths[c] ?? 110}px">${letter(c + 1)}</th>`,
  ).join('');
  const body = Array.from({ length: options.rows }, (_, r) => {
    const row = r + 1;
    const cells = Array.from({ length: options.columns }, (_, c) => {
      const cell = sheet.cell(row, c + 1);
      const value = cell.value;
      const shown = cell.checkbox
        ? `<span class="box">${value === true ? '☑' : '☐'}</span>`
        : isDate(value)
          ? escapeHtml(thaiDay(value, ss.getSpreadsheetTimeZone()))
          : escapeHtml(String(value ?? ''));
      const style = [
        cell.background && cell.background !== '#ffffff' ? `background-color:${cell.background}` : '',
        row <= sheet.getFrozenRows() ? 'font-weight:bold;background-color:#f1f3f4' : '',
      ]
        .filter(Boolean)
        .join(';');
      const inner = cell.link ? `<a>${shown}</a>` : shown;
      return `<td style="${style}"${cell.note ? ' class="noted"' : ''}>${inner}</td>`;
    }).join('');
    return `<tr><th>${row}</th>${cells}</tr>`;
  }).join('');
  // the tab bar scrolled to the tab shown, as the app does
  const all = ss.getSheets();
  const at = Math.max(0, all.indexOf(sheet) - 1);
  const tabs = [...all.slice(at), ...all.slice(0, at)]
    .map((s) => `<span class="${s === sheet ? 'on' : ''}">${escapeHtml(s.getName())}</span>`)
    .join('');
  // a note as the app shows it when the cell is tapped
  const note = options.note ? sheet.cell(options.note.row, options.note.column).note : '';
  const bubble = note
    ? `<div class="note"><b>${letter(options.note!.column)}${options.note!.row}</b><br>${escapeHtml(note).replace(/\n/g, '<br>')}</div>`
    : '';
  return `<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>
body{margin:0;font-family:Sarabun,Loma,Garuda,Tahoma,"Noto Sans Thai",sans-serif;font-size:12px;background:#fff;width:360px;overflow:hidden}
.bar{background:#188038;color:#fff;padding:10px 12px;font-size:15px}
.grid{overflow:hidden}
table{border-collapse:collapse;table-layout:fixed}
th{background:#f8f9fa;color:#5f6368;font-weight:normal;border:1px solid #e0e0e0;padding:2px 4px;width:24px}
td{border:1px solid #e0e0e0;padding:3px 4px;vertical-align:top;white-space:normal;overflow-wrap:anywhere;line-height:1.35}
td.noted{background-image:linear-gradient(225deg,#f4b400 6px,transparent 6px)}
a{color:#1a73e8;text-decoration:underline}
.box{font-size:16px;color:#188038}
.tabs{position:fixed;bottom:0;left:0;right:0;background:#f1f3f4;border-top:1px solid #dadce0;white-space:nowrap;overflow:hidden;padding:6px 4px}
.tabs span{display:inline-block;padding:4px 8px;color:#5f6368}
.tabs span.on{color:#188038;border-bottom:3px solid #188038;font-weight:bold}
.note{margin:8px 12px;padding:8px;background:#fff;border:1px solid #dadce0;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.25);font-size:12px;line-height:1.4}
</style></head><body><div class="bar">${escapeHtml(ss.getName())}</div><div class="grid"><table><tr><th></th>${head}</tr>${body}</table></div>${bubble}<div class="tabs">${tabs}</div></body></html>`;
}
