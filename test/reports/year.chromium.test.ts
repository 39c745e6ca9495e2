import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  batchGetFromWorkbook,
  checkBooks,
  formatBaht,
  renderYearMeeting,
  yearEnd,
} from '../../core/index.ts';
import { atPhoneAndA4, chromium, useBrowser } from '../helpers/chromium.ts';
import { runCli } from '../helpers/run-cli.ts';
import { handYear } from '../helpers/year-book.ts';

const browser = useBrowser();

describe.skipIf(chromium.skip)(
  "the annual meeting's page in real Chromium (issue 20; Debian: chromium, fonts-thai-tlwg)",
  () => {
    const year = yearEnd(checkBooks(handYear(), { asOf: '2027-01-15' }), 2026);
    const page = renderYearMeeting(year, 'กลุ่มปีทดสอบ', new Map([['M01', 'สมาชิก M01']]));

    it('fits a 360 px phone and an A4 page, in a Thai font, with the figures of the JSON', async () => {
      await atPhoneAndA4(browser(), page, async (tab) => {
        const figure = (key: string) => tab.locator(`[data-figure="${key}"]`).textContent();
        expect(await figure('profit.net')).toBe(formatBaht(year.profit.net));
        expect(await figure('pools.reserve')).toBe(formatBaht(year.pools.reserve));
        expect(await figure('totals.dividend')).toBe(formatBaht(year.totals.dividend));
        const text = (await tab.locator('body').textContent()) ?? '';
        expect(text).toContain('ปันผลร้อยละ 21.00 ต่อปี');
        expect(text).toContain('ประธานกลุ่ม / chair');
        expect(text).toContain('เหรัญญิก / treasurer');
      });
    });

    it('prints the page to an A4 PDF through the command users run', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sajja-meeting-'));
      const book = join(dir, 'year.json');
      writeFileSync(book, JSON.stringify(batchGetFromWorkbook(handYear())));
      const out = join(dir, 'meeting.pdf');
      const run = await runCli(
        'year-end',
        book,
        '--year',
        '2569',
        '--as-of',
        '2027-01-15',
        '--report',
        out,
        '--data-dir',
        dir,
      );
      expect(run.code, run.err).toBe(0);
      const pdf = readFileSync(out, 'latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf)!;
      expect(Math.round(Number(box[1]))).toBe(595);
    });
  },
);
