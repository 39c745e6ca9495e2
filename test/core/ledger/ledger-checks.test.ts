import { describe, expect, it } from 'vitest';
import { checkBooks, checkWorkbook, type FindingCode, type Workbook } from '../../../core/index.ts';
import { addRow, rowsOf, setCell, smallBook } from '../../helpers/small-book.ts';

const AS_OF = '2026-11-26';
const places = (wb: Workbook, asOf = AS_OF) =>
  checkWorkbook(wb, { asOf }).findings.map((f) => [f.code, f.sheet, f.cell]);

type Case = [string, (wb: Workbook) => void, [FindingCode, string, string | null][], string?];

const CASES: Case[] = [
  [
    'a withdrawal beyond the savings (cash kept equal by a smaller expense)',
    (wb) => {
      setCell(wb, 'savings', 4, 'amount', 60);
      setCell(wb, 'other', 2, 'amount', 110);
    },
    [['E_SAVINGS_OVERDRAWN', 'savings', 'D4']],
  ],
  [
    'repaying more principal than was lent',
    (wb) => setCell(wb, 'repayments', 5, 'principal', 800),
    [['E_LOAN_OVERPAID', 'repayments', 'C5']],
  ],
  [
    'cash below zero for three days, once: one finding for the episode',
    (wb) => {
      setCell(wb, 'other', 2, 'amount', 5000);
      addRow(wb, 'other', { date: '28/7/2569', type: 'รายรับ', category: 'เงินบริจาค', amount: 4850 });
    },
    [['E_NEGATIVE_BALANCE', 'other', 'D2']],
  ],
  [
    'cash below zero twice: two episodes',
    (wb) => {
      setCell(wb, 'other', 2, 'amount', 5000);
      addRow(wb, 'other', { date: '28/7/2569', type: 'รายรับ', category: 'เงินบริจาค', amount: 4850 });
      addRow(wb, 'other', { date: '1/9/2569', type: 'รายจ่าย', category: 'ซ่อมบ้าน', amount: 4000 });
      addRow(wb, 'other', { date: '2/9/2569', type: 'รายรับ', category: 'เงินบริจาค', amount: 4000 });
    },
    [
      ['E_NEGATIVE_BALANCE', 'other', 'D2'],
      ['E_NEGATIVE_BALANCE', 'other', 'D5'],
    ],
  ],
  [
    'a cash count 10 baht over the books',
    (wb) => setCell(wb, 'counts', 2, 'balance', '2,990.50'),
    [['E_COUNT_MISMATCH', 'counts', 'C2']],
  ],
  [
    'a remittance 15 days after collection',
    (wb) => setCell(wb, 'remittances', 2, 'date', '20/7/2569'),
    [['W_NOT_REMITTED', 'remittances', 'A2']],
  ],
  [
    'savings still held by the head 16 days after collection',
    (wb) => addRow(wb, 'savings', { date: '10/11/2569', member_id: 'M1', type: 'ฝาก', amount: 40 }),
    [['W_NOT_REMITTED', 'savings', 'A5']],
  ],
  [
    'a loan more than 30 days behind its schedule',
    (wb) => rowsOf(wb, 'repayments').splice(4, 1),
    // and with November's only row gone, November is a month with nothing entered
    [
      ['W_MONTH_EMPTY', 'savings', null],
      ['W_LOAN_OVERDUE', 'loans', 'A2'],
    ],
    '2026-12-15',
  ],
  [
    'a month that ended with no bank count',
    (wb) => rowsOf(wb, 'counts').splice(2, 1),
    [['W_COUNT_MISSING', 'counts', null]],
  ],
];

