/// <reference types="google-apps-script" />
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScript } from '../../apps-script/build.ts';
import { EXAMPLE_WORKBOOK } from '../../cli/main.ts';
import { loadWorkbook } from '../../cli/sources/load-workbook.ts';
import type { Workbook } from '../../core/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { dateOfSerial } from './fake-apps-script.ts';
import { startSajjaServe } from './serve-process.ts';
import { change, edit, loadScript, typeInto, type VmScript } from './vm-script.ts';

/**
 * Issue 19, points 1–12: the built bundle against the fake written from Google's reference, as a
 * real sheet and its several users would meet it.
 */
const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'apps-script/dist');
let bundle: string;
let example: Workbook;

beforeAll(async () => {
  bundle = readFileSync(await buildScript(), 'utf8');
  example = await loadWorkbook(EXAMPLE_WORKBOOK);
});

const script = (workbook: Workbook | undefined, now?: number, timeZone?: string) =>
  loadScript(bundle, DIST, workbook, now, { timeZone });
const tabOf = (s: VmScript, tab: string) => s.ss.getSheets().find((x) => x.getName().endsWith(`(${tab})`))!;
/** A good deposit row typed on 1 Nov 2569 (a Date cell at midnight in the spreadsheet's zone). */
const goodRow = (s: VmScript) => [
  dateOfSerial(46327, s.ss.timeZone, s.VmDate),
  'M0002',
  'ฝาก',
  20,
  'หัวหน้ากลุ่มย่อย',
];

describe('columns may move (point 1)', () => {
  it('gives no false notes after a column is inserted and its header typed', () => {
    const s = script(example);
    s.call('sajjaCheckAll');
    const savings = tabOf(s, 'savings');
    edit(s, 'savings', savings.getLastRow() + 1, 1, [goodRow(s)]); // the layout is kept
    savings.insertColumnBefore(2);
    edit(s, 'savings', 1, 2, [['ผู้บันทึก (entered_by)']]);
    const row = savings.getLastRow() + 1;
    const [date, ...rest] = goodRow(s);
    edit(s, 'savings', row, 1, [[date, 'เหรัญญิก', ...rest]]);
    expect(savings.getRange(row, 1, 1, 8).getNotes()[0]!.join('')).toBe('');
  });

  it('refreshes the layout on a structural change (onChange INSERT_COLUMN)', () => {
    const s = script(example);
    s.call('sajjaInstall');
    s.call('sajjaCheckAll');
    const savings = tabOf(s, 'savings');
    savings.insertColumnBefore(1);
    expect(change(s, 'INSERT_COLUMN')).toBeUndefined();
    const row = savings.getLastRow() + 1;
    edit(s, 'savings', row, 2, [goodRow(s)]);
    expect(savings.getRange(row, 1, 1, 9).getNotes()[0]!.join('')).toBe('');
  });
});

describe("users' notes (point 2)", () => {
  it('writes only the notes it changes, and keeps a note ending in a line break byte for byte', () => {
    const s = script(example);
    s.call('sajjaCheckAll');
    const savings = tabOf(s, 'savings');
    const own = 'นับใหม่แล้ว\n';
    savings.getRange(5, 2).setNote(own);
    savings.getRange(5, 5).setNote('ผ่านหัวหน้า  ');
    savings.noteWrites.length = 0;
    edit(s, 'savings', 5, 4, [['12,5O']]);
    // one write, the wrong cell's note; the user's notes were not rewritten
    expect(savings.noteWrites).toEqual(['D5']);
    expect(savings.getRange(5, 2).getNote()).toBe(own);
    expect(savings.getRange(5, 5).getNote()).toBe('ผ่านหัวหน้า  ');
    savings.getRange(5, 4).setNote(`${own}${savings.getRange(5, 4).getNote()}`);
    edit(s, 'savings', 5, 4, [[100]]);
    expect(savings.getRange(5, 4).getNote()).toBe(own);
  });
});

