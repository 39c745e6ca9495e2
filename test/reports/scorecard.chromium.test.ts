import { describe, expect, it } from 'vitest';
import { checkBooks, groupReportData, renderGroupReport } from '../../core/index.ts';
import { atPhoneAndA4, chromium, useBrowser } from '../helpers/chromium.ts';
import { smallBook } from '../helpers/small-book.ts';

const browser = useBrowser();

describe.skipIf(chromium.skip)(
  "the group report's sub-group scores in real Chromium (issue 22; Debian: chromium, fonts-thai-tlwg)",
  () => {
    it('fits a phone and A4: this month’s score and one bar a month of the 12-month trend', async () => {
      const checked = checkBooks(smallBook(), { asOf: '2026-11-26' });
      const report = groupReportData(checked, '2026-10', '2026-11-26');
      await atPhoneAndA4(browser(), renderGroupReport(report), async (tab) => {
        const row = tab.locator('[data-trend="SG1"]');
        // July to October: the books open in July, one bar a month
        expect(await row.locator('div[style*="width:7px"][style*="background:#eee"]').count()).toBe(4);
        expect(await row.textContent()).toContain(String(report.summary.subgroups[0]!.score ?? '—'));
      });
    });
  },
);
