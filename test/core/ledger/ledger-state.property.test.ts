import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../../cli/generate/generate-workbook.ts';
import { buildJournal, readBook } from '../../../core/index.ts';
import { advance, finish } from '../../../core/ledger/fold.ts';
import { datedCounts, openingLedger } from '../../../core/ledger/ledger-checks.ts';
import { ledgerEvents, ledgerStateToJson } from '../../../core/ledger/state.ts';
import { addRow, setCell, smallBook } from '../../helpers/small-book.ts';

const AS_OF = '2026-11-26';

/** A book with faults of every kind the fold raises: overdrawn, overpaid, below zero, miscounted, late. */
function faultyBook() {
  const wb = smallBook();
  addRow(wb, 'savings', { date: '21/7/2569', member_id: 'M2', type: 'ถอน', amount: 90, receipt_no: 'S9' });
  addRow(wb, 'repayments', { date: '11/10/2569', loan_id: 'L1', principal: 900, receipt_no: 'R9' });
  addRow(wb, 'welfare', {
    date: '2/8/2569',
    member_id: 'M1',
    type: 'จ่ายสวัสดิการ',
    benefit: 'เจ็บป่วย',
    amount: 99,
  });
  addRow(wb, 'savings', { date: '1/9/2569', member_id: 'M1', type: 'ฝาก', amount: 5 });
  addRow(wb, 'remittances', { date: '25/9/2569', subgroup_id: 'SG1', amount: 5 });
  setCell(wb, 'counts', 3, 'balance', 5);
  return wb;
}

describe('the ledger state fold (issue 8, class 4)', () => {
  const books = [
    ['the faulty small book', faultyBook()],
    [
      'a generated group',
      generateWorkbook({
        groupId: 'g',
        groupName: 'g',
        households: 12,
        months: 3,
        start: '2026-07',
        seed: 9,
      }),
    ],
  ] as const;

  it.each(books)(
    'folding %s in any two chunks gives the same state and findings as one pass (property)',
    (_name, wb) => {
      const book = readBook(wb, { asOf: AS_OF });
      const events = ledgerEvents(buildJournal(book).entries, datedCounts(book));
      const whole = openingLedger(book);
      const oneFindings = advance(whole, events, book.context);
      oneFindings.push(...finish(whole, book.context, AS_OF));
      expect(oneFindings.length).toBeGreaterThan(0);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: events.length }), (split) => {
          const state = openingLedger(book);
          const findings = advance(state, events.slice(0, split), book.context);
          findings.push(...advance(state, events.slice(split), book.context));
          findings.push(...finish(state, book.context, AS_OF));
          expect(ledgerStateToJson(state)).toBe(ledgerStateToJson(whole));
          expect(findings).toEqual(oneFindings);
        }),
        { numRuns: 60 },
      );
    },
  );

  it('checks a new money row from the kept state without the sheet (what a shell does on an edit)', () => {
    const wb = smallBook();
    const book = readBook(wb, { asOf: AS_OF });
    const state = openingLedger(book);
    advance(state, ledgerEvents(buildJournal(book).entries, datedCounts(book)), book.context);
    // a withdrawal of 200 by M2 (who has 30.50) typed on 20 Nov: the kept state is enough
    const kept = ledgerStateToJson(state);
    const row = addRow(wb, 'savings', {
      date: '20/11/2569',
      member_id: 'M2',
      type: 'ถอน',
      amount: 200,
      receipt_no: 'S7',
    });
    const entry = buildJournal(readBook(wb, { asOf: AS_OF })).entries.find(
      (e) => e.sheet === 'savings' && e.row === row,
    )!;
    const findings = advance(state, [entry], book.context);
    expect(findings.map((f) => [f.code, f.cell])).toEqual([['E_SAVINGS_OVERDRAWN', `D${row}`]]);
    expect(ledgerStateToJson(state)).not.toBe(kept);
  });
});