describe('money checks do not stop when the cache expires (point 3)', () => {
  it('still notes an overdrawing withdrawal typed seven hours after the nightly check', () => {
    // 02:00 on 2 Nov in Bangkok (the example's books run to its year-end meeting of 1 Nov)
    const s = script(example, Date.UTC(2026, 10, 1, 19));
    s.call('sajjaCheckAll');
    s.clock.ms += 7 * 3_600_000; // 09:00: every cached entry (six hours at most) has expired
    const savings = tabOf(s, 'savings');
    const row = savings.getLastRow() + 1;
    edit(s, 'savings', row, 1, [
      [dateOfSerial(46328, s.ss.timeZone, s.VmDate), 'M0001', 'ถอน', 999_999, 'เหรัญญิก', 'เงินสด', 'W-NEW'],
    ]);
    expect(savings.getRange(row, 1, 1, 8).getNotes()[0]!.join('\n')).toMatch(/เกินเงินออมของสมาชิก M0001/);
  });

  it('says on the row that the money was not checked when no full check has been kept', () => {
    const s = script(example);
    const savings = tabOf(s, 'savings');
    const row = savings.getLastRow() + 1;
    edit(s, 'savings', row, 1, [goodRow(s)]);
    const note = savings.getRange(row, 4).getNote();
    expect(note).toContain('ยังไม่ได้ตรวจยอดเงิน');
    expect(note).toContain('money of this row was not checked');
    expect(JSON.parse(s.call<string>('sajjaFindings')).due).toBeTruthy();
  });
});

describe('one rate, whoever reads it (point 5), one day, whatever the zone (point 6)', () => {
  it('reads a rate typed 1.25% as 1.25 %, on edit and in Check everything, as sajja check reads the file', () => {
    const s = script(example);
    s.call('sajjaCheckAll');
    const loans = typeInto(s, 'loans', 2, 5, '1.25%');
    expect(loans.getRange(2, 5).getValue()).toBe(0.0125); // Sheets keeps the fraction
    expect(loans.getRange(2, 5).getNote()).toBe('');
    typeInto(s, 'loans', 3, 5, '0.0125');
    expect(loans.getRange(3, 5).getNote()).toContain('1.25');
    s.call('sajjaCheckAll');
    const findings = JSON.parse(s.call<string>('sajjaFindings')).check.findings as {
      cell: string;
      sheet: string;
    }[];
    expect(findings.filter((f) => f.sheet === 'loans').map((f) => f.cell)).not.toContain('E2');
  });

  it("reads date cells as days in the spreadsheet's zone, on edit and in Check everything", () => {
    const now = Date.UTC(2026, 10, 1, 3); // 16:00 on 1 Nov in Auckland
    const s = script(example, now, 'Pacific/Auckland');
    s.call('sajjaCheckAll');
    const before = JSON.parse(s.call<string>('sajjaFindings')).check.counts;
    expect(before.error).toBe(0); // every date of the example is read as typed, none a day early
    const savings = tabOf(s, 'savings');
    const row = savings.getLastRow() + 1;
    // 2 Nov 2569 at midnight in Auckland: tomorrow there (in Bangkok still 1 Nov)
    edit(s, 'savings', row, 1, [
      [dateOfSerial(46328, 'Pacific/Auckland', s.VmDate), 'M0002', 'ฝาก', 20, 'หัวหน้ากลุ่มย่อย'],
    ]);
    expect(savings.getRange(row, 1).getNote()).toMatch(/2569|2026-11-02/);
    s.call('sajjaCheckAll');
    const after = JSON.parse(s.call<string>('sajjaFindings')).check.findings as { cell: string }[];
    expect(after.map((f) => f.cell)).toContain(`A${row}`);
  });
});

describe('the fake holds the shell to what Google documents (point 12)', () => {
  it('refuses services that need authorization in a simple trigger, and gives edit events their documented fields', () => {
    const s = script(example);
    expect(() => s.call('onEdit', { range: { getSheet: () => ({ getName: () => 'x' }) } })).not.toThrow();
    s.env.session.authMode = 'LIMITED';
    expect(() =>
      (s.env.world.UrlFetchApp as { fetch(u: string, p: object): unknown }).fetch('https://x.example', {
        method: 'get',
      }),
    ).toThrow(/You do not have permission to call UrlFetchApp\.fetch/);
    expect(() => s.env.world.ScriptApp.newTrigger('x')).toThrow(/script\.scriptapp/);
    s.env.session.authMode = 'FULL';
    // the Sheets advanced service does not exist under the this-sheet-only scope
    expect('Sheets' in s.env.world).toBe(false);
    // the cache forgets: ten minutes by default, six hours at most
    s.env.cache.put('a', '1');
    s.env.cache.putAll({ b: '2' }, 99_999);
    s.clock.ms += 601_000;
    expect(s.env.cache.get('a')).toBeNull();
    expect(s.env.cache.get('b')).toBe('2');
    s.clock.ms += 6 * 3_600_000;
    expect(s.env.cache.get('b')).toBeNull();
  });
});

