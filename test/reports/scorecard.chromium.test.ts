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

    it('shows the five measures the score is made of, as the summary holds them, by hand for July', async () => {
      const checked = checkBooks(smallBook(), { asOf: '2026-11-26' });
      // test/core/scorecard.test.ts: every baht held 3 days, no pledges, no loan due, no book, one survey
      const july = groupReportData(checked, '2026-07', '2026-11-26');
      await atPhoneAndA4(browser(), renderGroupReport(july), async (tab) => {
        const cell = (m: string) => tab.locator(`[data-figure="subgroups[SG1].measures.${m}"]`).textContent();
        expect(await cell('remit_days')).toBe('3.0 / 3');
        expect(await cell('pledge_share')).toBe('—');
        expect(await cell('par30_ratio')).toBe('0.0%');
        expect(await cell('books_share')).toBe('0.0%');
        expect(await cell('informal_debt_change')).toBe('—');
      });
    });
  },
);
