/// <reference types="google-apps-script" />
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScript } from '../../apps-script/build.ts';
import { EXAMPLE_WORKBOOK } from '../../cli/main.ts';
import { loadWorkbook } from '../../cli/sources/load-workbook.ts';
import type { Workbook } from '../../core/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import type { FakeSheet } from './fake-apps-script.ts';
import { startSajjaServe } from './serve-process.ts';
import { edit, loadScript, tick, type VmScript } from './vm-script.ts';

/**
 * Issue 22, point 4: every action from a phone — the actions tab's checkboxes through the
 * installable edit trigger's path (each person's own, the holder's standing in), the findings tab
 * replaced on every full check, and wrong cells noted and coloured on edit. The bundle runs in
 * node:vm against the fake; no dialog can open in a trigger (the fake refuses getUi there).
 */
const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'apps-script/dist');
let bundle: string;
let example: Workbook;
beforeAll(async () => {
  bundle = readFileSync(await buildScript(), 'utf8');
  example = await loadWorkbook(EXAMPLE_WORKBOOK);
});

const NOV_2 = Date.UTC(2026, 10, 2, 3);
const HOLDER = 'treasurer@example.org';
const MEMBER = 'somsri@example.org';

/** The example, set up, with the treasurer's automation installed. */
function phoneBook(now = NOV_2): VmScript {
  const s = loadScript(bundle, DIST, example, now);
  s.env.session.user = HOLDER;
  s.call('sajjaSetUp');
  s.call('sajjaInstall');
  return s;
}
const actions = (s: VmScript) => s.ss.getSheetByName('สั่งงาน (actions)')!;
const findingsTab = (s: VmScript) => s.ss.getSheetByName('ผลการตรวจ (findings)')!;
const rowOf = (sheet: FakeSheet, key: string) =>
  sheet
    .getRange(1, 7, sheet.getLastRow(), 1)
    .getValues()
    .findIndex(([k]) => k === key) + 1;
const line = (sheet: FakeSheet, row: number) => sheet.getRange(row, 1, 1, 7).getValues()[0]!;