describe('Close month and the API (points 7–11)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sajja-keys-'));
  const data = join(dir, 'data');
  let server: { url: string; close(): void };
  let keys: Record<string, { id: string; secret: string }>;
  let html: ChildProcess;
  let htmlUrl: string;

  beforeAll(async () => {
    keys = {};
    for (const holder of ['สมศรี', 'สมชาย']) {
      const made = await runCli('secret', 'new', 'kamlon-m11', '--for', holder, '--data-dir', data);
      expect(made.code, made.err).toBe(0);
      keys[holder] = {
        id: /: (k-[a-z0-9]+)/.exec(made.out)![1]!,
        secret: /secret: (\S+)/.exec(made.out)![1]!,
      };
    }
    server = await startSajjaServe(data);
    // a page that is not the API (a captive portal, a wrong address), in its own process: the
    // fake's UrlFetchApp is synchronous and blocks this one
    html = spawn(
      process.execPath,
      [
        '-e',
        "require('http').createServer((q,r)=>r.writeHead(200,{'content-type':'text/html'}).end('<html>login</html>')).listen(0,'127.0.0.1',function(){console.log(this.address().port)})",
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    htmlUrl = await new Promise<string>((resolve) =>
      html.stdout!.once('data', (chunk) => resolve(`http://127.0.0.1:${String(chunk).trim()}`)),
    );
  });
  afterAll(() => {
    server.close();
    html.kill();
  });

  const withApi = (holder: string, now = Date.now()) => {
    const s = script(example, now);
    s.env.routes.set('https://sajja-api.example', server.url);
    s.env.routes.set('https://not-the-api.example', htmlUrl);
    s.env.session.user = `${holder}@example.org`;
    const key = keys[holder]!;
    expect(
      s.call<string>('sajjaSaveApiSettings', {
        url: 'https://sajja-api.example',
        key_id: key.id,
        secret: key.secret,
      }),
    ).toContain('saved');
    return s;
  };
  const close = (s: VmScript, month: string) =>
    s.call<{ ok: boolean; text: string }>('sajjaCloseMonth', month);

  it('takes https addresses only, and says why this computer cannot be one (point 7)', () => {
    const s = script(example);
    const said = (url: string) => s.call<string>('sajjaSaveApiSettings', { url, secret: 'x'.repeat(43) });
    expect(said('http://sajja-api.example')).toContain('https:// only');
    expect(said('https://127.0.0.1:8787')).toContain("Google's servers");
    expect(said('https://localhost:8787')).toContain('ที่อยู่ในเครื่อง');
    expect(said('ftp://x')).toContain('not an API address');
    const dialog = readFileSync(join(DIST, 'settings.html'), 'utf8');
    expect(dialog).not.toContain('http://127.0.0.1');
    expect(dialog).toContain("Google's servers");
  });

  it('says every failure in Thai and English: no address, not the API (point 7)', () => {
    const s = withApi('สมศรี');
    s.call('sajjaSaveApiSettings', {
      url: 'https://nowhere.example',
      key_id: keys.สมศรี!.id,
      secret: keys.สมศรี!.secret,
    });
    const unreachable = close(s, '2026-10');
    expect(unreachable.ok).toBe(false);
    expect(unreachable.text).toContain('ติดต่อ API ที่ https://nowhere.example ไม่ได้');
    expect(unreachable.text).toContain('cannot reach the API');
    s.call('sajjaSaveApiSettings', {
      url: 'https://not-the-api.example',
      key_id: keys.สมศรี!.id,
      secret: keys.สมศรี!.secret,
    });
    const notJson = close(s, '2026-10');
    expect(notJson.ok).toBe(false);
    expect(notJson.text).toContain("is not Sajja's API");
  });

  it('sends the exact bytes it signed, as UTF-8, naming its key (points 7, 8)', () => {
    const s = withApi('สมศรี');
    expect(close(s, '2026-09').ok).toBe(true);
    const sent = s.env.fetches.at(-1)!;
    expect(sent.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(sent.headers['X-Sajja-Key']).toBe(keys.สมศรี!.id);
    const canonical = [
      'v1',
      'kamlon-m11',
      sent.headers['X-Sajja-Timestamp'],
      sent.headers['X-Sajja-Nonce'],
      'POST',
      '/v1/archive',
      createHash('sha256').update(sent.body).digest('hex'),
    ].join('\n');
    const signature = createHmac('sha256', Buffer.from(keys.สมศรี!.secret, 'utf8'))
      .update(canonical)
      .digest('hex');
    expect(sent.headers['X-Sajja-Signature']).toBe(`v1=${signature}`);
  });

  it('keeps each person’s key their own, records who closed the month, and revokes one key alone (point 8)', async () => {
    const somsri = withApi('สมศรี');
    // another editor of the same spreadsheet reads neither the key nor the address
    somsri.env.session.user = 'editor@example.org';
    expect(close(somsri, '2026-10').text).toContain('your API is not set');
    expect(somsri.env.properties.getKeys()).toEqual([]); // nothing in the script's properties
    somsri.env.session.user = 'สมศรี@example.org';
    // a changed address asks for the key again
    expect(
      somsri.call<string>('sajjaSaveApiSettings', { url: 'https://elsewhere.example', secret: '' }),
    ).toContain('needs your key typed again');
    const closed = close(somsri, '2026-10');
    expect(closed.ok, closed.text).toBe(true);
    expect(closed.text).toContain('โดย สมศรี');
    // the chain says whose key archived it
    const history = await runCli('history', 'kamlon-m11', '--data-dir', data, '--json');
    const commits = JSON.parse(history.out) as {
      month: string;
      closed_by?: { key_id: string; holder: string };
    }[];
    expect(commits.find((c) => c.month === '2026-10')?.closed_by).toEqual({
      key_id: keys.สมศรี!.id,
      holder: 'สมศรี',
    });
    const verified = await runCli('verify', 'kamlon-m11', '--data-dir', data);
    expect(verified.code, verified.out).toBe(0);
    // สมชาย's key is revoked: his Close month is refused, สมศรี's still works
    const revoked = await runCli('secret', 'revoke', 'kamlon-m11', keys.สมชาย!.id, '--data-dir', data);
    expect(revoked.code, revoked.err).toBe(0);
    const somchai = withApi('สมชาย');
    const refused = close(somchai, '2026-08');
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain('ลายเซ็นไม่ตรง');
    expect(close(withApi('สมศรี'), '2026-08').ok).toBe(true);
  });

  it('never moves closed_through back (point 9)', () => {
    const s = withApi('สมศรี');
    expect(close(s, '2026-10').ok).toBe(true);
    expect(close(s, '2026-07').ok).toBe(true);
    const settings = tabOf(s, 'settings');
    const row = settings.apiValues().find((r) => String(r[0]).endsWith('(closed_through)'))!;
    expect(row[1]).toBe('2026-10');
  });

  it('shows a changed closed month in the sidebar after Check everything (point 11)', () => {
    const s = withApi('สมศรี');
    expect(close(s, '2026-10').ok).toBe(true);
    const savings = tabOf(s, 'savings');
    const rows = savings.apiValues();
    const october = rows.findIndex(
      (r, i) => i > 0 && typeof r[0] === 'number' && r[0] >= 46296 && r[0] < 46327,
    );
    savings.getRange(october + 1, 4).setValue(Number(rows[october]![3]) + 5);
    s.call('sajjaCheckAll');
    const check = JSON.parse(s.call<string>('sajjaFindings')).check;
    expect(check.archive).toMatchObject({ ok: true });
    const changed = (check.findings as { code: string; cell: string }[]).filter(
      (f) => f.code === 'W_CLOSED_PERIOD_CHANGED',
    );
    expect(changed.map((f) => f.cell)).toContain(`D${october + 1}`);
  });
});

describe('one automation per spreadsheet (point 10)', () => {
  it('tells a second person who holds it, lets them take it over, and the first stands down', () => {
    const s = script(example, Date.UTC(2026, 10, 2, 3));
    s.env.session.user = 'a@example.org';
    s.call('sajjaInstall');
    s.env.session.user = 'b@example.org';
    s.env.answers.push('NO');
    s.call('sajjaInstall');
    expect(s.env.alerts.at(-1)).toContain('a@example.org');
    expect(s.env.triggers.every((t) => t.owner === 'a@example.org')).toBe(true);
    s.env.answers.push('YES');
    s.call('sajjaInstall');
    expect(s.env.triggers.filter((t) => t.owner === 'b@example.org').map((t) => t.fn)).toEqual([
      'sajjaNightly',
      'sajjaReminder',
      'sajjaChange',
      'sajjaAction',
    ]);
    // a's reminder fires: it is no longer the spreadsheet's, so it sends nothing and removes a's triggers
    const stale = s.env.triggers.find((t) => t.owner === 'a@example.org' && t.fn === 'sajjaReminder')!;
    expect(s.fire(stale)).toBeUndefined();
    // a keeps only the actions trigger, which is a's own (a's ticks on the actions tab run as a)
    expect(s.env.triggers.map((t) => [t.owner, t.fn])).toEqual([
      ['a@example.org', 'sajjaAction'],
      ['b@example.org', 'sajjaNightly'],
      ['b@example.org', 'sajjaReminder'],
      ['b@example.org', 'sajjaChange'],
      ['b@example.org', 'sajjaAction'],
    ]);
    const fresh = s.env.triggers.find((t) => t.fn === 'sajjaReminder')!;
    expect(s.fire<string>(fresh)).toContain('ปิดเดือน 2026-10');
    expect(s.env.mails.map((m) => m.to)).toEqual(['b@example.org']);
  });
});
