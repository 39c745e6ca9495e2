/**
 * `npm run screenshots`: the pictures of docs/ — the example's monthly report at 360 px (a phone)
 * and at A4 width, the network report of nine generated groups, and the Apps Script sidebar at
 * 300 px with the findings of the example with a few mistakes — rendered by Debian's
 * Chromium exactly as the tests render them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildScript } from '../apps-script/build.ts';
import { launchChromium } from '../cli/browser.ts';
import { EXAMPLE_WORKBOOK } from '../cli/main.ts';
import { loadWorkbook } from '../cli/sources/load-workbook.ts';
import {
  checkBooks,
  groupReportData,
  networkReportData,
  renderGroupReport,
  renderNetworkReport,
} from '../core/index.ts';
import { sidebarPage } from '../test/apps-script/sidebar-page.ts';
import { edit, loadScript, tick } from '../test/apps-script/vm-script.ts';
import { nineGroups } from '../test/helpers/nine-groups.ts';
import { sheetPicture } from './sheet-picture.ts';

const DOCS = import.meta.dirname;
/** The setup guide's pictures (docs/setup-guide.md): what each step leaves in the sheet. */
export const GUIDE_PICTURES = [
  'guide/actions-phone.png',
  'guide/findings-phone.png',
  'guide/wrong-cell-phone.png',
  'guide/api-settings.png',
  'guide/year-end.png',
  'guide/passbook.png',
] as const;
const AS_OF = '2026-11-01';
const checked = checkBooks(await loadWorkbook(EXAMPLE_WORKBOOK), { asOf: AS_OF });
const group = renderGroupReport(groupReportData(checked, '2026-10', AS_OF));
const network = renderNetworkReport(
  networkReportData('เครือข่ายพัทลุง / Phatthalung network', nineGroups(AS_OF), '2026-10', AS_OF),
);
const browser = await launchChromium();
try {
  for (const [name, page, width] of [
    ['report-360.png', group, 360],
    ['report-a4.png', group, 794],
    ['network-360.png', network, 360],
  ] as const) {
    const tab = await browser.newPage({ viewport: { width, height: 800 } });
    await tab.setContent(page, { waitUntil: 'load' });
    writeFileSync(join(DOCS, name), await tab.screenshot({ fullPage: true }));
    console.log(`docs/${name}`);
  }
  // the sidebar at the width Sheets gives it, with its google.script.run stand-in
  const sidebar = await sidebarPage();
  const tab = await browser.newPage({ viewport: { width: 300, height: 700 } });
  await tab.setContent(sidebar.html.replace('<head>', `<head><script>${sidebar.stub}</script>`), {
    waitUntil: 'load',
  });
  await tab.waitForSelector('button.finding');
  writeFileSync(join(DOCS, 'sidebar-300.png'), await tab.screenshot({ fullPage: true }));
  console.log('docs/sidebar-300.png');
  await guidePictures(browser);
} finally {
  await browser.close();
}

/**
 * The setup guide's pictures, from the built Apps Script bundle run on the example (node:vm, the
 * fake SpreadsheetApp the tests use): the actions tab after a committee member's ticks, the
 * findings tab they fill, a wrong cell with its note and colour, and the dialogs.
 */
async function guidePictures(browser: Browser): Promise<void> {
  mkdirSync(join(DOCS, 'guide'), { recursive: true });
  const dist = join(DOCS, '../apps-script/dist');
  const bundle = readFileSync(await buildScript(), 'utf8');
  const book = await loadWorkbook(EXAMPLE_WORKBOOK);
  const s = loadScript(bundle, dist, book, Date.UTC(2026, 10, 2, 3));
  const treasurer = 'treasurer@example.org';
  s.env.session.user = treasurer;
  s.call('sajjaSetUp');
  s.call('sajjaInstall');
  const savings = s.ss.getSheetByName('เงินออม (savings)')!;
  // a mistake typed on a phone: a letter O for a zero
  edit(s, 'savings', 5, 4, [['12,5O']]);
  const actions = s.ss.getSheetByName('สั่งงาน (actions)')!;
  const rowOf = (key: string) => [2, 3, 4].find((r) => actions.getRange(r, 7).getValue() === key)!;
  tick(s, treasurer, 'actions', rowOf('check'), 1, true);
  tick(s, treasurer, 'actions', rowOf('year_end'), 1, true);
  tick(s, 'committee@example.org', 'actions', rowOf('close_month'), 1, true);
  const shoot = async (name: string, page: string, width: number, height: number) => {
    const tab = await browser.newPage({ viewport: { width, height } });
    await tab.setContent(page, { waitUntil: 'load' });
    writeFileSync(join(DOCS, name), await tab.screenshot());
    await tab.close();
    console.log(`docs/${name}`);
  };
  await shoot(
    'guide/actions-phone.png',
    sheetPicture(s.ss, actions, { columns: 4, rows: 5, widths: [34, 96, 46, 160] }),
    360,
    640,
  );
  const findings = s.ss.getSheetByName('ผลการตรวจ (findings)')!;
  await shoot(
    'guide/findings-phone.png',
    sheetPicture(s.ss, findings, { columns: 3, rows: 9, widths: [96, 150, 90] }),
    360,
    640,
  );
  await shoot(
    'guide/wrong-cell-phone.png',
    sheetPicture(s.ss, savings, {
      columns: 4,
      rows: 6,
      widths: [80, 80, 50, 90],
      note: { row: 5, column: 4 },
    }),
    360,
    420,
  );
  await shoot('guide/api-settings.png', readFileSync(join(dist, 'settings.html'), 'utf8'), 460, 420);
  await shoot('guide/year-end.png', s.call<string>('sajjaYearEnd', '2569'), 720, 560);
  await shoot('guide/passbook.png', s.call<string>('sajjaPassbook', 'M0016'), 640, 600);
}
