/**
 * `npm run screenshots`: the pictures of docs/ — the example's monthly report at 360 px (a phone)
 * and at A4 width, the network report of nine generated groups, and the Apps Script sidebar at
 * 300 px with the findings of the example with a few mistakes — rendered by Debian's
 * Chromium exactly as the tests render them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { nineGroups } from '../test/helpers/nine-groups.ts';

const DOCS = import.meta.dirname;
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
} finally {
  await browser.close();
}
