import { describe, expect, it } from 'vitest';
import { closedPeriodFindings } from '../../core/archive/closed-period.ts';
import { closedSummaryFindings } from '../../core/archive/closed-summary.ts';
import { checkBooks, SNAPSHOT_SCHEMA, summariseMonth } from '../../core/index.ts';
import { buildSnapshot } from '../../core/jobs/snapshot.ts';
import { reliefBook } from '../helpers/relief-book.ts';
import { rowsOf } from '../helpers/small-book.ts';

/**
 * Issue 21: the welfare table and the buy-outs never wake a closed month by themselves. A month
 * archived with them stays quiet when the committee changes next year's elderly benefit (a look
 * ahead, never compared), and is caught when a buy-out of the month is edited.
 */
const AS_OF = '2026-11-26';
const closed = (edit: (wb: ReturnType<typeof reliefBook>) => void = () => {}) => {
  const wb = reliefBook();
  rowsOf(wb, 'settings').push(['closed_through', '2026-10']);
  edit(wb);
  return wb;
};
const wake = (
  wb: ReturnType<typeof reliefBook>,
  snapshots: ReturnType<typeof buildSnapshot>['content'][],
) => {
  const checked = checkBooks(wb, { asOf: AS_OF });
  return [
    ...closedPeriodFindings(checked.book, snapshots),
    ...closedSummaryFindings(checked, snapshots, new Set()),
  ];
};

describe('closed months and the rules of issue 21', () => {
  const archived = ['2026-07', '2026-10'].map((m) => buildSnapshot(closed(), m).content);

  it('holds the new figures (schema 4 and after), and is quiet as archived', () => {
    expect(archived[0]!.schema).toBe(SNAPSHOT_SCHEMA);
    expect(archived[0]!.summary.debt_relief.debts_bought_out).toBe(1);
    expect(wake(closed(), archived)).toEqual([]);
  });

  it('stays quiet when the elderly benefit is raised for the years ahead', () => {
    const raised = closed((wb) => {
      const rules = rowsOf(wb, 'welfare_rules');
      rules[2]![1] = 500; // the elderly benefit: 300 → 500 a year
    });
    // the look ahead did move …
    const now = checkBooks(raised, { asOf: AS_OF });
    expect(archived[1]!.summary.welfare_health.elderly_cost).toBe(30_000);
    expect(summariseMonth(now, '2026-10').welfare_health.elderly_cost).toBe(50_000);
    // … and no closed month wakes
    expect(wake(raised, archived)).toEqual([]);
  });

  it("catches a closed month's buy-out edited later, at its cell", () => {
    const edited = closed((wb) => {
      rowsOf(wb, 'debt_buyouts')[1]![4] = 9000; // paid 8,000 → 9,000
    });
    const found = wake(edited, archived).filter((f) => f.code === 'W_CLOSED_PERIOD_CHANGED');
    expect(found.some((f) => f.sheet === 'debt_buyouts' && f.cell === 'E2')).toBe(true);
  });
});
