import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../cli/sources/xlsx.ts';
import {
  archiveMonth,
  batchGetFromWorkbook,
  type Commit,
  checkWorkbook,
  UnusableWorkbookError,
  verifyChain,
  workbookFromBatchGet,
} from '../../core/index.ts';
import { parseMoney } from '../../core/parse/money.ts';
import { runCli } from '../helpers/run-cli.ts';
import { rowsOf, setCell, smallBook, table } from '../helpers/small-book.ts';
import { plainXlsx } from '../helpers/xlsx-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'sajja-attack-input-'));
const AS_OF = '2026-11-26';

describe('two tabs or two columns for one thing (issue 9, class 13)', () => {
  it('names both tabs when a copied savings tab sits first, and reads the real one', () => {
    const wb = smallBook();
    const savings = wb.tabs.find((t) => t.name === 'เงินออม (savings)')!;
    wb.tabs.unshift({
      name: 'สำเนาของ เงินออม (savings)',
      rows: [savings.rows[0]!, ['1/7/2569', 'M1', 'ฝาก', 999_999]],
    });
    const result = checkWorkbook(wb, { asOf: AS_OF });
    expect(result.findings.map((f) => [f.code, f.sheet])).toEqual([['E_TAB_REPEATED', 'savings']]);
    expect(result.findings[0]!.message.en).toContain(
      '"เงินออม (savings)" (the one read) and "สำเนาของ เงินออม (savings)"',
    );
  });

  it('names both columns when a second amount column is placed first', () => {
    const wb = smallBook();
    const savings = rowsOf(wb, 'savings');
    savings[0]!.unshift('amount');
    for (let r = 1; r < savings.length; r++) savings[r]!.unshift(1_000_000);
    const findings = checkWorkbook(wb, { asOf: AS_OF }).findings;
    const repeated = findings.filter((f) => f.code === 'E_COLUMN_REPEATED');
    expect(repeated).toHaveLength(1);
    expect(repeated[0]!.message.en).toMatch(/two amount columns: (A1|E1) \(the one read\) and (A1|E1)/);
    // which one is meant is the treasurer's to say: until then no row of the tab is in the books
    const result = checkWorkbook(wb, { asOf: AS_OF });
    expect(result.books.left_out.filter((r) => r.sheet === 'savings')).toHaveLength(3);
  });
});

describe('hostile sizes and shapes (issue 9, classes 14–15)', () => {
  it('sizes a range by its values, not by its text: A999999 is cheap, beyond the largest sheet refused', () => {
    const far = workbookFromBatchGet({
      valueRanges: [{ range: 'settings!A999999', values: [['key', 'value']] }],
    });
    expect(far.tabs[0]!.rows).toHaveLength(999_999);
    expect(Object.keys(far.tabs[0]!.rows)).toEqual(['999998']); // one row held, the rest holes
    expect(() =>
      workbookFromBatchGet({ valueRanges: [{ range: 'settings!A999999999', values: [['x']] }] }),
    ).toThrow(/beyond the largest sheet/);
    expect(() =>
      workbookFromBatchGet({ valueRanges: [{ range: 'settings!ZZZZ1', values: [['x']] }] }),
    ).not.toThrow();
  });

  it('refuses a cell nested 5,000 lists deep with a message, not a stack overflow', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5_000; i++) deep = [deep];
    expect(() => workbookFromBatchGet({ valueRanges: [{ range: 'x', values: [[deep]] }] })).toThrow(
      /nested more than 20 levels deep/,
    );
    expect(() =>
      workbookFromBatchGet({ valueRanges: [{ range: 'x', values: [[{ a: [1, 2] }]] }] }),
    ).not.toThrow(UnusableWorkbookError);
  });

  it('refuses an .xlsx with more filled cells than the documented limit, before memory runs out', async () => {
    const wb = {
      tabs: [
        table(
          'savings',
          Array.from({ length: 200 }, () => ({ date: '1/7/2569', member_id: 'M1', type: 'ฝาก', amount: 1 })),
        ),
      ],
    };
    const bytes = await plainXlsx(wb);
    process.env.SAJJA_MAX_CELLS = '500';
    try {
      await expect(readXlsx(bytes)).rejects.toThrow(/more than 500 filled cells/);
    } finally {
      delete process.env.SAJJA_MAX_CELLS;
    }
    expect((await readXlsx(bytes)).tabs[0]!.rows).toHaveLength(201);
  });
});

describe('no stack trace anywhere a user can reach (issue 9, class 16)', () => {
  it.each([
    [['generate', join(dir, 'g.json'), '--start', 'garbage'], 'is not a month'],
    [['generate', join(dir, 'g.json'), '--months', '100000'], 'from 1 to 120'],
    [['export', join(dir, 'nope.json'), '--format', 'hledger'], 'nope.json not found'],
    [['template', join(dir, 'missing', 't.xlsx')], 'create it first'],
  ])('%j is one clear line (exit 2)', async (argv, said) => {
    const { code, err } = await runCli(...argv);
    expect(code).toBe(2);
    expect(err).toContain(said);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('reports a commit with non-numeric fields as a break in the chain, not a crash', async () => {
    const { openArchive } = await import('../../cli/archive/open-archive.ts');
    const { buildSnapshot } = await import('../../core/index.ts');
    const archive = await openArchive({ inMemory: true });
    try {
      await archiveMonth(archive.store, buildSnapshot(smallBook(), '2026-07'), '2026-11-26T00:00:00Z');
      const [commit] = await archive.store.history('g1');
      const broken = { ...commit!, seq: Number.NaN, parts: Number.NaN } as Commit;
      const store = {
        ...archive.store,
        history: async () => [broken],
        getHead: archive.store.getHead.bind(archive.store),
      };
      const report = await verifyChain(store as never, 'g1');
      expect(report.ok).toBe(false);
      expect(report.breaks.map((b) => b.problem)).toContain('unreadable');
    } finally {
      await archive.close();
    }
  });
});

describe('smaller things (issue 9, class 18)', () => {
  it('says @SUM(1) is not an amount (not "negative"), and a formula without its value is one', async () => {
    expect(parseMoney('@SUM(1)')).toEqual({ ok: false, reason: 'money_format' });
    expect(parseMoney('(5)')).toEqual({ ok: false, reason: 'money_negative' });
    const wb = smallBook();
    setCell(wb, 'savings', 2, 'amount', '=B2*2');
    const [f] = checkWorkbook(wb, { asOf: AS_OF }).findings;
    expect(f).toMatchObject({ code: 'E_VALUE', cell: 'D2', reason: 'formula_no_value' });
    expect(f!.message.en).toContain('a formula without a value');
  });

  it('reads a passbook member id as it reads the ids it matches (Thai digits, spaces)', async () => {
    const path = join(dir, 'ids.json');
    writeFileSync(path, JSON.stringify(batchGetFromWorkbook(smallBook())));
    const { code, out } = await runCli('passbook', path, '--member', ' M๑ ', '--as-of', AS_OF, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).member_id).toBe('M1');
  });
});
