import { describe, expect, it } from 'vitest';
import { checkWorkbook, type FindingCode, readBook, type Workbook } from '../../../core/index.ts';
import { addRow, rowsOf, setCell, smallBook } from '../../helpers/small-book.ts';

const AS_OF = '2026-11-26';
const check = (wb: Workbook) => checkWorkbook(wb, { asOf: AS_OF });
/** Row and reference findings only: the ledger's consequences of a bad money row are tested in test/core/ledger. */
const places = (wb: Workbook) => readBook(wb, { asOf: AS_OF }).findings.map((f) => [f.code, f.sheet, f.cell]);

describe('checkWorkbook on a clean book', () => {
  it('finds nothing', () => {
    const result = check(smallBook());
    expect(result.findings).toEqual([]);
    expect(result).toMatchObject({ group_id: 'g1', ok: true, counts: { error: 0, warning: 0 } });
  });
});

type Case = [string, (wb: Workbook) => void, [FindingCode, string, string | null][]];

const CASES: Case[] = [
  ['a required tab is absent', (wb) => wb.tabs.splice(3, 1), [['E_SHEET_MISSING', 'members', null]]],
  [
    'a required column is absent',
    (wb) => {
      rowsOf(wb, 'savings')[0]![3] = 'เงิน';
    },
    [['E_COLUMN_MISSING', 'savings', null]],
  ],
  [
    'a required cell is empty',
    (wb) => setCell(wb, 'members', 3, 'name', '  '),
    [['E_REQUIRED', 'members', 'B3']],
  ],
  [
    'a required setting is empty',
    (wb) => setCell(wb, 'settings', 3, 'value', null),
    [['E_REQUIRED', 'settings', 'B3']],
  ],
  [
    'money with a letter O',
    (wb) => setCell(wb, 'savings', 2, 'amount', '1O0'),
    [['E_VALUE', 'savings', 'D2']],
  ],
  [
    'an impossible date',
    (wb) => setCell(wb, 'savings', 3, 'date', '31/02/2569'),
    [['E_VALUE', 'savings', 'A3']],
  ],
  [
    'a word not in the list',
    (wb) => setCell(wb, 'welfare', 2, 'type', 'ฝาก'),
    [['E_VALUE', 'welfare', 'C2']],
  ],
  [
    'a loan term over 120 months',
    (wb) => setCell(wb, 'loans', 2, 'term_months', 121),
    [['E_VALUE', 'loans', 'F2']],
  ],
  [
    'a repayment of nothing',
    (wb) => {
      setCell(wb, 'repayments', 2, 'principal', 0);
      setCell(wb, 'repayments', 2, 'interest', null);
    },
    [['E_VALUE', 'repayments', 'C2']],
  ],
  [
    'a transfer to the same account',
    (wb) => setCell(wb, 'other', 3, 'to_account', 'cash'),
    [['E_VALUE', 'other', 'F3']],
  ],
  [
    'leaving before joining',
    (wb) => setCell(wb, 'members', 2, 'left_on', '1/1/2569'),
    [['E_VALUE', 'members', 'G2']],
  ],
  [
    'a bad setting',
    (wb) => setCell(wb, 'settings', 4, 'value', '31/9/2569'),
    [['E_VALUE', 'settings', 'B4']],
  ],
  [
    'a repeated member id',
    (wb) => addRow(wb, 'members', { member_id: 'M2', name: 'x', household_id: 'H1', joined_on: '1/7/2569' }),
    [['E_DUPLICATE_ID', 'members', 'A4']],
  ],
  [
    'a repeated receipt number',
    (wb) => addRow(wb, 'repayments', { date: '10/9/2569', loan_id: 'L1', principal: 100, receipt_no: 'R1' }),
    [['E_DUPLICATE_ID', 'repayments', 'G6']],
  ],
  [
    'an unknown member',
    (wb) => setCell(wb, 'savings', 2, 'member_id', 'M9'),
    [['E_UNKNOWN_REF', 'savings', 'B2']],
  ],
  [
    'an unknown guarantor',
    (wb) => setCell(wb, 'loans', 2, 'guarantor_ids', 'M1, M7'),
    [['E_UNKNOWN_REF', 'loans', 'J2']],
  ],
  [
    'a date after today',
    (wb) => setCell(wb, 'savings', 2, 'date', '27/11/2569'),
    [['E_DATE_RANGE', 'savings', 'A2']],
  ],
  [
    'money dated before the opening date',
    (wb) => setCell(wb, 'welfare', 2, 'date', '30/6/2569'),
    [['E_DATE_RANGE', 'welfare', 'A2']],
  ],
  [
    'a sub-group over five households',
    (wb) => {
      for (let h = 3; h <= 6; h++)
        addRow(wb, 'households', { household_id: `H${h}`, subgroup_id: 'SG1', head_name: 'x' });
    },
    [['W_SUBGROUP_SIZE', 'subgroups', 'A2']],
  ],
  [
    'a loan whose request was rejected',
    (wb) => setCell(wb, 'loan_requests', 2, 'status', 'ไม่อนุมัติ'),
    [['W_LOAN_WITHOUT_REQUEST', 'loans', 'H2']],
  ],
  [
    'a loan with no request at all',
    (wb) => {
      setCell(wb, 'loans', 2, 'request_id', null);
      setCell(wb, 'loan_requests', 2, 'member_id', 'M1');
    },
    [['W_LOAN_WITHOUT_REQUEST', 'loans', 'A2']],
  ],
  [
    'a loan at 2% a month',
    (wb) => setCell(wb, 'loans', 2, 'monthly_rate', '2%'),
    [['W_RATE_ABOVE_LEGAL', 'loans', 'E2']],
  ],
  [
    'an informal debt at 20% a month',
    (wb) => {
      setCell(wb, 'debt_survey', 2, 'interest_rate', 20);
      setCell(wb, 'debt_survey', 2, 'rate_period', 'ต่อเดือน');
    },
    [['W_RATE_ABOVE_LEGAL', 'debt_survey', 'F2']],
  ],
];

