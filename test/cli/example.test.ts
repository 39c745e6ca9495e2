import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_WORKBOOK } from '../../cli/main.ts';
import { writeXlsx } from '../../cli/sources/write-xlsx.ts';
import { readXlsx } from '../../cli/sources/xlsx.ts';
import { type CellValue, columnIndex } from '../../core/index.ts';
import { runCli } from '../helpers/run-cli.ts';

const AS_OF = '2026-11-26';

describe('the example workbook', () => {
  it('checks clean: no errors, no warnings', async () => {
    const { code, out } = await runCli('check', EXAMPLE_WORKBOOK, '--as-of', AS_OF, '--json');
    expect(JSON.parse(out)).toMatchObject({
      group_id: 'kamlon-m11',
      ok: true,
      counts: { error: 0, warning: 0 },
      findings: [],
    });
    expect(code).toBe(0);
  });

  it('with planted mistakes gives exactly those findings at their cells', async () => {
    // planted in the example's cells, written back as .xlsx in the template's layout
    const book = await readXlsx(readFileSync(EXAMPLE_WORKBOOK));
    const plant = (tab: string, cell: string, value: CellValue) => {
      const sheet = book.tabs.find((s) => s.name === tab || s.name.endsWith(`(${tab})`))!;
      const column = columnIndex(cell.replace(/\d+$/, ''));
      const row = Number(cell.replace(/^[A-Z]+/, ''));
      sheet.rows[row - 1]![column] = value;
    };
    const cellOf = (tab: string, cell: string) => {
      const sheet = book.tabs.find((s) => s.name === tab || s.name.endsWith(`(${tab})`))!;
      return sheet.rows[Number(cell.slice(1)) - 1]![columnIndex(cell.slice(0, 1))];
    };
    plant('savings', 'D10', '12,5O');
    plant('savings', 'A20', '31/02/2569');
    plant('members', 'B5', null);
    plant('members', 'E6', '๑ ก.ค. ๖๙'); // a valid Thai date: no finding
    plant('remittances', 'B3', 'SG99');
    plant('repayments', 'G3', cellOf('repayments', 'G2'));
    plant('บัญชีครัวเรือน', 'A5', '15/12/2569');
    plant('welfare', 'C4', 'ฝากเงิน');
    plant('loans', 'E2', 2);
    plant('debt_survey', 'F2', '20%');
    plant('debt_survey', 'G2', 'ต่อเดือน');
    const path = join(mkdtempSync(join(tmpdir(), 'sajja-')), 'planted.xlsx');
    writeFileSync(path, await writeXlsx(book));

    const { code, out } = await runCli('check', path, '--as-of', AS_OF, '--json');
    const result = JSON.parse(out);
    // a planted money mistake moves the year's figures, so the year-end rows written before it
    // differ from what the bylaws now give: said at those rows, and counted; the planted ones are these
    const yearEnd = result.findings.filter((f: { sheet: string }) => f.sheet === 'year_end');
    expect(yearEnd.length).toBeGreaterThan(0);
    expect(yearEnd.every((f: { code: string }) => f.code === 'E_YEAR_END_DIFFERS')).toBe(true);
    expect(
      result.findings
        .filter((f: { sheet: string }) => f.sheet !== 'year_end')
        .map((f: { code: string; sheet: string; cell: string }) => [f.code, f.sheet, f.cell]),
    ).toEqual([
      ['E_REQUIRED', 'members', 'B5'],
      ['E_VALUE', 'savings', 'D10'],
      ['E_VALUE', 'savings', 'A20'],
      ['E_UNKNOWN_REF', 'remittances', 'B3'],
      // the refused remittance stays out of the books: SG01's head still holds that week's money…
      ['W_NOT_REMITTED', 'remittances', 'A7'],
      // …the refused repayment (repeated receipt) leaves loan L0001 behind its schedule…
      ['W_LOAN_OVERDUE', 'loans', 'A2'],
      ['W_RATE_ABOVE_LEGAL', 'loans', 'E2'],
      ['E_DUPLICATE_ID', 'repayments', 'G3'],
      ['E_VALUE', 'welfare', 'C4'],
      // …and the cash box holds money the books do not show, at every month-end cash count
      ['E_COUNT_MISMATCH', 'counts', 'C2'],
      ['E_COUNT_MISMATCH', 'counts', 'C4'],
      ['E_COUNT_MISMATCH', 'counts', 'C6'],
      ['E_COUNT_MISMATCH', 'counts', 'C8'],
      ['E_DATE_RANGE', 'household_accounts', 'A5'],
      ['W_RATE_ABOVE_LEGAL', 'debt_survey', 'F2'],
    ]);
    expect(result.counts).toEqual({ error: 11 + yearEnd.length, warning: 4 });
    expect(code).toBe(1);
  });
});
