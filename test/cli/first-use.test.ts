import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_WORKBOOK } from '../../cli/main.ts';
import { displayWidth } from '../../cli/text/columns.ts';
import type { Workbook } from '../../core/index.ts';
import { batchGetFromWorkbook } from '../../core/sources/batchget.ts';
import { runCli } from '../helpers/run-cli.ts';
import { addRow, rowsOf, setCell, smallBook } from '../helpers/small-book.ts';

const dir = mkdtempSync(join(tmpdir(), 'sajja-first-'));
const save = (wb: Workbook, name: string) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(batchGetFromWorkbook(wb)));
  return path;
};
const AS_OF = '2026-11-26';

/** The small book with one row left out (a bad amount) and one posted with an error (overdrawn). */
function bookWithErrorRows(): Workbook {
  const wb = smallBook();
  setCell(wb, 'savings', 2, 'amount', '1O0'); // M1's deposit: a cell error, left out
  // M2 has 30.50 left after the withdrawal of 20 July: 40 takes the passbook to −9.50
  addRow(wb, 'savings', { date: '21/7/2569', member_id: 'M2', type: 'ถอน', amount: 40, receipt_no: 'S9' });
  return wb;
}

describe('one rule for rows with errors, said out loud (issue 7, class 1)', () => {
  it('every row left out is absent everywhere; every posted row with an error is marked wherever it is shown', async () => {
    const path = save(bookWithErrorRows(), 'rows.json');
    const check = JSON.parse((await runCli('check', path, '--as-of', AS_OF, '--json')).out);
    expect(check.books.left_out).toContainEqual({ sheet: 'savings', row: 2 });
    expect(check.books.posted_with_errors).toContainEqual({
      sheet: 'savings',
      row: 5,
      codes: ['E_SAVINGS_OVERDRAWN'],
    });
    const text = (await runCli('check', path, '--as-of', AS_OF)).out;
    expect(text).toMatch(/left out of the books until fixed: \d+ แถว \/ rows\n {2}เงินออม \(savings\): 2/);
    expect(text).toMatch(
      /in the books, with errors \(the money did move\): 1 แถว \/ rows\n {2}เงินออม \(savings\): 5 \(E_SAVINGS_OVERDRAWN\)/,
    );

    // the left-out deposit (100 baht by M1) is in no view; the overdrawing withdrawal is, marked
    const m1 = JSON.parse((await runCli('passbook', path, '--member', 'M1', '--as-of', AS_OF, '--json')).out);
    expect(m1.savings.map((l: { row: number }) => l.row)).not.toContain(2);
    expect(m1.left_out).toEqual([{ sheet: 'savings', row: 2 }]);
    const m2 = JSON.parse((await runCli('passbook', path, '--member', 'M2', '--as-of', AS_OF, '--json')).out);
    const overdrawn = m2.savings.find((l: { row: number }) => l.row === 5);
    expect(overdrawn.errors).toEqual(['E_SAVINGS_OVERDRAWN']);
    expect(m2.savings.filter((l: { errors: string[] }) => l.errors.length > 0)).toHaveLength(1);
    const m2Text = (await runCli('passbook', path, '--member', 'M2', '--as-of', AS_OF)).out;
    expect(m2Text).toMatch(/ถอน \/ withdrawal\s+40\.00\s+-9\.50 {2}✗ E_SAVINGS_OVERDRAWN/);

    const july = JSON.parse(
      (await runCli('summary', path, '--month', '2026-07', '--as-of', AS_OF, '--json')).out,
    );
    expect(july.savings.deposits).toBe(5_050); // M2's 50.50 only: M1's refused 100 is not counted
    expect(july.savings.withdrawals).toBe(2_000 + 4_000); // the overdrawing withdrawal did take the cash

    const ledger = (await runCli('export', path, '--format', 'hledger', '--as-of', AS_OF)).out;
    expect(ledger).toContain('; left out of the books (has errors): savings row 2');
    expect(ledger).not.toMatch(/deposit \(savings row 2\)/);
    expect(ledger).toMatch(/2026-07-21 ! withdrawal \(savings row 5\) {2}; errors: E_SAVINGS_OVERDRAWN/);

    const wb = bookWithErrorRows();
    setCell(wb, 'household_accounts', 2, 'amount', 'หกพัน');
    const household = JSON.parse(
      (await runCli('household', save(wb, 'hh.json'), '--household', 'H1', '--as-of', AS_OF, '--json')).out,
    );
    expect(household.left_out).toEqual([{ sheet: 'household_accounts', row: 2 }]);
    expect(household.months[0].income).toBe(0); // the refused 6,000 of income is not counted
  });
});