describe('ledger checks', () => {
  it('stay silent on clean books', () => {
    expect(places(smallBook())).toEqual([]);
  });

  it.each(CASES)('%s', (_name, plant, expected, asOf) => {
    const wb = smallBook();
    plant(wb);
    expect(places(wb, asOf)).toEqual(expected);
  });

  it('gives the counted, computed and difference figures in satang', () => {
    const wb = smallBook();
    setCell(wb, 'counts', 2, 'balance', '2,970.25');
    const [f] = checkWorkbook(wb, { asOf: AS_OF }).findings;
    expect(f).toMatchObject({
      code: 'E_COUNT_MISMATCH',
      expected: 298_050,
      actual: 297_025,
      difference: -1_025,
    });
    expect(f!.message.th).toContain('2,970.25');
  });

  it('says where to look: a new difference since the last count, or the same one carried on', () => {
    const wb = smallBook();
    setCell(wb, 'remittances', 2, 'amount', '140.50'); // 10 baht short from 5 July on
    setCell(wb, 'counts', 5, 'balance', '3,200.50'); // and 19 more missing by 30 September
    const messages = checkWorkbook(wb, { asOf: AS_OF })
      .findings.filter((f) => f.code === 'E_COUNT_MISMATCH') // (the head also still holds the 10 baht)
      .map((f) => [f.cell, f.message.en.split(' — ')[1] ?? '']);
    expect(messages).toEqual([
      ['C2', ''],
      ['C4', 'all of it was already there at the count of 2026-07-31: nothing new since'],
      [
        'C5',
        '10.00 was already there at the count of 2026-08-31 and -29.00 is new since: look at the rows from 2026-08-31 to 2026-09-30',
      ],
      [
        'C6',
        '-19.00 was already there at the count of 2026-09-30 and 29.00 is new since: look at the rows from 2026-09-30 to 2026-10-31',
      ],
    ]);
    // the figures, for scripts: how much of the difference was carried from the previous count
    const figures = checkWorkbook(wb, { asOf: AS_OF })
      .findings.filter((f) => f.code === 'E_COUNT_MISMATCH')
      .map((f) => [f.difference, f.carried]);
    expect(figures).toEqual([
      [1_000, 0],
      [1_000, 1_000],
      [-1_900, 1_000],
      [1_000, -1_900],
    ]);
  });

  it('gives the balance before an overdrawing withdrawal', () => {
    const wb = smallBook();
    setCell(wb, 'savings', 4, 'amount', 60);
    setCell(wb, 'other', 2, 'amount', 110);
    const [f] = checkWorkbook(wb, { asOf: AS_OF }).findings;
    expect(f).toMatchObject({ member_id: 'M2', amount: 6_000, balance: -950 });
  });

  it('takes a deposit and a withdrawal on the same day in that order', () => {
    const wb = smallBook();
    // M2 has saved nothing before 2 July; the deposit and the withdrawal share the day
    setCell(wb, 'savings', 4, 'date', '2/7/2569');
    expect(places(wb)).toEqual([]);
    // a withdrawal the day before the deposit does overdraw
    setCell(wb, 'savings', 4, 'date', '1/7/2569');
    expect(places(wb)).toEqual([['E_SAVINGS_OVERDRAWN', 'savings', 'D4']]);
  });
});

describe('transfers', () => {
  it('go to cash when to_account is blank (every account column defaults to cash)', () => {
    const wb = smallBook();
    const row = addRow(wb, 'other', {
      date: '27/7/2569',
      type: 'โอน',
      category: 'ถอนเงินธนาคาร',
      amount: 100,
      account: 'ธนาคาร',
    });
    setCell(wb, 'counts', 2, 'balance', '3,080.50'); // 100 more cash on 31 July…
    setCell(wb, 'counts', 3, 'balance', '900'); // …and 100 less in the bank
    setCell(wb, 'counts', 4, 'balance', '3,220.50');
    setCell(wb, 'counts', 5, 'balance', '3,329.50');
    setCell(wb, 'counts', 6, 'balance', '3,437.50');
    const { journal, findings } = checkBooks(wb, { asOf: AS_OF });
    expect(findings).toEqual([]);
    expect(journal.entries.find((e) => e.sheet === 'other' && e.row === row)!.postings).toEqual([
      { account: 'cash', amount: 10_000 },
      { account: 'bank', amount: -10_000 },
    ]);
  });

  it('from cash to a blank to_account is a transfer to the same account', () => {
    const wb = smallBook();
    setCell(wb, 'other', 3, 'to_account', null);
    expect(places(wb)[0]).toEqual(['E_VALUE', 'other', 'F3']);
  });
});
