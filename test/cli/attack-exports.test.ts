import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { component } from '../../core/export/plain-ledger.ts';
import { checkBooks, exportLedger } from '../../core/index.ts';
import { addRow, setCell, smallBook } from '../helpers/small-book.ts';
import { systemTool } from '../helpers/system-tool.ts';

const dir = mkdtempSync(join(tmpdir(), 'sajja-attack-'));
const AS_OF = '2026-11-26';
const hledger = systemTool('hledger', 'hledger');
const beancount = systemTool('bean-check', 'beancount');

const tool = (command: string, args: string[]) => {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  return { status: run.status, said: `${run.stdout}${run.stderr}` };
};

describe('account names stay distinct (issue 9, class 9)', () => {
  const hostileId = fc.oneof(
    fc.string({ minLength: 1, maxLength: 8 }),
    fc.constantFrom(
      'X:1',
      'X-1',
      'X%3A1',
      'm0006',
      'M0006',
      'X-m0006',
      '__proto__',
      'constructor',
      'toString',
      'valueOf',
      'สมาชิก 1',
      'สมาชิก  1',
      'a;b',
      'X-',
    ),
  );
  it.each(['hledger', 'beancount'] as const)(
    '%s names are injective: two ids never make one account (property)',
    (format) => {
      fc.assert(
        fc.property(hostileId, hostileId, (a, b) => {
          if (a !== b) expect(component(a, format)).not.toBe(component(b, format));
        }),
        { numRuns: 3_000 },
      );
      for (const name of ['X:1', 'a b', 'a;b', '(x)', 'm0006', '-']) {
        const out = component(name, format);
        expect(out).not.toMatch(/[:\s;]/);
        if (format === 'beancount') expect(out).toMatch(/^[A-Z0-9][A-Za-z0-9-]*$/);
      }
    },
  );
});

describe.skipIf(hledger.skip || beancount.skip)(
  'exports carry data, never commands (issue 9, classes 8–9; Debian: hledger, beancount)',
  () => {
    /** Members whose ids one of the tools once merged, each with its own deposits. */
    function lookAlikeBook() {
      const wb = smallBook();
      const ids = ['X:1', 'X-1', 'm0006', 'M0006'];
      ids.forEach((id, i) => {
        addRow(wb, 'members', {
          member_id: id,
          name: `สมาชิก ${i}`,
          household_id: 'H1',
          joined_on: '1/7/2569',
        });
        addRow(wb, 'savings', {
          date: '3/7/2569',
          member_id: id,
          type: 'ฝาก',
          amount: 10 * (i + 1),
        });
      });
      return wb;
    }

    it('keeps X:1 and X-1, m0006 and M0006 apart in both tools, balances as the passbooks say', () => {
      const checked = checkBooks(lookAlikeBook(), { asOf: AS_OF });
      expect(checked.result.ok).toBe(true);
      const journal = join(dir, 'look-alike.journal');
      writeFileSync(journal, exportLedger(checked, 'hledger'));
      expect(tool('hledger', ['check', '-f', journal]).status).toBe(0);
      const balances = tool('hledger', [
        'bal',
        '-f',
        journal,
        '--flat',
        '--no-total',
        'liabilities:savings',
      ]).said;
      for (const [name, baht] of [
        ['X%3A1', '-10'],
        ['X-1', '-20'],
        ['m0006', '-30'],
        ['M0006', '-40'],
      ])
        expect(balances).toMatch(new RegExp(`${baht}\\.00 THB\\s+liabilities:savings:${name}\\n`));
      const bean = join(dir, 'look-alike.beancount');
      writeFileSync(bean, exportLedger(checked, 'beancount'));
      expect(tool('bean-check', [bean])).toEqual({ status: 0, said: '' });
    });

    it('writes a hostile group name and id into comments as inert text: no alias, include or plugin obeyed', () => {
      const checked = checkBooks(smallBook(), { asOf: AS_OF });
      // what a hand-made batchGet could smuggle past the settings tab, straight into the exporter
      checked.book.settings.group_name =
        'กลุ่ม\nalias assets:cash=expenses:missing\ninclude /etc/passwd\r\nplugin "beancount.plugins.auto"\n2026-01-01 open Assets:Evil';
      checked.book.settings.group_id = 'g1\rinclude /etc/passwd';
      for (const format of ['hledger', 'beancount'] as const) {
        const text = exportLedger(checked, format);
        for (const line of text.split('\n'))
          expect(line).not.toMatch(/^(alias|include|plugin|\d{4}-\d\d-\d\d open Assets:Evil)/);
        expect(text).not.toContain('\r');
        const file = join(dir, `hostile.${format}`);
        writeFileSync(file, text);
        if (format === 'hledger') {
          expect(tool('hledger', ['check', '-f', file]).status).toBe(0);
          // cash is still cash: 3,337.50 at the end, not aliased away
          expect(tool('hledger', ['bal', '-f', file, '--flat', '--no-total', 'assets:cash']).said).toMatch(
            /3444\.50 THB\s+assets:cash/,
          );
        } else expect(tool('bean-check', [file])).toEqual({ status: 0, said: '' });
      }
    });

    it('refuses the hostile texts at the sheet, before any export (one-line fields, ids)', () => {
      const wb = smallBook();
      wb.tabs[0]!.rows[2]![1] = 'กลุ่ม\ninclude /etc/passwd';
      setCell(wb, 'members', 2, 'name', 'สมชาย\n✓ no errors');
      setCell(wb, 'other', 2, 'category', 'ค่าเครื่องเขียน\ncash 999,999.00');
      const findings = checkBooks(wb, { asOf: AS_OF }).findings.filter((f) => f.reason === 'text_line_break');
      expect(findings.map((f) => [f.sheet, f.column])).toEqual([
        ['settings', 'group_name'],
        ['members', 'name'],
        ['other', 'category'],
      ]);
    });
  },
);

describe('terminal output is inert (issue 9, class 10)', () => {
  it('shows escape sequences and bidi overrides typed into cells as codes, never obeys them', async () => {
    const { runCli } = await import('../helpers/run-cli.ts');
    const { batchGetFromWorkbook } = await import('../../core/index.ts');
    const wb = smallBook();
    setCell(wb, 'members', 2, 'name', 'สมชาย\u001b[2J\u001b]0;pwned\u0007');
    setCell(wb, 'households', 2, 'head_name', '\u202eระบบ\u202c');
    setCell(wb, 'household_accounts', 3, 'category', 'หวย\u0085');
    const path = join(dir, 'terminal.json');
    writeFileSync(path, JSON.stringify(batchGetFromWorkbook(wb)));
    const outputs = [
      await runCli('check', path, '--as-of', AS_OF),
      await runCli('summary', path, '--month', '2026-08', '--as-of', AS_OF),
      await runCli('passbook', path, '--member', 'M1', '--as-of', AS_OF),
      await runCli('household', path, '--household', 'H1', '--as-of', AS_OF),
    ];
    for (const { out, err } of outputs)
      expect(`${out}${err}`).not.toMatch(
        /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
      );
    expect(outputs[0]!.out).toContain('\\u001b[2J');
  });
});
