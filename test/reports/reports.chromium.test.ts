import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_WORKBOOK } from '../../cli/main.ts';
import { loadWorkbook } from '../../cli/sources/load-workbook.ts';
import {
  type CheckedBooks,
  checkBooks,
  formatBaht,
  groupReportData,
  networkReportData,
  passbook,
  plus,
  renderGroupReport,
  renderNetworkReport,
  renderPassbook,
  summariseMonth,
} from '../../core/index.ts';
import { nineGroups } from '../helpers/nine-groups.ts';
import { setCell, smallBook } from '../helpers/small-book.ts';
import { systemTool } from '../helpers/system-tool.ts';
import { THAI_FONT, thaiFonts } from '../helpers/thai-fonts.ts';

const chromium = systemTool('chromium', 'chromium (and fonts-thai-tlwg for Thai)');
const AS_OF = '2026-11-01';
let browser: Browser;
let example: CheckedBooks;
const network = () => nineGroups(AS_OF);

beforeAll(async () => {
  example = checkBooks(await loadWorkbook(EXAMPLE_WORKBOOK), { asOf: AS_OF });
  if (chromium.skip) return;
  const { launchChromium } = await import('../../cli/browser.ts');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(page: string, width: number, print = false): Promise<Page> {
  const tab = await browser.newPage({ viewport: { width, height: 800 } });
  if (print) await tab.emulateMedia({ media: 'print' });
  await tab.setContent(page, { waitUntil: 'load' });
  return tab;
}

/** The font families Chromium used for every text node holding Thai (through the DevTools protocol). */
describe.skipIf(chromium.skip)(
  'reports in real Chromium (issue 10; Debian: chromium, fonts-thai-tlwg)',
  () => {
    it.each([
      ['the example group report', () => renderGroupReport(groupReportData(example, '2026-10', AS_OF))],
      [
        'the network report of nine groups',
        () => renderNetworkReport(networkReportData('เครือข่าย', network(), '2026-10', AS_OF)),
      ],
    ])(
      '%s: under 100 KB, no horizontal overflow at 360 px, fits A4, Thai in a Thai font',
      async (_name, make) => {
        const page = make();
        expect(Buffer.byteLength(page)).toBeLessThan(100_000);
        expect(page).not.toMatch(/<script|<svg|src="http|href="http/i);
        const phone = await open(page, 360);
        expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
        // A4 is 210 mm, 794 px at 96 dpi; with 12 mm margins the printable width is about 703 px
        const a4 = await open(page, 703, true);
        expect(await a4.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(703);
        const used = await thaiFonts(phone);
        expect(used.length).toBeGreaterThan(5);
        for (const { text, fonts } of used)
          expect([text, fonts.some((f) => THAI_FONT.test(f))]).toEqual([text, true]);
        await phone.close();
        await a4.close();
      },
    );

    it('shows on the page exactly the figures of the summary JSON', async () => {
      const page = renderGroupReport(groupReportData(example, '2026-10', AS_OF));
      const s = summariseMonth(example, '2026-10');
      const tab = await open(page, 360);
      const figure = (key: string) => tab.locator(`[data-figure="${key}"]`).textContent();
      expect(await figure('savings.balance')).toBe(formatBaht(s.savings.balance));
      expect(await figure('loans.outstanding')).toBe(formatBaht(s.loans.outstanding));
      expect(await figure('welfare.fund_balance')).toBe(formatBaht(s.welfare.fund_balance));
      expect(await figure('balances.cash_bank')).toBe(
        formatBaht(plus(s.balances.cash.closing, s.balances.bank.closing)),
      );
      expect(await figure('households.total_debt')).toBe(formatBaht(s.households.total_debt));
      expect(await figure('savings.members_saving')).toBe(String(s.savings.members_saving));
      await tab.close();
    });

    it('shows what a cell holds as text: markup typed into the sheet is never markup on the page', async () => {
      const wb = smallBook();
      setCell(wb, 'savings', 2, 'amount', '<img src=x onerror="document.title=1">');
      setCell(wb, 'members', 2, 'name', '<b onmouseover=alert(1)>สมชาย</b>');
      const checked = checkBooks(wb, { asOf: '2026-11-26' });
      const page = renderGroupReport(groupReportData(checked, '2026-07', '2026-11-26'));
      const tab = await open(page, 360);
      expect(await tab.locator('img, [onerror], [onmouseover]').count()).toBe(0);
      expect(await tab.locator('body').textContent()).toContain('<img src=x onerror=');
      expect(await tab.title()).not.toBe('1');
      const book = renderPassbook(passbook(checked, 'M1')!, 'A5');
      const card = await open(book, 360);
      expect(await card.locator('[onmouseover]').count()).toBe(0);
      expect(await card.locator('body').textContent()).toContain('<b onmouseover=alert(1)>สมชาย</b>');
      await tab.close();
      await card.close();
    });

    it('prints a passbook to PDF in A5 and A4 through the command users run', async () => {
      const { runCli } = await import('../helpers/run-cli.ts');
      const { mkdtempSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const dir = mkdtempSync(join(tmpdir(), 'sajja-pdf-'));
      for (const paper of ['A5', 'A4']) {
        const out = join(dir, `p-${paper}.pdf`);
        const { code } = await runCli(
          'passbook',
          EXAMPLE_WORKBOOK,
          '--member',
          'M0001',
          '--as-of',
          AS_OF,
          '--format',
          'pdf',
          '--paper',
          paper,
          '--out',
          out,
        );
        expect(code).toBe(0);
        const pdf = readFileSync(out, 'latin1');
        expect(pdf.startsWith('%PDF-')).toBe(true);
        // the page size in points: A5 419.53 × 595.28, A4 595.28 × 841.89
        const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf)!;
        expect(Math.round(Number(box[1]))).toBe(paper === 'A5' ? 420 : 595);
      }
    });
  },
);

describe('the report renderer is pure and escapes by construction', () => {
  it('says the same in text as in HTML: the headline figures', async () => {
    const { groupReportText } = await import('../../core/index.ts');
    const data = groupReportData(example, '2026-10', AS_OF);
    const text = groupReportText(data);
    for (const value of [
      data.summary.savings.balance,
      data.summary.loans.outstanding,
      data.summary.welfare.fund_balance,
    ])
      expect(text).toContain(formatBaht(value));
    expect(renderGroupReport(data)).toContain(formatBaht(data.summary.savings.balance));
  });
});
