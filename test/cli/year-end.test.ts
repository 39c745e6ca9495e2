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

describe('the year-end tab (issue 20)', () => {
  const out = join(dir, 'with-rows.json');
  const asOf = ['--as-of', '2027-01-15', '--data-dir', dir] as const;

  it('writes the rows with --out, which then check clean and close the year into reserve and funds', async () => {
    const run = await runCli(
      'year-end',
      path,
      '--year',
      '2569',
      '--out',
      out,
      '--date',
      '2027-01-10',
      ...asOf,
    );
    expect(run.code, run.err).toBe(0);
    const { loadWorkbook } = await import('../../cli/sources/load-workbook.ts');
    const filled = await loadWorkbook(out);
    const tab = filled.tabs.find((t) => t.name.endsWith('(year_end)'))!;
    expect(tab.rows.length).toBe(1 + 8); // every member owed something: 8 of the 10
    const checked = checkBooks(filled, { asOf: '2027-01-15' });
    expect(checked.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([]);
    for (const e of checked.journal.entries) expect(e.postings.reduce((s, p) => s + p.amount, 0)).toBe(0);
    const balance = (account: string) =>
      checked.journal.entries
        .flatMap((e) => e.postings)
        .filter((p) => p.account === account)
        .reduce((s, p) => s + p.amount, 0);
    expect(balance('equity:profit:2026')).toBe(0);
    expect(balance('equity:reserve')).toBe(-20_003);
    expect(balance('fund:committee')).toBe(-20_000);
    // the welfare fund: 300 contributed − 200 paid + 20,000 from the profit (satang: 30,000 − 20,000 + 20,000)
    expect(balance('fund:welfare')).toBe(-(30_000 - 20_000 + 20_000));
    // M06's sajja: 1,000 baht + 210.01 dividend + 400.00 refund
    expect(balance('savings:M06')).toBe(-(100_000 + 21_001 + 40_000));
    expect(balance('income:interest')).toBe(0);
  });

  it('says at the cell what the bylaws give when a row differs, and names a member with no row', async () => {
    const { loadWorkbook } = await import('../../cli/sources/load-workbook.ts');
    const filled = await loadWorkbook(out);
    const tab = filled.tabs.find((t) => t.name.endsWith('(year_end)'))!;
    const m01 = tab.rows.findIndex((r) => r[2] === 'M01');
    tab.rows[m01]![3] = 220; // 210.01 is due
    const m02 = tab.rows.findIndex((r) => r[2] === 'M02');
    tab.rows.splice(m02, 1);
    const findings = checkBooks(filled, { asOf: '2027-01-15' }).findings.filter(
      (f) => f.code === 'E_YEAR_END_DIFFERS',
    );
    expect(findings.map((f) => [f.cell, f.member_id, f.expected, f.actual])).toEqual([
      [null, 'M02', 10_586, 0],
      [`D${m01 + 1}`, 'M01', 21_001, 22_000],
    ]);
    expect(findings[1]!.message.th).toContain('ควรเป็น 210.01 บาท');
  });

  it('warns of a year with a profit not shared out after 60 days, and of a year ended in a loss', async () => {
    const late = checkBooks(handYear(), { asOf: '2027-03-15' }).findings.map((f) => f.code);
    expect(late).toContain('W_YEAR_NOT_ALLOCATED');
    expect(checkBooks(handYear(), { asOf: '2027-02-15' }).findings.map((f) => f.code)).not.toContain(
      'W_YEAR_NOT_ALLOCATED',
    );
    const losing = handYear();
    const other = losing.tabs.find((t) => t.name.endsWith('(other)'))!;
    other.rows.push([other.rows[2]![0], 'รายจ่าย', 'ค่าซ่อม', 5000]);
    const loss = checkBooks(losing, { asOf: '2027-03-15' }).findings.find((f) => f.code === 'W_YEAR_LOSS');
    expect(loss).toMatchObject({ date: '2026-12-31', amount: 300_000 });
  });
});

describe('spending from the year-end funds (issue 20)', () => {
  it("pays a committee expense from the committee's fund, never the year's profit, and says when the fund runs dry", async () => {
    const out = join(dir, 'funds.json');
    const made = await runCli(
      'year-end',
      path,
      '--year',
      '2569',
      '--out',
      out,
      '--date',
      '2027-01-10',
      '--as-of',
      '2027-01-15',
      '--data-dir',
      dir,
    );
    expect(made.code, made.err).toBe(0);
    const { loadWorkbook } = await import('../../cli/sources/load-workbook.ts');
    const book = await loadWorkbook(out);
    const other = book.tabs.find((t) => t.name.endsWith('(other)'))!;
    const row = (date: string, amount: number) => {
      const r: (string | number | null)[] = new Array(other.rows[0]!.length).fill(null);
      r[0] = date;
      r[1] = 'รายจ่าย';
      r[2] = 'ค่าตอบแทนกรรมการ';
      r[3] = amount;
      return r;
    };
    other.rows.push(row('12/1/2570', 150));
    const checked = checkBooks(book, { asOf: '2027-01-15' });
    const balance = (account: string) =>
      checked.journal.entries
        .flatMap((e) => e.postings)
        .filter((p) => p.account === account)
        .reduce((s, p) => s + p.amount, 0);
    expect(balance('fund:committee')).toBe(-(20_000 - 15_000));
    expect(balance('expense:ค่าตอบแทนกรรมการ')).toBe(0);
    expect(checked.findings.filter((f) => f.severity === 'error')).toEqual([]);
    other.rows.push(row('13/1/2570', 100));
    const dry = checkBooks(book, { asOf: '2027-01-15' }).findings.find(
      (f) => f.code === 'E_NEGATIVE_BALANCE',
    );
    expect(dry).toMatchObject({ account: 'committee', balance: -5_000 });
    expect(dry!.message.th).toContain('กองทุนค่าตอบแทนกรรมการติดลบ');
  });
});

describe('the year in the chain (issue 20)', () => {
  it('archives the year as a snapshot of its own, quiet when unchanged, and catches a changed row or figure', async () => {
    const data = join(dir, 'chain');
    const shared = join(dir, 'chain-rows.json');
    const base = ['--year', '2569', '--as-of', '2027-01-15', '--data-dir', data] as const;
    expect((await runCli('year-end', path, ...base, '--out', shared, '--date', '2027-01-10')).code).toBe(0);
    const first = await runCli('year-end', shared, ...base, '--archive');
    expect(first.code, first.err).toBe(0);
    expect(first.err).toContain('year archived: 2026-year v1');
    const again = await runCli('year-end', shared, ...base, '--archive');
    expect(again.err).toContain('already archived, unchanged');
    const history = await runCli('history', 'year-test', '--data-dir', data);
    expect(history.out).toContain('ปีบัญชี 2569 (2026-year) v1');
    expect((await runCli('verify', 'year-test', '--data-dir', data)).code).toBe(0);
    // unchanged: the check is quiet about it
    const quiet = await runCli('check', shared, '--as-of', '2027-01-15', '--data-dir', data, '--json');
    expect(
      JSON.parse(quiet.out).findings.filter((f: { code: string }) => f.code === 'W_CLOSED_PERIOD_CHANGED'),
    ).toEqual([]);
    // a row changed after the meeting
    const { loadWorkbook } = await import('../../cli/sources/load-workbook.ts');
    const edited = await loadWorkbook(shared);
    const tab = edited.tabs.find((t) => t.name.endsWith('(year_end)'))!;
    const m01 = tab.rows.findIndex((r) => r[2] === 'M01');
    tab.rows[m01]![3] = 300;
    const changedPath = join(dir, 'chain-edited.json');
    writeFileSync(changedPath, JSON.stringify(batchGetFromWorkbook(edited)));
    const changed = await runCli('check', changedPath, '--as-of', '2027-01-15', '--data-dir', data, '--json');
    const found = JSON.parse(changed.out).findings.filter(
      (f: { code: string }) => f.code === 'W_CLOSED_PERIOD_CHANGED',
    );
    expect(found.map((f: { cell: string; month: string }) => [f.cell, f.month])).toEqual([
      [`D${m01 + 1}`, '2026-year'],
    ]);
    // the rows as archived, but a bylaw changed: the year's figures moved
    const rules = await loadWorkbook(shared);
    rules.tabs.find((t) => t.name.endsWith('(rules)'))!.rows.push(['dividend_max_rate', 5]);
    const rulesPath = join(dir, 'chain-rules.json');
    writeFileSync(rulesPath, JSON.stringify(batchGetFromWorkbook(rules)));
    const moved = await runCli('check', rulesPath, '--as-of', '2027-01-15', '--data-dir', data, '--json');
    const figures = JSON.parse(moved.out).findings.filter(
      (f: { code: string }) => f.code === 'W_CLOSED_PERIOD_CHANGED',
    );
    expect(figures).toHaveLength(1);
    expect(figures[0].message.en).toContain('the 2026 year-end is archived, but its figures moved');
  });
});

describe('the example has its bylaws and a finished year (issue 20)', () => {
  it('holds the year-end rows the bylaws give for 2569, and its four months are as before', async () => {
    const { EXAMPLE_WORKBOOK } = await import('../../cli/main.ts');
    const { loadWorkbook } = await import('../../cli/sources/load-workbook.ts');
    const book = checkBooks(await loadWorkbook(EXAMPLE_WORKBOOK), { asOf: '2026-11-01' });
    expect(book.book.rules).toMatchObject({ fiscal_year_end: '10-31', allocation_preset: 'cooperative' });
    const year = yearEnd(book, 2569);
    expect(year.profit.net).toBeGreaterThan(0);
    const rows = (book.book.tables.get('year_end') ?? []).filter((r) => r.record);
    expect(rows.length).toBe(year.members.filter((m) => m.dividend.daily + m.interest_refund > 0).length);
    expect(rows.every((r) => r.record!.date === '2026-11-01')).toBe(true);
    expect(book.findings).toEqual([]);
  });
});

describe('generated books hold a year shared out (issue 20)', () => {
  it('writes the rows of each fiscal year the books span, and the book checks clean', async () => {
    const { generateWorkbook } = await import('../../cli/generate/generate-workbook.ts');
    const wb = generateWorkbook({
      groupId: 'gen-year',
      groupName: 'ปีตัวอย่าง',
      households: 10,
      months: 14,
      start: '2025-01',
      seed: 3,
      products: true,
    });
    const checked = checkBooks(wb, { asOf: '2026-02-28' });
    expect(checked.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([]);
    const rows = (checked.book.tables.get('year_end') ?? []).filter((r) => r.record);
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows.map((r) => r.record!.fiscal_year))).toEqual(new Set([2025]));
    const year = yearEnd(checked, 2025);
    expect(rows.reduce((s, r) => s + r.record!.dividend, 0)).toBe(year.totals.dividend);
    const shares = checked.journal.entries
      .flatMap((e) => e.postings)
      .filter((p) => p.account.startsWith('products:shares:'));
    expect(shares.length).toBeGreaterThan(0);
  });
});