describe('checkWorkbook finds each mistake at its cell, and nothing else', () => {
  it.each(CASES)('%s', (_name, plant, expected) => {
    const wb = smallBook();
    plant(wb);
    expect(places(wb)).toEqual(expected);
  });

  it('keeps 1.25% a month and 15% a year as legal', () => {
    const wb = smallBook();
    setCell(wb, 'loans', 2, 'monthly_rate', 1.25);
    setCell(wb, 'debt_survey', 2, 'interest_rate', 15);
    expect(places(wb)).toEqual([]);
  });

  it('reports every bad cell of a row, and still checks the other rows', () => {
    const wb = smallBook();
    setCell(wb, 'savings', 2, 'amount', '-100');
    setCell(wb, 'savings', 2, 'type', 'give');
    setCell(wb, 'savings', 2, 'member_id', 'M404');
    setCell(wb, 'savings', 4, 'date', '2026-02-30');
    expect(places(wb)).toEqual([
      ['E_UNKNOWN_REF', 'savings', 'B2'],
      ['E_VALUE', 'savings', 'C2'],
      ['E_VALUE', 'savings', 'D2'],
      ['E_VALUE', 'savings', 'A4'],
    ]);
  });

  it('gives each finding Thai and English messages, the value typed, and a 1-based row', () => {
    const wb = smallBook();
    setCell(wb, 'savings', 3, 'amount', '12,5O');
    const [finding] = readBook(wb, { asOf: AS_OF }).findings;
    expect(finding).toMatchObject({
      code: 'E_VALUE',
      severity: 'error',
      sheet: 'savings',
      row: 3,
      column: 'amount',
      cell: 'D3',
      value: '12,5O',
      reason: 'money_format',
    });
    expect(finding!.message.th).toContain('จำนวนเงิน');
    expect(finding!.message.en).toContain('amount');
  });

  it('finds columns in any order and ignores unknown columns', () => {
    const wb = smallBook();
    const rows = rowsOf(wb, 'savings');
    for (const row of rows) {
      row.reverse();
      row.unshift(row === rows[0] ? 'สูตร (formula)' : 123);
    }
    setCell(wb, 'savings', 2, 'amount', 'x');
    // the amount, fourth of the template's ten savings columns, is now eighth: H
    expect(places(wb)).toEqual([['E_VALUE', 'savings', 'H2']]);
  });

  it('skips empty rows in a tab that lacks a required column, and keeps rows with only a note', () => {
    const wb = smallBook();
    const rows = rowsOf(wb, 'savings');
    rows[0]![0] = 'วันเวลา'; // the date column is gone
    rows.push([null, '', null], [null, null, null, null, null, null, null, 'โน้ตอย่างเดียว']);
    const { tables } = readBook(wb, { asOf: AS_OF });
    expect(tables.get('savings')!.map((r) => r.row)).toEqual([2, 3, 4, 6]);
  });

  it('skips fully empty rows but counts them in the row numbers', () => {
    const wb = smallBook();
    const rows = rowsOf(wb, 'savings');
    rows.splice(2, 0, [null, '', '   ']);
    setCell(wb, 'savings', 4, 'amount', 'x');
    expect(places(wb)).toEqual([['E_VALUE', 'savings', 'D4']]);
  });
});
