import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Workbook } from '../../core/index.ts';
import { batchGetFromWorkbook } from '../../core/sources/batchget.ts';
import { runCli } from '../helpers/run-cli.ts';
import { addRow, rowsOf, setCell, smallBook } from '../helpers/small-book.ts';

const dir = mkdtempSync(join(tmpdir(), 'sajja-closed-'));
const dataDir = join(dir, 'data');
const save = (wb: Workbook, name: string) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(batchGetFromWorkbook(wb)));
  return path;
};
const closedBook = () => {
  const wb = smallBook();
  rowsOf(wb, 'settings').push(['ปิดบัญชีถึงเดือน (closed_through)', '2026-07']);
  return wb;
};

describe('a closed month edited after it was archived', () => {
  it('becomes a new version and W_CLOSED_PERIOD_CHANGED at the changed cells', async () => {
    const archived = await runCli(
      'archive',
      save(closedBook(), 'v1.json'),
      '--month',
      '2026-07',
      '--data-dir',
      dataDir,
      '--json',
    );
    expect(JSON.parse(archived.out)).toMatchObject({ month: '2026-07', version: 1, created: true });

    // untouched: the check is clean
    const clean = await runCli(
      'check',
      save(closedBook(), 'same.json'),
      '--as-of',
      '2026-11-26',
      '--data-dir',
      dataDir,
      '--json',
    );
    expect(JSON.parse(clean.out).findings).toEqual([]);

    const edited = closedBook();
    setCell(edited, 'savings', 2, 'amount', 120); // was 100
    setCell(edited, 'remittances', 2, 'amount', '170.50'); // keeps the books balanced
    addRow(edited, 'other', { date: '30/7/2569', type: 'รายรับ', category: 'เงินบริจาค', amount: 0.5 });
    // 20 more collected and remitted, 0.50 donated: every later cash count is 20.50 higher
    setCell(edited, 'counts', 2, 'balance', '3,001.00');
    setCell(edited, 'counts', 4, 'balance', '3,141.00');
    setCell(edited, 'counts', 5, 'balance', '3,250.00');
    setCell(edited, 'counts', 6, 'balance', '3,358.00');
    const path = save(edited, 'v2.json');

    const check = await runCli('check', path, '--as-of', '2026-11-26', '--data-dir', dataDir, '--json');
    const findings = JSON.parse(check.out).findings.map(
      (f: { code: string; sheet: string; cell: string }) => [f.code, f.sheet, f.cell],
    );
    expect(findings).toEqual([
      ['W_CLOSED_PERIOD_CHANGED', 'savings', 'D2'],
      ['W_CLOSED_PERIOD_CHANGED', 'remittances', 'C2'],
      ['W_CLOSED_PERIOD_CHANGED', 'other', 'A4'],
      ['W_CLOSED_PERIOD_CHANGED', 'counts', 'C2'],
    ]);

    const diff = await runCli('diff', path, '--month', '2026-07', '--data-dir', dataDir, '--json');
    expect(diff.code).toBe(1);
    const changes = JSON.parse(diff.out).changes.map(
      (c: { sheet: string; row: number; kind: string; cells: { cell: string }[] }) => [
        c.sheet,
        c.row,
        c.kind,
        c.cells.map((cell) => cell.cell),
      ],
    );
    expect(changes).toEqual([
      ['counts', 2, 'changed', ['C2']],
      ['other', 4, 'added', []],
      ['remittances', 2, 'changed', ['C2']],
      ['savings', 2, 'changed', ['D2']],
    ]);

    // the text says what a removed row held, so it can be typed back (issue 17)
    const gone = closedBook();
    rowsOf(gone, 'savings').splice(1, 1);
    const text = await runCli('diff', save(gone, 'gone.json'), '--month', '2026-07', '--data-dir', dataDir);
    expect(text.out).toContain('savings row 2: ลบ / removed');
    expect(text.out).toContain('2 ก.ค. 2569 · M1 · ฝาก · 100.00');
    expect(text.out).toContain('2026-07-02 · M1 · deposit · 100.00');

    const again = await runCli('archive', path, '--month', '2026-07', '--data-dir', dataDir, '--json');
    expect(JSON.parse(again.out)).toMatchObject({ version: 2, created: true });
    const history = await runCli('history', 'g1', '--data-dir', dataDir, '--json');
    expect(JSON.parse(history.out).map((c: { version: number }) => c.version)).toEqual([1, 2]);
    const verify = await runCli('verify', 'g1', '--data-dir', dataDir);
    expect(verify.code).toBe(0);
    expect(verify.out).toContain('chain intact: 2 snapshots');
  });

  it('archives a month with mistakes as it is, and says so', async () => {
    const wb = closedBook();
    setCell(wb, 'savings', 2, 'member_id', 'M404');
    const { code, out, err } = await runCli(
      'archive',
      save(wb, 'mistake.json'),
      '--month',
      '2026-07',
      '--data-dir',
      join(dir, 'other'),
    );
    // archived as it was, and exit 1 says the month's rows have errors (one line says why)
    expect(out).toContain('archived');
    expect(code).toBe(1);
    expect(err).toContain("exit 1: archived, but this month's rows have 1 error");
  });

  it('is not checked for months after closed_through, nor without an archive', async () => {
    const wb = closedBook();
    setCell(wb, 'savings', 2, 'amount', 999);
    const other = join(dir, 'no-archive-here');
    const { out } = await runCli(
      'check',
      save(wb, 'x.json'),
      '--as-of',
      '2026-11-26',
      '--data-dir',
      other,
      '--json',
    );
    expect(JSON.parse(out).findings.map((f: { code: string }) => f.code)).not.toContain(
      'W_CLOSED_PERIOD_CHANGED',
    );
  });
});

