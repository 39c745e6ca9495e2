import { describe, expect, it } from 'vitest';
import {
  checkBooks,
  formatBaht,
  groupReportData,
  networkReportData,
  passbook,
  renderGroupReport,
  renderNetworkReport,
  renderPassbook,
  type Satang,
} from '../../core/index.ts';
import { atPhoneAndA4, chromium, useBrowser } from '../helpers/chromium.ts';
import { claim, reliefBook } from '../helpers/relief-book.ts';

const browser = useBrowser();

/** The relief book (test/helpers/relief-book.ts) with an elderly benefit paid in November. */
const checked = checkBooks(
  reliefBook({ welfare: [claim('15/11/2569', 'M1', 1800, { benefit: 'ผู้สูงอายุ' })] }),
  { asOf: '2026-11-26' },
);
const atBothSizes = (page: string, look: Parameters<typeof atPhoneAndA4>[2]) =>
  atPhoneAndA4(browser(), page, look);

describe.skipIf(chromium.skip)(
  'debt relief and the welfare fund in real Chromium (issue 21; Debian: chromium, fonts-thai-tlwg)',
  () => {
    it("the group report's welfare and debt-relief sections fit a phone and A4, with the summary's figures", async () => {
      const july = groupReportData(checked, '2026-07', '2026-11-26');
      await atBothSizes(renderGroupReport(july), async (tab) => {
        const figure = (key: string) => tab.locator(`[data-figure="${key}"]`).textContent();
        expect(await figure('debt_relief.households_helped')).toBe('1');
        expect(await figure('debt_relief.reduced')).toBe(formatBaht(400_000 as Satang));
        expect(await figure('debt_relief.interest_saved_monthly')).toBe(formatBaht(192_000 as Satang));
        expect(await figure('debt_relief.informal_left')).toBe(formatBaht(300_000 as Satang));
        const text = (await tab.locator('[data-buyouts="2026-07"]').textContent()) ?? '';
        expect(text).toContain('เจ๊ ใจ');
        expect(text).toContain('ยอดตามกฎหมาย');
        expect(text).toContain(formatBaht(400_000 as Satang));
      });
      const november = groupReportData(checked, '2026-11', '2026-11-26');
      await atBothSizes(renderGroupReport(november), async (tab) => {
        const figure = (key: string) => tab.locator(`[data-figure="${key}"]`).textContent();
        // 3,380 × 12 ÷ 1,800 = 22.5 months; 1,800 out of 5,180 in = 0.3475, shown 34.8 %
        expect(await figure('welfare_health.months_of_cover')).toBe('22.5');
        expect(await figure('welfare_health.payout_ratio')).toBe('34.8%');
        expect(await figure('welfare_health.contributions_12m')).toContain(formatBaht(500_000 as Satang));
        expect(await figure('welfare_health.elderly_cost')).toContain(formatBaht(30_000 as Satang));
        expect(await figure('welfare_behind')).toBe('2');
      });
    });

    it('the network report says households helped, debts bought out, baht reduced and freed a month', async () => {
      const report = networkReportData(
        'เครือข่ายทดสอบ',
        [{ group_id: 'g1', checked }],
        '2026-11',
        '2026-11-26',
      );
      await atBothSizes(renderNetworkReport(report), async (tab) => {
        const figure = (key: string) => tab.locator(`[data-figure="${key}"]`).textContent();
        expect(await figure('totals.relief.households_helped')).toBe('1');
        expect(await figure('totals.relief.debts_bought_out')).toBe('1');
        expect(await figure('totals.relief.reduced')).toBe(formatBaht(400_000 as Satang));
        expect(await figure('totals.relief.interest_saved_monthly')).toBe(formatBaht(192_000 as Satang));
        expect(await figure('totals.welfare_fund')).toBe(formatBaht(338_000 as Satang));
      });
    });

    it("the borrower's passbook lists the debt bought out", async () => {
      await atBothSizes(renderPassbook(passbook(checked, 'M2')!), async (tab) => {
        const text = (await tab.locator('body').textContent()) ?? '';
        expect(text).toContain('ปลดหนี้');
        expect(text).toContain(formatBaht(1_200_000 as Satang));
        expect(text).toContain(formatBaht(192_000 as Satang));
      });
    });
  },
);
