import { describe, expect, it } from 'vitest';
import {
  checkBooks,
  groupReportData,
  householdView,
  renderGroupReport,
  renderHouseholdPage,
} from '../../core/index.ts';
import { atPhoneAndA4, chromium, useBrowser } from '../helpers/chromium.ts';
import { planBook } from '../helpers/plan-book.ts';

const browser = useBrowser();
/** The plan book (test/helpers/plan-book.ts): every figure below is worked in test/core/reports/household-plans.test.ts. */
const checked = checkBooks(planBook(), { asOf: '2026-10-31' });

describe.skipIf(chromium.skip)(
  'household plans in real Chromium (issue 22; Debian: chromium, fonts-thai-tlwg)',
  () => {
    it("the household's printable page fits a phone and A4: plans, the way out and the suggested pledge", async () => {
      const page = renderHouseholdPage(householdView(checked, 'H1')!);
      await atPhoneAndA4(browser(), page, async (tab) => {
        const figure = (key: string) => tab.locator(`[data-figure="${key}"]`).first().textContent();
        expect(await figure('plan.2.saved')).toContain('400.00');
        expect(await figure('plan.2.months_ahead')).toContain('ช้ากว่าแผน 0.3 เดือน');
        expect(await figure('plan.3.months_ahead')).toContain('ล่วงหน้า 1.5 เดือน');
        expect(await figure('plan.2.cut')).toContain('ลดได้ +300.00 จากแผน 100.00');
        expect(await figure('debt_free_month')).toContain('ก.พ. 2572');
        expect(await figure('suggested_pledge.household')).toContain('3,400.00');
        const m1 = (await tab.locator('[data-member="M1"]').textContent()) ?? '';
        expect(m1).toContain('สัจจะ 300.00');
        expect(m1).toContain('แนะนำ 1,700.00');
      });
    });

    it("the group report's family plans fit a phone and A4", async () => {
      const october = renderGroupReport(groupReportData(checked, '2026-10', '2026-10-31'));
      await atPhoneAndA4(browser(), october, async (tab) => {
        expect(await tab.locator('[data-plan]').count()).toBe(2);
        expect(await tab.locator('[data-plan="3"] [data-figure="plan.3.saved"]').textContent()).toContain(
          '500.00',
        );
        const line = (await tab.locator('[data-household="H1"]').textContent()) ?? '';
        expect(line).toContain('ปลดหนี้ได้ ก.พ. 2572');
        expect(line).toContain('แนะนำ / suggested 3,400.00');
      });
    });
  },
);
