import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRows } from '../../core/archive/diff-rows.ts';
import type { SnapshotRow } from '../../core/model/month-rows.ts';

const row = fc.record({
  date: fc.constantFrom('2026-07-01', '2026-07-02', '2026-07-15'),
  member_id: fc.constantFrom('M1', 'M2', 'M3'),
  amount: fc.integer({ min: 1, max: 10_000 }),
});
/** Months with many identical rows (the same member saving the same amount on the same day). */
const sheet = fc
  .array(fc.oneof(row, fc.constant({ date: '2026-07-01', member_id: 'M1', amount: 5 })), {
    minLength: 1,
    maxLength: 30,
  })
  .map((rows) => rows.map((values, i) => ({ row: i + 2, values: { ...values } })));

describe('diffRows (property)', () => {
  it('finds nothing between a month and itself', () => {
    fc.assert(
      fc.property(sheet, (rows) => {
        expect(diffRows({ savings: rows }, { savings: structuredClone(rows) })).toEqual([]);
      }),
    );
  });

  it('finds one changed cell where one amount changed', () => {
    fc.assert(
      fc.property(sheet, fc.nat(), (rows, pick) => {
        const after: SnapshotRow[] = structuredClone(rows);
        const target = after[pick % after.length]!;
        target.values.amount = (target.values.amount as number) + 1;
        const changes = diffRows({ savings: rows }, { savings: after });
        const same = rows.some(
          (r) => r.row !== target.row && JSON.stringify(r.values) === JSON.stringify(target.values),
        );
        if (same) return; // the edited row now equals another: a move, not a change
        expect(changes).toMatchObject([{ kind: 'changed', row: target.row, cells: [{ column: 'amount' }] }]);
      }),
    );
  });

  it('finds one added row when a row is inserted, however many rows move down', () => {
    fc.assert(
      fc.property(sheet, fc.nat(), row, (rows, at, values) => {
        const index = at % (rows.length + 1);
        const inserted = [
          ...rows.slice(0, index).map((r) => r.values),
          values,
          ...rows.slice(index).map((r) => r.values),
        ];
        const after = inserted.map((v, i) => ({ row: i + 2, values: v }));
        const changes = diffRows({ savings: rows }, { savings: after });
        expect(changes).toHaveLength(1);
        expect(changes[0]!.kind).toBe('added');
      }),
    );
  });
});
