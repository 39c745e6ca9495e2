import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, monthBounds } from '../../../core/calendar.ts';
import { accounts, checkBooks, entryTotal, type Workbook } from '../../../core/index.ts';
import { balancesAt, sumWhere } from '../../../core/ledger/balances.ts';
import { table } from '../../helpers/small-book.ts';

const OPENING = '2026-01-01';
const day = (offset: number) =>
  new Date(Date.parse(`${OPENING}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const baht = (satang: number) => (satang / 100).toFixed(2);

type Op = {
  kind: string;
  day: number;
  who: number;
  amount: number;
  extra: number;
  bank: boolean;
  viaTreasurer: boolean;
};
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom(
    'deposit',
    'withdrawal',
    'remit',
    'loan',
    'repay',
    'welfare_in',
    'welfare_out',
    'welfare_match',
    'buyout',
    'income',
    'expense',
    'transfer',
  ),
  day: fc.integer({ min: 0, max: 150 }),
  who: fc.integer({ min: 0, max: 5 }),
  amount: fc.integer({ min: 1, max: 2_000_000 }),
  extra: fc.integer({ min: 0, max: 50_000 }),
  bank: fc.boolean(),
  viaTreasurer: fc.boolean(),
});

/** A random group book: members in sub-groups, and money rows of every kind, valid or not. */
function randomBook(ops: Op[], openingCash: number, openingBank: number): Workbook {
  const members = [0, 1, 2, 3, 4, 5];
  const rows: Record<string, Record<string, unknown>[]> = {
    savings: [],
    remittances: [],
    loans: [],
    repayments: [],
    welfare: [],
    other: [],
    loan_requests: [],
    debt_buyouts: [],
    debt_survey: [],
  };
  let loans = 0;
  for (const o of ops) {
    const base = { date: day(o.day), account: o.bank ? 'bank' : 'cash' };
    const member = `M${o.who}`;
    switch (o.kind) {
      case 'deposit':
      case 'withdrawal':
        rows.savings!.push({
          ...base,
          member_id: member,
          type: o.kind,
          amount: baht(o.amount),
          via: o.viaTreasurer ? 'treasurer' : null,
        });
        break;
      case 'remit':
        rows.remittances!.push({ ...base, subgroup_id: `SG${o.who % 2}`, amount: baht(o.amount) });
        break;
      case 'loan':
        rows.loans!.push({
          loan_id: `L${loans++}`,
          member_id: member,
          disbursed_on: base.date,
          principal: baht(o.amount),
          monthly_rate: 1,
          term_months: 1 + (o.extra % 24),
          account: base.account,
        });
        break;
      case 'repay':
        rows.repayments!.push({
          ...base,
          loan_id: `L${o.who % Math.max(1, loans)}`,
          principal: baht(o.amount % 500_000),
          interest: baht(o.extra),
          fine: o.extra % 3 === 0 ? '5' : null,
        });
        break;
      case 'welfare_in':
      case 'welfare_out':
        rows.welfare!.push({
          ...base,
          member_id: member,
          type: o.kind === 'welfare_in' ? 'contribution' : 'payout',
          amount: baht(o.amount),
          // issue 21: a payout of a benefit, with its stay, judged by the table below
          ...(o.kind === 'welfare_out'
            ? {
                benefit: o.extra % 2 ? 'sickness' : 'birth',
                nights: 1 + (o.extra % 5),
                event_date: day(Math.max(0, o.day - (o.extra % 40))),
              }
            : {}),
        });
        break;
      case 'welfare_match':
        // the state's or the local authority's money: no member (a blank member id on any other row is an error)
        rows.welfare!.push({
          ...base,
          member_id: o.viaTreasurer ? null : member,
          type: o.viaTreasurer ? 'matching' : 'contribution',
          amount: baht(o.amount),
          source: 'อบต.',
        });
        break;
      case 'buyout':
        // a buy-out moves no money itself, whatever it says it paid
        rows.debt_survey!.push({
          survey_date: base.date,
          household_id: `H${o.who}`,
          creditor: `lender ${o.extra % 3}`,
          creditor_type: 'informal',
          outstanding: baht(o.amount),
          interest_rate: 20,
          rate_period: 'month',
        });
        rows.debt_buyouts!.push({
          date: base.date,
          loan_id: `L${o.who % Math.max(1, loans)}`,
          creditor: `lender ${o.extra % 3}`,
          claimed: baht(o.amount),
          paid: baht(Math.max(1, o.amount - o.extra)),
        });
        break;
      default:
        rows.other!.push({
          ...base,
          type: o.kind,
          category: o.extra % 2 ? 'food' : 'ค่าเครื่องเขียน',
          amount: baht(o.amount),
          to_account: o.kind === 'transfer' ? (o.bank ? 'cash' : 'bank') : null,
        });
    }
  }
  return {
    tabs: [
      {
        name: 'settings',
        rows: [
          ['key', 'value'],
          ['group_id', 'p'],
          ['group_name', 'p'],
          ['opening_date', OPENING],
          ['opening_cash', baht(openingCash)],
          ['opening_bank', baht(openingBank)],
        ],
      },
      table('subgroups', [
        { subgroup_id: 'SG0', head_member_id: 'M0' },
        { subgroup_id: 'SG1', head_member_id: 'M1' },
      ]),
      table(
        'households',
        members.map((m) => ({ household_id: `H${m}`, subgroup_id: `SG${m % 2}`, head_name: 'x' })),
      ),
      table(
        'members',
        members.map((m) => ({ member_id: `M${m}`, name: 'x', household_id: `H${m}`, joined_on: OPENING })),
      ),
      table('welfare_rules', [
        { benefit: 'sickness', amount: '200', unit: 'night', max_per_claim: '600', claim_within_days: 30 },
      ]),
      ...Object.entries(rows).map(([key, records]) => table(key as never, records as never)),
    ],
  };
}

describe('the journal (property)', () => {
  it('balances every entry, and at every month end savings + welfare + income − expenses + opening equity = cash + bank + in transit + loans', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 60 }),
        fc.nat(10_000_000),
        fc.nat(10_000_000),
        (ops, cash, bank) => {
          const { journal } = checkBooks(randomBook(ops, cash, bank), { asOf: '2026-12-31' });
          for (const entry of journal.entries) {
            expect(entryTotal(entry)).toBe(0);
            for (const p of entry.postings) expect(Number.isSafeInteger(p.amount)).toBe(true);
          }
          for (let month = '2026-01'; month <= '2026-06'; month = addMonths(`${month}-01`, 1).slice(0, 7)) {
            const b = balancesAt(journal, monthBounds(month).last);
            const owed =
              -sumWhere(b, (a) => a.startsWith('savings:')) -
              (b.get(accounts.WELFARE_FUND) ?? 0) -
              sumWhere(b, (a) => a.startsWith('income:')) -
              sumWhere(b, (a) => a.startsWith('expense:')) -
              (b.get(accounts.OPENING_EQUITY) ?? 0);
            const held =
              (b.get(accounts.CASH) ?? 0) +
              (b.get(accounts.BANK) ?? 0) +
              sumWhere(b, (a) => a.startsWith('transit:')) +
              sumWhere(b, (a) => a.startsWith('loan:'));
            expect(held - owed).toBe(0); // a difference: −0 (an empty book) is no imbalance
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('posts every valid money row once and lists every other as excluded', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { book, journal } = checkBooks(randomBook(ops, 100_000, 0), { asOf: '2026-12-31' });
        const moneyRows = ['savings', 'remittances', 'loans', 'repayments', 'welfare', 'other'].reduce(
          (n, key) => n + (book.tables.get(key as never)?.length ?? 0),
          0,
        );
        const posted = journal.entries.filter((e) => e.kind !== 'opening').length;
        expect(posted + journal.excluded.length).toBe(moneyRows);
        const keys = journal.entries.map((e) => `${e.sheet}:${e.row}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 100 },
    );
  });
});
