import { describe, expect, it } from 'vitest';
import { chromium, useBrowser } from '../helpers/chromium.ts';
import { THAI_FONT, thaiFonts } from '../helpers/thai-fonts.ts';
import { sidebarPage } from './sidebar-page.ts';

const useOne = useBrowser();

describe.skipIf(chromium.skip)(
  'the sidebar in real Chromium at 300 px (issue 13; Debian: chromium, fonts-thai-tlwg)',
  () => {
    it('lists every finding grouped by tab, fits 300 px in Thai fonts, and selects the cell on a click', async () => {
      const { html, findings, stub } = await sidebarPage();
      const data = JSON.parse(findings) as {
        check: { counts: { error: number; warning: number }; findings: { sheet: string; cell?: string }[] };
      };
      expect(data.check.counts.error).toBeGreaterThanOrEqual(3);
      const tab = await useOne().newPage({ viewport: { width: 300, height: 900 } });
      // the stand-in for google.script.run comes first, as Apps Script's own script does
      await tab.setContent(html.replace('<head>', `<head><script>${stub}</script>`), { waitUntil: 'load' });
      await tab.waitForSelector('button.finding');
      const shown = await tab.$$eval('button.finding', (buttons) => buttons.map((b) => b.textContent ?? ''));
      expect(shown).toHaveLength(data.check.findings.length);
      expect(shown.some((t) => t.includes('"12,5O"') && t.includes('not an amount of baht'))).toBe(true);
      const status = await tab.textContent('#status');
      expect(status).toContain(`ข้อผิดพลาด ${data.check.counts.error}`);
      // nothing wider than the sidebar: no sideways scrolling, every row inside 300 px
      expect(await tab.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
      const rights = await tab.$$eval('button.finding, h2, #status', (els) =>
        els.map((el) => el.getBoundingClientRect().right),
      );
      expect(rights.length).toBeGreaterThan(2);
      for (const right of rights) expect(right).toBeLessThanOrEqual(300);
      const used = await thaiFonts(tab);
      expect(used.length).toBeGreaterThan(3);
      for (const { text, fonts } of used)
        expect([text, fonts.some((f) => THAI_FONT.test(f))]).toEqual([text, true]);
      // the sub-group scorecard of the month just ended, each score and its measures (SPEC §15)
      const card = (
        data as unknown as {
          check: { scorecard: { month: string; subgroups: { subgroup_id: string; score: number | null }[] } };
        }
      ).check.scorecard;
      expect(card.month).toBe('2026-10');
      expect(card.subgroups.length).toBeGreaterThan(1);
      const scores = await tab.$$eval('.score', (rows) =>
        rows.map((r) => [r.getAttribute('data-subgroup'), r.querySelector('b')?.textContent ?? '']),
      );
      expect(scores).toEqual(
        card.subgroups.map((g) => [
          g.subgroup_id,
          g.score === null ? '—' : expect.stringContaining(String(g.score)),
        ]),
      );
      for (const right of await tab.$$eval('.score', (els) =>
        els.map((el) => el.getBoundingClientRect().right),
      ))
        expect(right).toBeLessThanOrEqual(300);
      // a click selects the finding's cell in its tab
      const first = data.check.findings.find((f) => f.cell)!;
      await tab.click('button.finding >> nth=0');
      expect(await tab.evaluate('window.__selected')).toEqual([[first.sheet, first.cell]]);
      await tab.close();
    });
  },
);
