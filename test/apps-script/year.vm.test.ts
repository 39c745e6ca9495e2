import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildScript } from '../../apps-script/build.ts';
import { handYear } from '../helpers/year-book.ts';
import { loadScript } from './vm-script.ts';

/** Issue 20: the sheet's menu ปันผลสิ้นปี / Year-end, in the built bundle against the fake. */
const DIST = join(import.meta.dirname, '../../apps-script/dist');
let bundle: string;
beforeAll(async () => {
  bundle = readFileSync(await buildScript(), 'utf8');
});

describe('the Year-end menu (issue 20)', () => {
  it('previews the three methods side by side, writes the rows when confirmed, and they check clean', () => {
    const s = loadScript(bundle, DIST, handYear(), Date.UTC(2027, 0, 15, 3));
    const page = s.call<string>('sajjaYearEnd', '๒๕๖๙');
    expect(s.env.sidebars.at(-1)).toBe(page);
    expect(page).toContain('ปีบัญชี 2569');
    expect(page).toContain('ยอดเฉลี่ยรายวัน ✓');
    expect(page).toContain('ยอดสิ้นเดือน');
    expect(page).toContain('ยอดต่ำสุดของเดือน');
    // M01 under the three methods, side by side
    expect(page).toMatch(
      /M01<\/td><td class="chosen">210\.01<\/td><td class="">207\.61<\/td><td class="">211\.26<\/td>/,
    );
    expect(page).toContain("sajjaYearEndWrite('2026')");
    expect(s.ss.getSheets().some((x) => x.getName().endsWith('(year_end)'))).toBe(false); // nothing written yet
    expect(s.call<string>('sajjaYearEndWrite', '2026')).toContain('8 rows written');
    const tab = s.ss.getSheets().find((x) => x.getName().endsWith('(year_end)'))!;
    expect(tab.getLastRow()).toBe(9);
    // written again: the same eight rows, not sixteen
    s.call('sajjaYearEndWrite', '2026');
    expect(
      tab.apiValues().filter((r) => r.length > 0 && r[0] !== '' && typeof r[0] === 'number'),
    ).toHaveLength(8);
    s.call('sajjaCheckAll');
    const check = JSON.parse(s.call<string>('sajjaFindings')).check;
    expect(check.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it("archives the year through the API with the person's own key once the rows are written", async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { runCli } = await import('../helpers/run-cli.ts');
    const { startSajjaServe } = await import('./serve-process.ts');
    const data = join(mkdtempSync(join(tmpdir(), 'sajja-year-api-')), 'data');
    const made = await runCli('secret', 'new', 'year-test', '--for', 'สมศรี', '--data-dir', data);
    const id = /: (k-[a-z0-9]+)/.exec(made.out)![1]!;
    const secret = /secret: (\S+)/.exec(made.out)![1]!;
    const server = await startSajjaServe(data);
    try {
      // the server reads the book as of its own today: the fiscal year 2568 (2025) has ended by then
      const s = loadScript(bundle, DIST, handYear(), Date.now());
      s.env.routes.set('https://sajja-api.example', server.url);
      s.call('sajjaSaveApiSettings', { url: 'https://sajja-api.example', key_id: id, secret });
      const said = s.call<string>('sajjaYearEndWrite', '2568');
      expect(said).toContain('year archived: 2025-year v1');
      const history = await runCli('history', 'year-test', '--data-dir', data, '--json');
      const commits = JSON.parse(history.out) as { month: string; closed_by?: { holder: string } }[];
      expect(commits.find((c) => c.month === '2025-year')?.closed_by?.holder).toBe('สมศรี');
    } finally {
      server.close();
    }
  });
});
