import type { IsoDate } from '../calendar.ts';
import { monthOf } from '../calendar.ts';
import type { CheckContext } from '../check/context.ts';
import { getOrAdd } from '../maps.ts';
import type { Finding } from '../model/finding.ts';
import { plus, ZERO } from '../money.ts';
import { type Account, BANK, CASH, WELFARE_FUND } from './accounts.ts';
import { countMismatch } from './checks/count-mismatch.ts';
import { missingCounts } from './checks/count-missing.ts';
import { overdueLoans } from './checks/loan-overdue.ts';
import { closeDay } from './checks/negative-balance.ts';
import { remitted, stillHeld } from './checks/not-remitted.ts';
import { overdrawn } from './checks/overdrawn.ts';
import { overpaid } from './checks/overpaid.ts';
import { placer, type Where } from './checks/where.ts';
import type { Entry } from './entry.ts';
import {
  cloneLedger,
  eventDate,
  type Held,
  isCount,
  type LedgerEvent,
  type LedgerState,
  type Place,
} from './state.ts';

/**
 * Advances the ledger by events in ledger order (ledgerEvents), returning the findings they
 * raise: overdrawn savings, overpaid loans, cash, bank or the welfare fund below zero at a day's
 * end (one per episode), counts that differ from the books, money remitted late. Folding the
 * events in any chunks gives the same state and findings as one pass (a property test says so).
 */
export function advance(
  state: LedgerState,
  events: readonly LedgerEvent[],
  ctx: Pick<CheckContext, 'layouts'>,
): Finding[] {
  const out: Finding[] = [];
  const where = placer(ctx);
  for (const event of events) {
    const date = eventDate(event);
    if (state.day === null || date > state.day) {
      if (state.day !== null && !state.dayClosed) closeDay(state, where, out);
      state.day = date;
      state.dayClosed = false;
    }
    if (isCount(event)) {
      if (!state.dayClosed) closeDay(state, where, out);
      countMismatch(state, event, where, out);
    } else {
      state.dayClosed = false;
      takeEntry(state, event, where, out);
    }
  }
  return out;
}

/**
 * The findings that depend on "today", from the ledger as of its last event: the end of the last
 * day, money still held by heads, overdue loans, months that ended without a count. The state is
 * left as it was (a shell may advance it further).
 */
export function finish(state: LedgerState, ctx: Pick<CheckContext, 'layouts'>, asOf: IsoDate): Finding[] {
  const out: Finding[] = [];
  const where = placer(ctx);
  const s = state.dayClosed ? state : cloneLedger(state);
  if (!s.dayClosed && s.day !== null) closeDay(s, where, out);
  stillHeld(s, asOf, where, out);
  overdueLoans(s, asOf, where, out);
  missingCounts(s, asOf, out);
  return out;
}

function takeEntry(state: LedgerState, entry: Entry, where: Where, out: Finding[]): void {
  const place: Place = { sheet: entry.sheet, row: entry.row, column: entry.column };
  for (const { account, amount } of entry.postings) {
    state.balances.set(account, plus(state.balances.get(account) ?? ZERO, amount));
    if (account === WELFARE_FUND) state.lastTouch.set(account, place);
    if (account === CASH || account === BANK) {
      state.lastTouch.set(account, place);
      const month = monthOf(entry.date);
      getOrAdd(state.posted, month, () => new Set<Account>()).add(account);
    }
  }
  if (entry.kind === 'loan' && entry.loan !== undefined && !state.loans.has(entry.loan)) {
    // a loan posted by a shell after the state was made: follow it from now on
    state.loans.set(entry.loan, {
      principal: entry.amount,
      disbursed_on: entry.date,
      term_months: 0,
      row: entry.row ?? 0,
    });
  }
  if (entry.kind === 'withdrawal') overdrawn(state, entry, where, out);
  if (entry.kind === 'repayment') overpaid(state, entry, where, out);
  if (entry.kind === 'deposit' && entry.subgroup !== undefined) {
    getOrAdd(state.held, entry.subgroup, () => [] as Held[]).push({
      date: entry.date,
      row: entry.row,
      left: entry.amount,
    });
  }
  if (entry.kind === 'remittance') remitted(state, entry, where, out);
}
