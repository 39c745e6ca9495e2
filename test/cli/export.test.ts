import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_WORKBOOK } from '../../cli/main.ts';
import { loadWorkbook } from '../../cli/sources/load-workbook.ts';
import { batchGetFromWorkbook } from '../../core/sources/batchget.ts';
import { runCli } from '../helpers/run-cli.ts';
import { rowsOf } from '../helpers/small-book.ts';
import { systemTool } from '../helpers/system-tool.ts';
import { handYear } from '../helpers/year-book.ts';

const dir = mkdtempSync(join(tmpdir(), 'sajja-export-'));
const hledger = systemTool('hledger', 'hledger');
const beancount = systemTool('bean-check', 'beancount');
const AS_OF = '2026-11-01';

/** Runs an auditor's tool on a file: its exit status and what it said. */
function audit(tool: 'hledger' | 'bean-check', file: string) {
  const args = tool === 'hledger' ? ['check', '-f', file] : [file];
  const run = spawnSync(tool, args, { encoding: 'utf8' });
  if (run.error) throw run.error; // the tool must be installed (.ci/run installs it)
  return { status: run.status, said: `${run.stdout}${run.stderr}` };
}

async function exported(workbook: string, format: 'hledger' | 'beancount', name: string) {
  const out = join(dir, name);
  const { code } = await runCli('export', workbook, '--format', format, '--out', out, '--as-of', AS_OF);
  return { code, out };
}

describe.skipIf(hledger.skip || beancount.skip)(
  'export for hledger and beancount (Debian: hledger, beancount)',
  () => {
    it('names the tools it is checked against', () => {
      expect(execFileSync('hledger', ['--version'], { encoding: 'utf8' })).toMatch(/hledger/);
      expect(spawnSync('bean-check', ['--version'], { encoding: 'utf8' }).status).toBe(0);
    });

    it.each([
      ['hledger', 'example.journal'],
      ['beancount', 'example.beancount'],
    ] as const)('%s accepts the exported example', async (format, name) => {
      const { code, out } = await exported(EXAMPLE_WORKBOOK, format, name);
      expect(code).toBe(0);
      const result = audit(format === 'hledger' ? 'hledger' : 'bean-check', out);
      expect(result.said).toBe('');
      expect(result.status).toBe(0);
    });

    it.each([
      ['hledger', 'altered.journal', /balance assertion/i],
      ['beancount', 'altered.beancount', /balance failed/i],
    ] as const)('%s rejects it when a count is altered', async (format, name, complaint) => {
      const workbook = await loadWorkbook(EXAMPLE_WORKBOOK);
      const counts = rowsOf(workbook, 'counts');
      counts[3]![2] = Number(counts[3]![2]) + 1; // one baht more cash counted at the end of August
      const path = join(dir, `altered-${format}.json`);
      writeFileSync(path, JSON.stringify(batchGetFromWorkbook(workbook)));
      const { code, out } = await exported(path, format, name);
      expect(code).toBe(1); // Sajja itself reports E_COUNT_MISMATCH
      const result = audit(format === 'hledger' ? 'hledger' : 'bean-check', out);
      expect(result.status).not.toBe(0);
      expect(result.said).toMatch(complaint);
    });

    it.each([
      ['hledger', 'year.journal'],
      ['beancount', 'year.beancount'],
    ] as const)(
      '%s accepts a year shared out: the closing entries, the funds, the products (issue 20)',
      async (format, name) => {
        const book = join(dir, 'year.json');
        const rows = join(dir, `year-rows-${format}.json`);
        writeFileSync(book, JSON.stringify(batchGetFromWorkbook(handYear())));
        const made = await runCli(
          'year-end',
          book,
          '--year',
          '2569',
          '--out',
          rows,
          '--date',
          '2027-01-10',
          '--as-of',
          '2027-01-15',
        );
        expect(made.code, made.err).toBe(0);
        const out = join(dir, name);
        const run = await runCli('export', rows, '--format', format, '--out', out, '--as-of', '2027-01-15');
        expect(run.code, run.err).toBe(0);
        const result = audit(format === 'hledger' ? 'hledger' : 'bean-check', out);
        expect(result.said).toBe('');
        expect(result.status).toBe(0);
        const text = readFileSync(out, 'utf8');
        expect(text).toContain(format === 'hledger' ? 'equity:profit:2026' : 'Equity:Profit:2026');
        expect(text).toContain(format === 'hledger' ? 'equity:reserve' : 'Equity:Reserve');
        expect(text).toContain(
          format === 'hledger' ? 'liabilities:savings:M03:shares' : 'Liabilities:Savings:M03:Shares',
        );
      },
    );
  },
);
