import { existsSync } from 'node:fs';
import { CliError } from './commands/command.ts';

/** Debian's Chromium (apt-get install chromium fonts-thai-tlwg), or SAJJA_CHROMIUM. */
export const CHROMIUM = process.env.SAJJA_CHROMIUM ?? '/usr/bin/chromium';

/** The flags a headless Chromium needs on a closed machine (../shared/STACK.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Starts Chromium through playwright-core; a missing browser is one clear line (exit 2). */
export async function launchChromium() {
  if (!existsSync(CHROMIUM))
    throw new CliError('no_browser', {
      th: `ไม่พบ Chromium ที่ ${CHROMIUM} — ติดตั้งด้วย apt-get install chromium fonts-thai-tlwg (หรือกำหนด SAJJA_CHROMIUM)`,
      en: `no Chromium at ${CHROMIUM} — apt-get install chromium fonts-thai-tlwg (or set SAJJA_CHROMIUM)`,
    });
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page printed to PDF by Chromium (A4 or A5), the fonts of the machine shaping the Thai. */
export async function printPdf(pageHtml: string, paper: 'A4' | 'A5'): Promise<Buffer> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(pageHtml, { waitUntil: 'load' });
    return await page.pdf({ format: paper, printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
