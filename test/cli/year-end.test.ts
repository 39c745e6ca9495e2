import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchGetFromWorkbook, checkBooks, yearEnd } from '../../core/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { handYear } from '../helpers/year-book.ts';

const dir = mkdtempSync(join(tmpdir(), 'sajja-year-'));
const path = join(dir, 'year.json');
writeFileSync(path, JSON.stringify(batchGetFromWorkbook(handYear())));

describe('sajja year-end (issue 20)', () => {
  it('prints SPEC §13’s JSON, the year asked in either calendar', async () => {
    const expected = yearEnd(checkBooks(handYear(), { asOf: '2027-01-15' }), 2026);
    for (const year of ['2026', '2569']) {
      const run = await runCli(
        'year-end',
        path,
        '--year',
        year,
        '--as-of',
        '2027-01-15',
        '--json',
        '--data-dir',
        dir,
      );
      expect(run.code, run.err).toBe(0);
      expect(JSON.parse(run.out)).toEqual(expected);
    }
  });

  it('reads aloud as the annual meeting hears it: Thai, baht, the rate a year, one line a member', async () => {
    const run = await runCli('year-end', path, '--year', '2569', '--as-of', '2027-01-15', '--data-dir', dir);
    expect(run.out).toContain('ปันผลและเฉลี่ยคืน ปีบัญชี 2569');
    expect(run.out).toContain('กำไรสุทธิ / net profit');
    expect(run.out).toMatch(/กำไรสุทธิ \/ net profit\s+2,000\.00/);
    expect(run.out).toContain('ปันผลร้อยละ 21.00 ต่อปี');
    expect(run.out).toMatch(/M01\s+210\.01\s+207\.61\s+211\.26\s+0\.00/);
    expect(run.out).toContain('M04');
    expect(run.out).toContain('ลาออกก่อนสิ้นปี / left');
    expect(run.out).toContain('ค้างชำระ ไม่ได้เฉลี่ยคืน');
  });

  it('says a year not yet ended, and refuses a year that is not one', async () => {
    const early = await runCli(
      'year-end',
      path,
      '--year',
      '2026',
      '--as-of',
      '2026-11-30',
      '--data-dir',
      dir,
    );
    expect(early.out).toContain('the year has not ended');
    const wrong = await runCli('year-end', path, '--year', 'last', '--data-dir', dir);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--year');
  });
});
