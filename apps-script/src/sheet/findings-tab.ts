import type { Finding } from '../../../core/index.ts';
import { FINDINGS_TAB, sheetOf } from './book.ts';

/** The most findings written (errors first); the first line says how many more there are. */
export const FINDINGS_TAB_ROWS = 1_000;

/** Where and what first: a phone shows the first columns, so the link and the Thai message lead. */
const HEADER = ['ที่ (where)', 'ข้อความ (message)', 'message (English)', 'ระดับ (severity)', 'รหัส (code)'];

/** The findings tab, made if missing (after the data tabs, where a phone's tab bar shows it). */
export function findingsSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  return ss.getSheetByName(FINDINGS_TAB) ?? ss.insertSheet(FINDINGS_TAB);
}

/**
 * Replaces the findings tab with a full check's findings: a first line with when and how many,
 * the header, then one row a finding — where (its tab and cell, as a link that opens the cell: a
 * `#gid=` link works in the phone apps too), the message in Thai and in English, the severity and
 * the code.
 * Every value is written as rich text, so nothing is read as a number or a formula (a message
 * quoting `=HYPERLINK(…)` a user typed stays text). A finding with no cell links to its tab.
 */
export function writeFindingsTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  findings: readonly Finding[],
  counts: { error: number; warning: number },
  asOf: string,
): void {
  const sheet = findingsSheet(ss);
  const last = sheet.getLastRow();
  const width = HEADER.length;
  if (last > 0) sheet.getRange(1, 1, last, Math.max(width, sheet.getLastColumn())).clearContent();
  const text = (t: string, link: string | null = null) => {
    const b = SpreadsheetApp.newRichTextValue().setText(t);
    return (link ? b.setLinkUrl(link) : b).build();
  };
  const shown = findings.slice(0, FINDINGS_TAB_ROWS);
  const more = findings.length - shown.length;
  const title = `ตรวจเมื่อ ${asOf}: ผิด ${counts.error} เตือน ${counts.warning}${more > 0 ? ` (แสดง ${shown.length} แรก ยังมีอีก ${more})` : ''} / checked ${asOf}: ${counts.error} errors, ${counts.warning} warnings${more > 0 ? ` (the first ${shown.length}; ${more} more)` : ''}`;
  const gids = new Map<string, { name: string; gid: number } | null>();
  const where = (key: Finding['sheet']) => {
    if (key === null) return null;
    if (!gids.has(key)) {
      const s = sheetOf(ss, key);
      gids.set(key, s ? { name: s.getName(), gid: s.getSheetId() } : null);
    }
    return gids.get(key)!;
  };
  const rows = shown.map((f) => {
    const tab = where(f.sheet);
    const link = tab ? `#gid=${tab.gid}${f.cell ? `&range=${f.cell}` : ''}` : null;
    const at = f.cell ?? (f.row ? `แถว ${f.row} / row ${f.row}` : '');
    return [
      text([tab?.name ?? f.sheet ?? '', at].filter(Boolean).join(' ') || '—', link),
      text(f.message.th),
      text(f.message.en),
      text(f.severity === 'error' ? 'ผิด / error' : 'เตือน / warning'),
      text(f.code),
    ];
  });
  const blank = Array.from({ length: width - 1 }, () => text(''));
  sheet.getRange(1, 1, 2, width).setRichTextValues([[text(title), ...blank], HEADER.map((h) => text(h))]);
  if (rows.length > 0) sheet.getRange(3, 1, rows.length, width).setRichTextValues(rows);
  if (sheet.getFrozenRows() !== 2) sheet.setFrozenRows(2);
}
