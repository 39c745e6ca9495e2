import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_WORKBOOK } from '../../cli/main.ts';
import { loadWorkbook } from '../../cli/sources/load-workbook.ts';
import { readXlsx } from '../../cli/sources/xlsx.ts';
import { TABS } from '../../core/index.ts';
import { batchGetFromWorkbook } from '../../core/sources/batchget.ts';
import { runCli } from '../helpers/run-cli.ts';
import { setCell, smallBook } from '../helpers/small-book.ts';
import { sheetXml } from '../helpers/xlsx-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'sajja-cli-'));

describe('sajja CLI', () => {
  it.each(['check', 'template', 'generate', 'demo'])('%s --help prints its usage', async (command) => {
    const { code, out } = await runCli(command, '--help');
    expect(code).toBe(0);
    expect(out).toContain(`sajja ${command}`);
  });

  it.each([
    [['check'], 'missing required argument'],
    [['check', 'a.xlsx', '--bogus'], 'unknown option'],
    [['check', EXAMPLE_WORKBOOK, '--as-of', 'soon'], 'not a date'],
    [['template', 'out.txt'], '.xlsx'],
    [['frobnicate'], 'unknown command'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { code, err } = await runCli(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it("writes the batchGet JSON of an .xlsx: the API request's workbook (issue 17)", async () => {
    const out = join(dir, 'example.json');
    const { code } = await runCli('batchget', EXAMPLE_WORKBOOK, out, '--force');
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json).toEqual(
      JSON.parse(JSON.stringify(batchGetFromWorkbook(await loadWorkbook(EXAMPLE_WORKBOOK)))),
    );
    expect((await runCli('check', out, '--as-of', '2026-11-01')).code).toBe(0);
  });

  it('exits 2 on an unusable file', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"valueRanges": 5}');
    const { code, err } = await runCli('check', join(dir, 'bad.json'));
    expect(code).toBe(2);
    expect(err).toContain('unusable workbook');
  });

  it('says why a file is unusable in Thai on the Thai line, and "not found" when it is not there (issue 17)', async () => {
    const [th, en] = (await runCli('check', join(dir, 'nowhere.xlsx'))).err.trim().split('\n');
    expect(th).toBe(`ใช้ไฟล์นี้ไม่ได้: ไม่พบไฟล์ ${join(dir, 'nowhere.xlsx')}`);
    expect(en).toBe(`unusable workbook: ${join(dir, 'nowhere.xlsx')} not found`);
    writeFileSync(join(dir, 'text.xlsx'), 'hello');
    const [th2, en2] = (await runCli('check', join(dir, 'text.xlsx'))).err.trim().split('\n');
    expect(th2).toMatch(/^ใช้ไฟล์นี้ไม่ได้: ไม่ใช่ไฟล์ \.xlsx ที่อ่านได้/);
    expect(th2).not.toMatch(/not a readable/);
    expect(en2).toMatch(/^unusable workbook: not a readable \.xlsx file/);
  });

  it('prints findings grouped by tab in Thai and English', async () => {
    const json = {
      valueRanges: [
        {
          range: 'settings!A1:B4',
          values: [
            ['key', 'value'],
            ['group_id', 'g'],
            ['group_name', 'G'],
            ['opening_date', 'พรุ่งนี้'],
          ],
        },
        { range: 'subgroups!A1:B1', values: [['subgroup_id', 'head_member_id']] },
        { range: 'households!A1:C1', values: [['household_id', 'subgroup_id', 'head_name']] },
        {
          range: 'members!A1:D2',
          values: [
            ['member_id', 'name', 'household_id', 'joined_on'],
            ['M1', 'x', 'H1', '1/7/2569'],
          ],
        },
      ],
    };
    writeFileSync(join(dir, 'g.json'), JSON.stringify(json));
    const { code, out } = await runCli('check', join(dir, 'g.json'), '--as-of', '26/11/2569');
    expect(code).toBe(1);
    expect(out).toContain('ณ วันที่ 26 พ.ย. 2569 / as of 2026-11-26');
    expect(out).toContain('ตั้งค่า (settings)');
    expect(out).toContain('B4');
    expect(out).toContain('สมาชิก (members)');
    expect(out).toMatch(/C2 +E_UNKNOWN_REF/);
    expect(out).toContain('household_id "H1" is not in the households tab');
    expect(out).not.toContain('not in the books');
  });

  it('lists the money rows left out of the books until they are fixed', async () => {
    const wb = smallBook();
    setCell(wb, 'savings', 3, 'amount', '5O');
    setCell(wb, 'welfare', 2, 'type', 'ฝาก');
    writeFileSync(join(dir, 'excluded.json'), JSON.stringify(batchGetFromWorkbook(wb)));
    const { out } = await runCli('check', join(dir, 'excluded.json'), '--as-of', '2026-11-26');
    expect(out).toContain('left out of the books until fixed: 2');
    expect(out).toMatch(/เงินออม \(savings\): 3\n\s+สวัสดิการ \(welfare\): 2/);
  });

  it('demo checks, summarises and archives the example, and shows its history', async () => {
    const dataDir = join(dir, 'demo-data');
    const { code, out } = await runCli('demo', '--data-dir', dataDir);
    expect(code).toBe(0);
    expect(out).toContain('kamlon-m11');
    expect(out).toContain('ไม่พบข้อผิดพลาด / no errors, no warnings');
    expect(out).toContain('สรุปประจำเดือน ต.ค. 2569 / monthly summary — kamlon-m11 — 2026-10');
    expect(out).toContain('history — kamlon-m11: 4');
    expect(out).toContain('chain intact: 4 snapshots');
    // a second run archives nothing new
    expect((await runCli('demo', '--data-dir', dataDir)).out).toContain('already archived, unchanged');
  });

  it('writes the template: Thai tabs and headers, frozen header, dropdowns, instructions', async () => {
    const path = join(dir, 'template.xlsx');
    expect((await runCli('template', path)).code).toBe(0);
    const bytes = readFileSync(path);
    const back = await readXlsx(bytes);
    expect(back.tabs[0]!.name).toBe('วิธีใช้ (instructions)');
    const savingsTab = back.tabs.find((t) => t.name === 'เงินออม (savings)')!;
    expect(savingsTab.rows[0]).toContain('วันที่ (date)');
    const xml = await sheetXml(bytes);
    const savings = xml.get('เงินออม (savings)')!;
    expect(savings).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    // dropdowns cover 100,000 rows, not the first 2,000 (issue 7, class 18), nor the whole column,
    // which exceljs expands cell by cell on reading: the template took 235 s to open (issue 17)
    expect(savings).toMatch(
      /<dataValidation type="list"[^>]*sqref="C2:C100001"><formula1>&quot;ฝาก,ถอน&quot;/,
    );
    for (const sheet of xml.values())
      for (const [, end] of sheet.matchAll(/sqref="[A-Z]+\d+:[A-Z]+(\d+)"/g))
        expect(Number(end)).toBeLessThanOrEqual(100_001);
    // the instructions invite Thai digits: no money column warns on them (issue 17)
    for (const sheet of xml.values()) expect(sheet).not.toContain('type="decimal"');
    const household = xml.get('บัญชีครัวเรือน')!;
    // a category column offers the known words and still takes any text (no error message)
    expect(household).toMatch(
      /<dataValidation type="list" errorStyle="information" sqref="D2:D100001"><formula1>&quot;อาหาร,เหล้าบุหรี่,หวย/,
    );
    expect(xml.get('ตั้งค่า (settings)')!).toContain('<formula1>&quot;พุทธศักราช,คริสต์ศักราช&quot;</formula1>');
    for (const spec of TABS) {
      expect(back.tabs.some((t) => t.name === `${spec.th} (${spec.key})` || t.name === spec.th)).toBe(true);
    }

    // an empty template is structurally whole: only the settings it needs are missing
    const { out } = await runCli('check', path, '--as-of', '2026-11-26', '--json');
    const findings = JSON.parse(out).findings.map((f: { code: string; column: string }) => [
      f.code,
      f.column,
    ]);
    expect(findings).toEqual([
      ['E_REQUIRED', 'group_id'],
      ['E_REQUIRED', 'group_name'],
      ['E_REQUIRED', 'opening_date'],
    ]);
  });

  it('generates a workbook that checks clean, as .json and .xlsx', async () => {
    for (const name of ['gen.json', 'gen.xlsx']) {
      const path = join(dir, name);
      expect((await runCli('generate', path, '--households', '7', '--months', '2', '--seed', '5')).code).toBe(
        0,
      );
      const { code, out } = await runCli('check', path, '--as-of', '2026-09-01', '--json');
      expect(JSON.parse(out).counts).toEqual({ error: 0, warning: 0 });
      expect(code).toBe(0);
    }
  });
});
