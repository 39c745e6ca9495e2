import { type MonthlySummary, summariseMonth } from '../summary/monthly-summary.ts';
import type { CheckedBooks } from './check-books.ts';

/** The job "summarise": SPEC §6's summary of one month of a checked book. */
export function summarise(checked: CheckedBooks, month: string): MonthlySummary {
  return summariseMonth(checked, month);
}
