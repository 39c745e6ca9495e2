import { type CheckedBooks, type Finding, TABS, thaiDate } from '../core/index.ts';
import type { Bilingual } from './commands/command.ts';
import { padEnd } from './text/columns.ts';
import { inert, oneLine } from './text/inert.ts';

const tabName = (key: string) => {
  const spec = TABS.find((tab) => tab.key === key);
  return spec ? `${spec.th} (${spec.key})` : key;
};

/** Rows listed by tab: `savings: 12, 40, 41` (at most 20 a tab, then a count). */
function rowsByTab(rows: { sheet: string; row: number; codes?: string[] }[]): string[] {
  const byTab = new Map<string, string[]>();
  for (const { sheet, row, codes } of rows)
    byTab.set(sheet, [...(byTab.get(sheet) ?? []), codes ? `${row} (${codes.join(', ')})` : String(row)]);
  return [...byTab].map(([sheet, list]) => {
    const shown = list.slice(0, 20).join(', ') + (list.length > 20 ? ` … (+${list.length - 20})` : '');
    return `  ${tabName(sheet)}: ${shown}`;
  });
}

/**
 * Readable Thai/English text of a check, grouped by tab; then which rows with errors are out of
 * the books and which are in them, marked; then whether closed months were compared.
 */
export function formatCheck(checked: CheckedBooks): string {
  const { result } = checked;
  const lines: string[] = [];
  const group = result.group_id === null ? '(ไม่ทราบรหัสกลุ่ม / unknown group)' : oneLine(result.group_id);
  lines.push(`Sajja ตรวจสมุด / check — ${group} — ณ วันที่ ${thaiDate(result.as_of)} / as of ${result.as_of}`);
  const { error, warning } = result.counts;
  lines.push(
    result.ok && warning === 0
      ? '✓ ไม่พบข้อผิดพลาด / no errors, no warnings'
      : `${error > 0 ? '✗' : '✓'} ข้อผิดพลาด ${error} / errors ${error} · คำเตือน ${warning} / warnings ${warning}`,
  );
  const byTab = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const key = finding.sheet ?? '';
    byTab.set(key, [...(byTab.get(key) ?? []), finding]);
  }
  for (const [key, findings] of byTab) {
    lines.push('', key ? tabName(key) : 'สมุดทั้งเล่ม (workbook)');
    for (const f of findings) {
      const mark = f.severity === 'error' ? '✗' : '⚠';
      const where = padEnd(f.cell ?? (f.row !== null ? `row ${f.row}` : '—'), 6);
      const lead = `  ${mark} ${where} ${f.code}  `;
      lines.push(`${lead}${oneLine(f.message.th)}`);
      lines.push(`${' '.repeat(lead.length)}${oneLine(f.message.en)}`);
    }
  }
  const { left_out, posted_with_errors } = result.books;
  if (left_out.length > 0) {
    // rows with a cell error are not in the books until fixed: say which, so nothing is missed
    lines.push('', `ไม่ได้ลงบัญชีจนกว่าจะแก้ / left out of the books until fixed: ${left_out.length} แถว / rows`);
    lines.push(...rowsByTab(left_out));
  }
  if (posted_with_errors.length > 0) {
    // the money did move: these rows are in the books, and marked ✗ wherever they are shown
    lines.push(
      '',
      `ลงบัญชีแล้วแต่มีข้อผิดพลาด (เงินเคลื่อนไหวจริง) / in the books, with errors (the money did move): ${posted_with_errors.length} แถว / rows`,
    );
    lines.push(...rowsByTab(posted_with_errors));
  }
  if (checked.closedCheck === 'no_archive')
    lines.push(
      '',
      '⚠ ยังไม่ได้เทียบเดือนที่ปิดแล้วกับคลังข้อมูล: ไม่พบคลังข้อมูล (--data-dir) / closed months not compared with the archive: no archive found (--data-dir)',
    );
  return lines.join('\n');
}

/** Several workbooks: each one's result, then one line for all. */
export function formatChecks(
  results: { file: string; checked?: CheckedBooks; error?: { code: string; message: Bilingual } }[],
): string {
  const lines: string[] = [];
  let clean = 0;
  let withErrors = 0;
  let unusable = 0;
  for (const r of results) {
    lines.push(`══ ${inert(r.file)}`);
    if (r.checked) {
      lines.push(formatCheck(r.checked), '');
      if (r.checked.result.ok) clean++;
      else withErrors++;
    } else {
      lines.push(`✗ ${r.error!.message.th}`, `  ${r.error!.message.en}`, '');
      unusable++;
    }
  }
  lines.push(
    `ตรวจ ${results.length} สมุด: ไม่มีข้อผิดพลาด ${clean} · มีข้อผิดพลาด ${withErrors} · ใช้ไม่ได้ ${unusable} / ` +
      `${results.length} workbooks: ${clean} without errors · ${withErrors} with errors · ${unusable} unusable`,
  );
  return lines.join('\n');
}