describe('a closed month is more than its rows (issue 9, class 5)', () => {
  const archived = async (name: string) => {
    const data = join(dir, name);
    await runCli('archive', save(closedBook(), `${name}.json`), '--month', '2026-07', '--data-dir', data);
    return data;
  };
  const closedFindings = async (wb: Workbook, data: string) =>
    JSON.parse(
      (await runCli('check', save(wb, 'after.json'), '--as-of', '2026-11-26', '--data-dir', data, '--json'))
        .out,
    ).findings.filter((f: { code: string }) => f.code === 'W_CLOSED_PERIOD_CHANGED');

  it('names the household cell when a household moved to another sub-group', async () => {
    const data = await archived('moved');
    const wb = closedBook();
    addRow(wb, 'subgroups', { subgroup_id: 'SG2', name: 'กลุ่มย่อย 2', head_member_id: 'M2' });
    setCell(wb, 'households', 3, 'subgroup_id', 'SG2'); // H2 (M2's household) moves to SG2
    const findings = await closedFindings(wb, data);
    expect(findings.map((f: { sheet: string; cell: string }) => [f.sheet, f.cell])).toContainEqual([
      'households',
      'B3',
    ]);
    const moved = findings.find((f: { cell: string }) => f.cell === 'B3');
    expect(moved).toMatchObject({ month: '2026-07', before: '"SG1"', after: '"SG2"' });
    expect(moved.message.en).toContain('sub-group members’ savings SG1 130.50 → 100.00');
    // Thai on the Thai line, and no raw keys (`subgroups[SG1].member_savings`) in either
    expect(moved.message.th).toContain('เงินออมของกลุ่มย่อย SG1 130.50 → 100.00');
    expect(moved.message.th).toContain('รหัสกลุ่มย่อย (subgroup_id)');
    for (const text of [moved.message.th, moved.message.en]) expect(text).not.toMatch(/\w+\[\w+\]\.\w+/);
  });

  it('names the settings cell when the opening cash changed', async () => {
    const data = await archived('opening');
    const wb = closedBook();
    setCell(wb, 'settings', 5, 'value', '6,000');
    const findings = await closedFindings(wb, data);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      sheet: 'settings',
      cell: 'B5',
      before: '5,000.00',
      after: '6,000.00',
    });
    expect(findings[0].message.th).toContain('เงินสด 2,980.50 → 3,980.50');
    expect(findings[0].message.th).toContain('เงินสดยกมา (opening_cash)');
    expect(findings[0].message.en).toContain('cash 2,980.50 → 3,980.50');
  });

  it('blames the household that moved, never the phone edited in the same save (issue 17)', async () => {
    const data = await archived('moved-and-phone');
    const wb = closedBook();
    addRow(wb, 'subgroups', { subgroup_id: 'SG2', name: 'กลุ่มย่อย 2', head_member_id: 'M2' });
    setCell(wb, 'households', 3, 'subgroup_id', 'SG2');
    setCell(wb, 'members', 2, 'phone', '081-234-5678');
    const findings = await closedFindings(wb, data);
    const cells = findings.map((f: { sheet: string; cell: string | null }) => [f.sheet, f.cell]);
    expect(cells).toContainEqual(['households', 'B3']);
    expect(cells.filter(([sheet]: [string]) => sheet === 'members')).toEqual([]);
  });

  it('stays quiet when a change does not move the closed month’s figures (a phone number)', async () => {
    const data = await archived('phone');
    const wb = closedBook();
    setCell(wb, 'members', 2, 'phone', '081-234-5678');
    expect(await closedFindings(wb, data)).toEqual([]);
  });
});

describe('the archive is the truth, whatever closed_through says (issue 19, point 9)', () => {
  it('compares an archived month after closed_through, and says the cell is behind the archive', async () => {
    const data = join(dir, 'truth');
    const archived = await runCli(
      'archive',
      save(closedBook(), 't1.json'),
      '--month',
      '2026-07',
      '--data-dir',
      data,
    );
    expect(archived.code, archived.err).toBe(0);
    // someone moves closed_through back, then edits July
    const back = smallBook();
    rowsOf(back, 'settings').push(['ปิดบัญชีถึงเดือน (closed_through)', '2026-05']);
    setCell(back, 'savings', 2, 'amount', 120);
    const check = await runCli(
      'check',
      save(back, 't2.json'),
      '--as-of',
      '2026-11-26',
      '--data-dir',
      data,
      '--json',
    );
    const findings = JSON.parse(check.out).findings as { code: string; cell: string; month?: string }[];
    expect(findings.filter((f) => f.code === 'W_CLOSED_PERIOD_CHANGED').length).toBeGreaterThan(0);
    const behind = findings.find((f) => f.code === 'W_CLOSED_THROUGH_BEHIND');
    expect(behind).toMatchObject({ sheet: 'settings', month: '2026-07', value: '2026-05' });
    expect(behind!.cell).toMatch(/^B\d+$/);
    // with no closed_through at all, archived months are still compared
    const none = smallBook();
    setCell(none, 'savings', 2, 'amount', 120);
    const plain = await runCli(
      'check',
      save(none, 't3.json'),
      '--as-of',
      '2026-11-26',
      '--data-dir',
      data,
      '--json',
    );
    const codes = (JSON.parse(plain.out).findings as { code: string }[]).map((f) => f.code);
    expect(codes).toContain('W_CLOSED_PERIOD_CHANGED');
    expect(codes).toContain('W_CLOSED_THROUGH_BEHIND');
  });
});
