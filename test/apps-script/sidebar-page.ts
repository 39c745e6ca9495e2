/**
 * The sidebar as Apps Script serves it (apps-script/dist/sidebar.html), with the findings the
 * bundle gives it after "Check everything" on the example with a few typical mistakes, and a
 * stand-in for `google.script.run` that answers from those findings and records clicks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildScript } from '../../apps-script/build.ts';
import { EXAMPLE_WORKBOOK } from '../../cli/main.ts';
import { loadWorkbook } from '../../cli/sources/load-workbook.ts';
import type { CellValue } from '../../core/index.ts';
import { loadScript } from './vm-script.ts';

const DIST = join(import.meta.dirname, '../../apps-script/dist');

/** Mistakes a treasurer makes: a letter O for a zero, a minus amount, a day that does not exist, words in a money cell. */
const MISTAKES: [tab: string, row: number, column: number, value: CellValue][] = [
  ['savings', 5, 4, '12,5O'],
  ['savings', 9, 4, '-300'],
  ['savings', 12, 1, '31/2/2569'],
  ['loans', 2, 5, 'สองพันบาทถ้วนจ่ายเป็นงวดงวดละห้าร้อยบาทเริ่มเดือนหน้า'],
];

export async function sidebarPage(): Promise<{ html: string; findings: string; stub: string }> {
  const bundle = readFileSync(await buildScript(), 'utf8');
  const book = await loadWorkbook(EXAMPLE_WORKBOOK);
  for (const [tab, row, column, value] of MISTAKES) {
    const rows = book.tabs.find((t) => t.name.endsWith(`(${tab})`))!.rows;
    rows[row - 1]![column - 1] = value;
  }
  const s = loadScript(bundle, DIST, book);
  s.call('sajjaCheckAll');
  const findings = s.call<string>('sajjaFindings');
  const stub = `window.__selected = [];
window.google = { script: { run: {
  withSuccessHandler: function (done) { return { sajjaFindings: function () { setTimeout(function () { done(${JSON.stringify(findings)}); }, 0); } }; },
  sajjaSelect: function (sheet, cell) { window.__selected.push([sheet, cell]); }
} } };`;
  return { html: readFileSync(join(DIST, 'sidebar.html'), 'utf8'), findings, stub };
}
