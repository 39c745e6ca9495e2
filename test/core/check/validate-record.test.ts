import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../../core/check/validate-record.ts';
import { type DataTabKey, RECORD_PARTS, RECORD_SCHEMAS, readBook } from '../../../core/index.ts';
import { smallBook } from '../../helpers/small-book.ts';

/** A valid record of each tab (from the small book), to perturb a few cells of. */
const { tables } = readBook(smallBook(), { asOf: '2026-11-26' });
const YEAR_END = {
  fiscal_year: 2026,
  date: '2027-01-20',
  member_id: 'M1',
  dividend: 1500,
  interest_refund: 0,
};
/** The tabs the small book has no rows of: a valid record each. */
const OWN: Partial<Record<DataTabKey, Record<string, unknown>>> = {
  year_end: YEAR_END,
  welfare_rules: { benefit: 'sickness', amount: 20_000, unit: 'night', min_membership_days: 180 },
  debt_buyouts: { date: '2026-08-10', loan_id: 'L1', creditor: 'นายทุน', claimed: 500_000, paid: 400_000 },
};
const base = (tab: DataTabKey) => ({ ...(OWN[tab] ?? tables.get(tab)![0]!.record!) });

/** Values a cell reader can hand over (and a few it never would), each as likely as the next. */
const value = fc.constantFrom<unknown>(
  undefined,
  '2026-07-01',
  '2025-06-01',
  '2027-01-01',
  '2026-02-30',
  'M1',
  '',
  'x'.repeat(70),
  'cash',
  'bank',
  'deposit',
  'withdrawal',
  'transfer',
  'income',
  'expense',
  'approved',
  'informal',
  'month',
  'other',
  'contribution',
  'payout',
  0,
  1,
  -1,
  1.5,
  120,
  121,
  1e12,
  true,
  ['M1', 'M2'],
  [''],
);

const TABS = Object.keys(RECORD_PARTS) as DataTabKey[];

describe('validateRecord agrees with the zod schema it shares its parts with (property)', () => {
  it.each(TABS)('%s', (tab) => {
    const keys = Object.keys(RECORD_PARTS[tab].fields);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 3 }),
        fc.boolean(),
        (edits, twice) => {
          const values: Record<string, unknown> = base(tab);
          for (const [key, v] of edits) {
            if (v === undefined) delete values[key];
            else values[key] = v;
          }
          if (twice) validateRecord(tab, values); // remembered results must not change the answer
          const fast = validateRecord(tab, values);
          const zod = RECORD_SCHEMAS[tab].safeParse(values);
          if (zod.success) {
            expect(fast).toEqual({ ok: true, record: zod.data });
          } else {
            expect(fast.ok).toBe(false);
            const firstPerColumn = new Map<string, string>();
            for (const issue of zod.error.issues) {
              const column = String(issue.path[0]);
              if (!firstPerColumn.has(column)) firstPerColumn.set(column, issue.message);
            }
            const issues = fast.ok ? [] : fast.issues;
            expect(new Map(issues.map((i) => [i.column, i.error]))).toEqual(firstPerColumn);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives each row its own default list', () => {
    const a = validateRecord('loans', {
      loan_id: 'L1',
      member_id: 'M1',
      disbursed_on: '2026-07-01',
      principal: 100,
      monthly_rate: 1,
      term_months: 3,
    });
    const b = validateRecord('loans', {
      loan_id: 'L2',
      member_id: 'M1',
      disbursed_on: '2026-07-01',
      principal: 100,
      monthly_rate: 1,
      term_months: 3,
    });
    expect(a.ok && b.ok && a.record.guarantor_ids !== b.record.guarantor_ids).toBe(true);
  });
});