describe('months with a Buddhist year (issue 7, class 5) and impossible months (class 6)', () => {
  it('reads --month 2569-07 as 2026-07 in summary', async () => {
    const path = save(smallBook(), 'be.json');
    const a = JSON.parse(
      (await runCli('summary', path, '--month', '2569-07', '--as-of', AS_OF, '--json')).out,
    );
    const b = JSON.parse(
      (await runCli('summary', path, '--month', 'ก.ค. 2569', '--as-of', AS_OF, '--json')).out,
    );
    expect(a.month).toBe('2026-07');
    expect(b).toEqual(a);
  });

  it.each([
    ['2099-12', 'has not come yet'],
    ['2026-05', 'before the opening date'],
  ])('refuses to archive %s (exit 2) and writes nothing', async (month, why) => {
    const dataDir = join(dir, `impossible-${month}`);
    const { code, err } = await runCli(
      'archive',
      save(smallBook(), 'imp.json'),
      '--month',
      month,
      '--data-dir',
      dataDir,
    );
    expect(code).toBe(2);
    expect(err).toContain(why);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('archives --month 2569-09 as 2026-09', async () => {
    const dataDir = join(dir, 'be-archive');
    const { out } = await runCli(
      'archive',
      save(smallBook(), 'be9.json'),
      '--month',
      '2569-09',
      '--data-dir',
      dataDir,
      '--json',
    );
    expect(JSON.parse(out).month).toBe('2026-09');
  });

  it('reads closed_through written as ส.ค. 2569 or 8/2569', async () => {
    for (const written of ['ส.ค. 2569', '8/2569']) {
      const wb = smallBook();
      rowsOf(wb, 'settings').push(['closed_through', written]);
      const { out } = await runCli('check', save(wb, 'closed.json'), '--as-of', AS_OF, '--json');
      expect(JSON.parse(out).findings).toEqual([]);
    }
  });
});

describe('Thai text a treasurer reads (issue 7, classes 13, 14, 16)', () => {
  it('writes dates in Thai sentences in the Buddhist Era, ISO in JSON', async () => {
    const wb = smallBook();
    setCell(wb, 'savings', 2, 'date', '20/12/2569');
    const path = save(wb, 'dates.json');
    const text = (await runCli('check', path, '--as-of', AS_OF)).out;
    expect(text).toContain('วันที่ (date) 20 ธ.ค. 2569 อยู่หลังวันนี้ (26 พ.ย. 2569)');
    // no ISO date in a Thai message line (the English line beneath keeps ISO)
    const thaiLines = text.split('\n').filter((l) => /^ {2}[✗⚠] /.test(l));
    expect(thaiLines.length).toBeGreaterThan(0);
    for (const line of thaiLines) expect(line).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const json = JSON.parse((await runCli('check', path, '--as-of', AS_OF, '--json')).out);
    expect(json.findings[0]).toMatchObject({ value: '2026-12-20', limit_date: '2026-11-26' });
  });

  it('gives every category a Thai label in the summary (no key with nothing after it)', async () => {
    const { out } = await runCli('summary', EXAMPLE_WORKBOOK, '--month', '2026-10', '--as-of', '2026-11-01');
    expect(out).toContain('เหล้าบุหรี่ (alcohol_tobacco)');
    expect(out).not.toMatch(/alcohol_tobacco \/ *\n/);
  });

  it('lines up columns by display width (Thai marks take no column)', async () => {
    const { out } = await runCli('summary', EXAMPLE_WORKBOOK, '--month', '2026-10', '--as-of', '2026-11-01');
    // lines with one figure: a label (Thai / English), then the amount at the right
    const all = out.split('\n');
    const held = all.find((l) => l.includes('held by sub-group heads'))!;
    const lines = all.filter((l) => l !== held && /^ {2}\S[^\d]* {2,}-?[\d,]+\.\d\d$/.test(l));
    expect(lines.length).toBeGreaterThan(10);
    const widths = new Set(lines.map((l) => displayWidth(l)));
    expect([...widths]).toHaveLength(1);
    expect(displayWidth('ที่')).toBe(1);
    // what heads hold at the month's end is a closing figure: it ends where the cash's closing does,
    // and the balances heading ends there too (issue 17)
    const cash = all.find((l) => l.includes('/ cash '))!;
    const heading = all.find((l) => l.includes('สิ้นเดือน/closing'))!;
    expect(displayWidth(held)).toBe(displayWidth(cash));
    expect(displayWidth(heading)).toBe(displayWidth(cash));
    // lines holding SARA AM line up with the others
    expect(lines.some((l) => l.includes('ำ'))).toBe(true);
  });
});

describe('the command line (issue 7, classes 20–25)', () => {
  it('checks several workbooks, one result each and a line for all, exit status of the worst', async () => {
    const clean = save(smallBook(), 'n1.json');
    const bad = smallBook();
    setCell(bad, 'savings', 2, 'amount', '1O0');
    const withErrors = save(bad, 'n2.json');
    writeFileSync(join(dir, 'n3.json'), 'not json');
    const many = await runCli('check', clean, withErrors, '--as-of', AS_OF);
    expect(many.code).toBe(1);
    expect(many.out).toContain('2 workbooks: 1 without errors · 1 with errors · 0 unusable');
    const worst = await runCli('check', clean, withErrors, join(dir, 'n3.json'), '--as-of', AS_OF, '--json');
    expect(worst.code).toBe(2);
    const results = JSON.parse(worst.out);
    expect(
      results.map((r: { file: string; ok?: boolean; error?: unknown }) => [
        r.file.slice(-7),
        r.ok ?? 'error',
      ]),
    ).toEqual([
      ['n1.json', true],
      ['n2.json', false],
      ['n3.json', 'error'],
    ]);
  });

  it('says an unknown group is unknown, and lists the groups the archive holds', async () => {
    const dataDir = join(dir, 'groups');
    await runCli('archive', save(smallBook(), 'g.json'), '--month', '2026-07', '--data-dir', dataDir);
    const verify = await runCli('verify', 'nosuch', '--data-dir', dataDir);
    expect(verify.code).toBe(2);
    expect(verify.err).toContain('no group "nosuch" in the archive');
    const groups = JSON.parse((await runCli('groups', '--data-dir', dataDir, '--json')).out);
    expect(groups.groups).toEqual([
      expect.objectContaining({ group_id: 'g1', snapshots: 1, last_month: '2026-07' }),
    ]);
  });

  it('never creates an archive for a read-only command (a mistyped --data-dir)', async () => {
    const typo = join(dir, 'typo');
    const { code, err } = await runCli('history', 'g1', '--data-dir', typo);
    expect(code).toBe(2);
    expect(err).toContain('no archive at');
    expect(existsSync(typo)).toBe(false);
  });

  it('prints JSON for failures with --json, so scripts never get an empty file', async () => {
    const cases = [
      ['check', join(dir, 'missing.xlsx'), '--json'],
      ['summary', EXAMPLE_WORKBOOK, '--json'],
      ['check', EXAMPLE_WORKBOOK, '--json', '--bogus'],
    ];
    for (const argv of cases) {
      const { code, out } = await runCli(...argv);
      expect(code).toBe(2);
      const { error } = JSON.parse(out);
      expect(error.code).toMatch(/^(usage|unusable_workbook|file)$/);
      expect(error.message.th).toBeTruthy();
      expect(error.message.en).toBeTruthy();
    }
  });

  it('suggests the nearest flag and answers --version and help <command>, in Thai and English', async () => {
    const typo = await runCli('check', EXAMPLE_WORKBOOK, '--jsn');
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('ไม่รู้จักตัวเลือกนี้ — หมายถึง --json หรือไม่?');
    expect(typo.err).toContain('(Did you mean --json?)');
    const version = await runCli('--version');
    expect(version.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await runCli('help', 'archive');
    expect(help.out).toContain('Usage: sajja archive');
  });

  it('ends quietly when the reader of its output stops (| head)', () => {
    const bin = join(import.meta.dirname, '../../bin/sajja.js');
    const piped = spawnSync(
      'bash',
      [
        '-c',
        `node "${bin}" export "${EXAMPLE_WORKBOOK}" --format hledger --as-of 2026-11-01 | head -1 >/dev/null; echo "node exit \${PIPESTATUS[0]}" >&2`,
      ],
      { encoding: 'utf8' },
    );
    expect(piped.stderr).not.toContain('EPIPE');
    expect(piped.stderr).not.toMatch(/\n\s+at /);
    expect(piped.stderr).toContain('node exit 0');
  });

  it('refuses file problems in one line, never a stack trace', async () => {
    const missing = await runCli('template', join(dir, 'no', 'such', 'folder', 't.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('create it first');
    const input = join(dir, 'in.json');
    writeFileSync(input, JSON.stringify(batchGetFromWorkbook(smallBook())));
    const over = await runCli('export', input, '--format', 'hledger', '--out', input, '--as-of', AS_OF);
    expect(over.code).toBe(2);
    expect(over.err).toContain('will not write over the input');
    expect(JSON.parse(readFileSync(input, 'utf8')).valueRanges).toBeDefined();
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const intoFolder = await runCli(
      'export',
      input,
      '--format',
      'hledger',
      '--out',
      folder,
      '--as-of',
      AS_OF,
    );
    expect(intoFolder.err).toContain('is a folder, not a file');
    for (const r of [missing, over, intoFolder]) expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('does not replace a file without --force', async () => {
    const path = join(dir, 'exists.xlsx');
    expect((await runCli('template', path)).code).toBe(0);
    const again = await runCli('template', path);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists — add --force');
    expect((await runCli('template', path, '--force')).code).toBe(0);
  });

  it('says why the status is 1 for every command that reads books', async () => {
    const wb = bookWithErrorRows();
    const path = save(wb, 'status.json');
    for (const argv of [
      ['check', path],
      ['summary', path, '--month', '2026-07'],
      ['passbook', path, '--member', 'M2'],
      ['household', path, '--household', 'H1'],
      ['export', path, '--format', 'hledger'],
    ]) {
      const { code, err } = await runCli(...argv, '--as-of', AS_OF);
      expect(code).toBe(1);
      expect(err).toMatch(/exit 1: the books have \d+ errors?/);
    }
  });

  it('finds the same archive from any folder: the per-user data folder, not the working folder', async () => {
    const home = join(dir, 'xdg');
    const env = { ...process.env, XDG_DATA_HOME: home, SAJJA_DATA_DIR: '' };
    const run = (cwd: string, ...args: string[]) =>
      spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/sajja.js'), ...args], {
        cwd,
        env,
        encoding: 'utf8',
      });
    const book = save(smallBook(), 'xdg.json');
    const archived = run(dir, 'archive', book, '--month', '2026-07');
    expect(archived.status).toBe(0);
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const history = run(elsewhere, 'history', 'g1');
    expect(history.stdout).toContain('history — g1: 1');
    expect(existsSync(join(home, 'sajja', 'dynamo'))).toBe(true);
    expect(existsSync(join(elsewhere, '.sajja'))).toBe(false);
  });

  it('tells when closed months could not be compared with the archive', async () => {
    const wb = smallBook();
    rowsOf(wb, 'settings').push(['closed_through', '2026-07']);
    const path = save(wb, 'noarchive.json');
    const { out } = await runCli('check', path, '--as-of', AS_OF, '--data-dir', join(dir, 'empty-archive'));
    expect(out).toContain('closed months not compared with the archive');
    const json = JSON.parse(
      (await runCli('check', path, '--as-of', AS_OF, '--data-dir', join(dir, 'empty'), '--json')).out,
    );
    expect(json.closed_check).toBe('no_archive');
  });
});