describe('every action from a phone (SPEC §15, issue 22)', () => {
  it('sets up the actions tab: a checkbox an action, the year-end with the bylaws', () => {
    const s = phoneBook();
    const sheet = actions(s);
    expect(sheet.getRange(1, 1, 1, 7).getValues()[0]).toEqual([
      'ทำ (do)',
      'คำสั่ง (action)',
      'ค่า (value)',
      'ผล (outcome)',
      'เมื่อ (when)',
      'โดย (by)',
      'รหัส (key)',
    ]);
    expect([2, 3, 4].map((r) => sheet.getRange(r, 7).getValue())).toEqual([
      'check',
      'close_month',
      'year_end',
    ]);
    expect([2, 3, 4].map((r) => [sheet.cell(r, 1).checkbox, sheet.cell(r, 1).value])).toEqual([
      [true, false],
      [true, false],
      [true, false],
    ]);
    // set up again: the same three rows
    s.call('sajjaSetUp');
    expect(sheet.getLastRow()).toBe(4);
    // the installer's own actions trigger is made with the automation
    expect(s.env.triggers.filter((t) => t.kind === 'edit').map((t) => [t.fn, t.owner])).toEqual([
      ['sajjaAction', HOLDER],
    ]);
  });

  it('checks everything from a tick: the outcome beside the box, the box cleared, the findings tab replaced', () => {
    const s = phoneBook();
    const row = rowOf(actions(s), 'check');
    // a wrong amount and a wrong date, so the findings tab has rows
    const savings = s.ss.getSheetByName('เงินออม (savings)')!;
    const [amount, date] = [savings.getRange(5, 4).getValue(), savings.getRange(12, 1).getValue()];
    savings.getRange(5, 4).setValue('12,5O');
    savings.getRange(12, 1).setValue('31/2/2569');
    const done = tick(s, HOLDER, 'actions', row, 1, true);
    expect(done.map((d) => d.owner)).toEqual([HOLDER]);
    const [box, , , outcome, when, by] = line(actions(s), row);
    expect(box).toBe(false);
    // the two cells, and what their rows left out of the books does to the counts
    const errors = Number(/^✓ ตรวจแล้ว: ผิด (\d+) /.exec(String(outcome))?.[1]);
    expect(errors).toBeGreaterThanOrEqual(2);
    expect(outcome).toContain(`checked: ${errors} errors`);
    expect(when).toBe('2026-11-02 10:00');
    expect(by).toBe(HOLDER);
    const tab = findingsTab(s);
    expect(String(tab.getRange(1, 1).getValue())).toContain(`ผิด ${errors}`);
    expect(tab.getRange(2, 1, 1, 5).getValues()[0]).toEqual([
      'ที่ (where)',
      'ข้อความ (message)',
      'message (English)',
      'ระดับ (severity)',
      'รหัส (code)',
    ]);
    const rows = tab.getRange(3, 1, tab.getLastRow() - 2, 5).getValues();
    expect(rows.filter((r) => r[3] === 'ผิด / error')).toHaveLength(errors);
    const d5 = rows.findIndex((r) => r[0] === 'เงินออม (savings) D5');
    expect(rows[d5]![3]).toBe('ผิด / error');
    expect(String(rows[d5]![2])).toContain('not an amount of baht');
    expect(rows.some((r) => r[0] === 'เงินออม (savings) A12')).toBe(true);
    // the cell is a link that opens it, in the phone apps too
    expect(tab.cell(3 + d5, 1).link).toBe(`#gid=${savings.getSheetId()}&range=D5`);
    // fixed and ticked again: the tab is replaced, no row of the last check is left
    savings.getRange(5, 4).setValue(amount);
    savings.getRange(12, 1).setValue(date);
    tick(s, HOLDER, 'actions', row, 1, true);
    expect(line(actions(s), row)[3]).toMatch(/^✓ ตรวจแล้ว: ผิด 0 เตือน 0 /);
    // the example is clean: the title and the header, and no row or link of the last check left
    expect(tab.getLastRow()).toBe(2);
    expect(tab.cell(3 + d5, 1).link).toBeNull();
    // no dialog was attempted: a trigger has no browser (the fake throws on getUi there)
    expect(s.env.sidebars).toEqual([]);
  });

  it("a committee member's tick runs as them in their own trigger; the holder's stands aside", () => {
    const s = phoneBook();
    s.env.session.user = MEMBER;
    s.call('sajjaMyActions');
    const row = rowOf(actions(s), 'check');
    // whichever trigger Apps Script starts first, the member's own takes the tick
    for (const order of [(t: never[]) => t, (t: never[]) => [...t].reverse()]) {
      const done = tick(s, MEMBER, 'actions', row, 1, true, order as never);
      expect(done.map((d) => d.owner).sort()).toEqual([MEMBER, HOLDER].sort());
      expect(done.filter((d) => d.said !== undefined).map((d) => d.owner)).toEqual([MEMBER]);
      expect(line(actions(s), row)[5]).toBe(MEMBER);
    }
  });

  it('someone with no trigger of their own: the holder checks for them, but closing a month needs their own key', () => {
    const s = phoneBook();
    const check = rowOf(actions(s), 'check');
    const done = tick(s, 'viewer@example.org', 'actions', check, 1, true);
    expect(done).toEqual([{ owner: HOLDER, said: expect.stringContaining('ตรวจแล้ว') }]);
    // the holder waited for the ticker's own trigger first
    expect(s.env.sleeps).toEqual([4_000]);
    expect(line(actions(s), check)[5]).toBe(`${HOLDER} (แทนผู้กด / for the person who ticked)`);
    const close = rowOf(actions(s), 'close_month');
    tick(s, 'viewer@example.org', 'actions', close, 1, true);
    const [box, , , outcome] = line(actions(s), close);
    expect(box).toBe(false);
    expect(outcome).toContain('✗ ปิดเดือนต้องใช้กุญแจ API ของคุณเอง');
    expect(outcome).toContain('Use the actions tab from my phone');
  });

  it('ignores every other edit: an unticked box, another column, another tab', () => {
    const s = phoneBook();
    const row = rowOf(actions(s), 'check');
    expect(tick(s, HOLDER, 'actions', row, 1, false)).toEqual([{ owner: HOLDER, said: undefined }]);
    expect(tick(s, HOLDER, 'actions', row, 3, 'x')).toEqual([{ owner: HOLDER, said: undefined }]);
    expect(tick(s, HOLDER, 'savings', 5, 4, 100)).toEqual([{ owner: HOLDER, said: undefined }]);
    expect(s.ss.getSheetByName('ผลการตรวจ (findings)')).toBeNull();
  });

  it('previews the year-end from a tick: the year just ended, in a few lines', () => {
    const s = phoneBook();
    const row = rowOf(actions(s), 'year_end');
    tick(s, HOLDER, 'actions', row, 1, true);
    const outcome = String(line(actions(s), row)[3]);
    expect(outcome).toMatch(/^✓ ปีบัญชี 2569: กำไรสุทธิ [\d,]+\.\d\d บาท/);
    expect(outcome).toContain('menu Sajja → Year-end on a computer');
    // a year typed in the value column, Thai digits too
    actions(s).getRange(row, 3).setValue('๒๕๖๘');
    tick(s, HOLDER, 'actions', row, 1, true);
    expect(String(line(actions(s), row)[3])).toMatch(/^✓ ปีบัญชี 2568/);
    actions(s).getRange(row, 3).setValue('ปีหน้า');
    tick(s, HOLDER, 'actions', row, 1, true);
    expect(String(line(actions(s), row)[3])).toContain('✗ ปีบัญชีไม่ถูกต้อง');
  });

  it('colours a wrong cell as it notes it, takes its own colour off when fixed, and never a colour the group gave', () => {
    const s = phoneBook();
    s.call('sajjaCheckAll');
    const savings = s.ss.getSheetByName('เงินออม (savings)')!;
    edit(s, 'savings', 5, 4, [['12,5O']]);
    expect(savings.getRange(5, 4).getBackgrounds()).toEqual([['#f4cccc']]);
    expect(savings.getRange(5, 4).getNote()).toMatch(/cell coloured by Sajja\)$/);
    edit(s, 'savings', 5, 4, [[100]]);
    expect(savings.getRange(5, 4).getBackgrounds()).toEqual([['#ffffff']]);
    expect(savings.getRange(5, 4).getNote()).toBe('');
    // the group's own colour — even Sajja's red — stays, wrong or fixed
    savings.getRange(6, 4).setBackgrounds([['#f4cccc']]);
    edit(s, 'savings', 6, 4, [['12,5O']]);
    expect(savings.getRange(6, 4).getNote()).not.toContain('coloured by Sajja');
    edit(s, 'savings', 6, 4, [[100]]);
    expect(savings.getRange(6, 4).getBackgrounds()).toEqual([['#f4cccc']]);
  });
});

