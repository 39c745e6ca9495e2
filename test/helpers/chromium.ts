import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { systemTool } from './system-tool.ts';
import { THAI_FONT, thaiFonts } from './thai-fonts.ts';

/** Real Chromium, or why a test of it is skipped (Debian: chromium, fonts-thai-tlwg). */
export const chromium = systemTool('chromium', 'chromium (and fonts-thai-tlwg for Thai)');

/** One browser for a test file, launched before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (chromium.skip) return;
    const { launchChromium } = await import('../../cli/browser.ts');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/**
 * Opens a self-contained page at a phone's 360 px and as printed on A4 (703 px of content): nothing
 * fetched, no sideways scroll, Thai in a Thai font on the phone; `look` checks what it shows.
 */
export async function atPhoneAndA4(
  browser: Browser,
  page: string,
  look: (tab: Page, print: boolean) => Promise<void>,
): Promise<void> {
  expect(page).not.toMatch(/<script|<svg|src="http|href="http/i);
  for (const [width, print] of [
    [360, false],
    [703, true],
  ] as const) {
    const tab = await browser.newPage({ viewport: { width, height: 800 } });
    if (print) await tab.emulateMedia({ media: 'print' });
    await tab.setContent(page, { waitUntil: 'load' });
    expect(await tab.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    await look(tab, print);
    if (!print)
      for (const { text: t, fonts } of await thaiFonts(tab))
        expect([t, fonts.some((f) => THAI_FONT.test(f))]).toEqual([t, true]);
    await tab.close();
  }
}
