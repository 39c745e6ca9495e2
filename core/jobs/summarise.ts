import type { CheckedBooks } from '../ledger/checked-books.ts';
import { type MonthlySummary, summariseMonth } from '../summary/monthly-summary.ts';

/** The job "summarise": SPEC §6's summary of one month of a checked book. */
export function summarise(checked: CheckedBooks, month: string): MonthlySummary {
  return summariseMonth(checked, month);
}