describe("a member's passbook printed from the sheet (SPEC §15)", () => {
  it('shows the A5 passbook page in a dialog with a print button; an unknown id is said', () => {
    const s = loadScript(bundle, DIST, example, NOV_2);
    const page = s.call<string>('sajjaPassbook', 'M0016');
    expect(s.env.sidebars.at(-1)).toBe(page);
    expect(page).toContain('สมุดบัญชีสมาชิก / Passbook');
    expect(page).toContain('M0016');
    expect(page).toContain('@page{size:A5');
    expect(page).toContain('onclick="window.print()"');
    expect(page).toContain('data-figure="loan.L0001.outstanding"');
    const unknown = s.call<string>('sajjaPassbook', 'M9999');
    expect([unknown, s.env.alerts]).toEqual(['', [expect.stringContaining('no member "M9999"')]]);
    expect(s.env.alerts.at(-1)).toContain('no member "M9999"');
  });
});

describe('closing a month from a phone, with the ticker’s own key (issue 22)', () => {
  const data = join(mkdtempSync(join(tmpdir(), 'sajja-phone-')), 'data');
  let server: { url: string; close(): void };
  let key: { id: string; secret: string };
  beforeAll(async () => {
    const made = await runCli('secret', 'new', 'kamlon-m11', '--for', 'สมศรี', '--data-dir', data);
    key = { id: /: (k-[a-z0-9]+)/.exec(made.out)![1]!, secret: /secret: (\S+)/.exec(made.out)![1]! };
    server = await startSajjaServe(data);
  });
  afterAll(() => server.close());

  it('archives last month when สมศรี ticks, signed with her key, and the chain says it was hers', async () => {
    const s = phoneBook(Date.now());
    s.env.routes.set('https://sajja-api.example', server.url);
    s.env.session.user = MEMBER;
    s.call('sajjaSaveApiSettings', { url: 'https://sajja-api.example', key_id: key.id, secret: key.secret });
    s.call('sajjaMyActions');
    const row = rowOf(actions(s), 'close_month');
    actions(s).getRange(row, 3).setValue('2569-10');
    tick(s, MEMBER, 'actions', row, 1, true, (t) => [...t].reverse());
    const [box, , , outcome, , by] = line(actions(s), row);
    expect(box).toBe(false);
    expect(String(outcome)).toMatch(/^✓ ปิดเดือน 2026-10 แล้ว \/ month closed: v1 .*โดย สมศรี/);
    expect(by).toBe(MEMBER);
    const history = await runCli('history', 'kamlon-m11', '--data-dir', data, '--json');
    const commits = JSON.parse(history.out) as { month: string; closed_by?: { holder: string } }[];
    expect(commits.find((c) => c.month === '2026-10')?.closed_by?.holder).toBe('สมศรี');
  });
});
