import { addDays, daysBetween, monthBounds, monthOf, nextMonth } from '../calendar.ts';
import { placeOf } from '../check/check-row.ts';
import type { CheckContext } from '../check/context.ts';
import { type Finding, type FindingPlace, finding } from '../check/finding.ts';
import { getOrAdd } from '../maps.ts';
import type { CashCount, DataTabKey, Loan } from '../model/records.ts';
import type { IsoDate } from '../parse/date.ts';
import { formatBaht, type Satang } from '../parse/money.ts';
import { thaiDate, thaiMonth } from '../thai-date.ts';
import * as acct from './accounts.ts';
import { type Account, BANK, CASH, WELFARE_FUND } from './accounts.ts';
import type { Entry } from './journal.ts';
import { loanSchedule, loanStatus } from './loan-schedule.ts';

const baht = (satang: Satang) => formatBaht(satang);
const ACCOUNT_TH: Record<string, string> = {
  cash: 'เงินสด',
  bank: 'เงินฝากธนาคาร',
  [WELFARE_FUND]: 'กองทุนสวัสดิการ',
};
const ACCOUNT_EN: Record<string, string> = { cash: 'cash', bank: 'bank', [WELFARE_FUND]: 'the welfare fund' };
/** The finding's `account` field of a journal account. */
const ACCOUNT_KEY: Record<string, 'cash' | 'bank' | 'welfare'> = {
  cash: 'cash',
  bank: 'bank',
  [WELFARE_FUND]: 'welfare',
};
/** Balances that must never go below zero, and the sign that makes them positive in the journal. */
const NEVER_NEGATIVE: { account: Account; sign: 1 | -1 }[] = [
  { account: CASH, sign: 1 },
  { account: BANK, sign: 1 },
  // what the fund holds is owed to members: a credit balance, negative in the journal
  { account: WELFARE_FUND, sign: -1 },
];
/** How many days before a month's end a count still counts for that month. */
const COUNT_WINDOW_DAYS = 7;
/** Days overdue after which a loan is flagged (and counted in PAR30). */
export const OVERDUE_DAYS = 30;

/** A loan as the ledger follows it: what was lent, its schedule's inputs and its row. */
export interface LoanFacts {
  principal: Satang;
  disbursed_on: IsoDate;
  term_months: number;
  row: number;
}

/** Money a sub-group head collected and still holds: the day, its row and how much is left. */
interface Held {
  date: IsoDate;
  row: number | null;
  left: Satang;
}

/** Where a posting last touched an account: for a finding at the row that took it below zero. */
type Place = { sheet: DataTabKey | 'settings'; row: number | null; column: string | null };

/**
 * The ledger as of a day: every balance (each member's savings, cash, bank, what each sub-group
 * head holds, each loan, the welfare fund), each loan's principal repaid, the money held by heads
 * oldest first, and what the one-finding-per-episode rules remember. A shell keeps it (as JSON,
 * ledgerStateToJson) and advances it with new rows without reading the sheet again.
 */
export interface LedgerState {
  /** The last day events were taken in, and whether its end has been checked. */
  day: IsoDate | null;
  dayClosed: boolean;
  remitWithinDays: number;
  balances: Map<Account, Satang>;
  repaid: Map<string, Satang>;
  loans: Map<string, LoanFacts>;
  held: Map<string, Held[]>;
  negative: Map<Account, boolean>;
  lateEpisode: Set<string>;
  lastCount: Map<Account, { date: IsoDate; difference: Satang }>;
  lastTouch: Map<Account, Place>;
  /** Months with cash or bank postings, per account (W_COUNT_MISSING). */
  posted: Map<string, Set<Account>>;
  /** `account:date` of every count taken. */
  counted: Set<string>;
}

/** A cash or bank count at the end of its day, with its sheet row. */
export interface DatedCount {
  row: number;
  count: CashCount;
}

/** What the ledger takes in: a journal entry, or a count (no wrapper: a book has 150,000 entries). */
export type LedgerEvent = Entry | DatedCount;

const isCount = (e: LedgerEvent): e is DatedCount => 'count' in e;
const eventDate = (e: LedgerEvent) => (isCount(e) ? e.count.date : e.date);

/** The ledger before anything happened, knowing the group's valid loans and its remittance limit. */
export function emptyLedger(
  remitWithinDays: number,
  loans: readonly { row: number; record: Loan }[] = [],
): LedgerState {
  return {
    day: null,
    dayClosed: true,
    remitWithinDays,
    balances: new Map(),
    repaid: new Map(),
    loans: new Map(
      loans.map(({ row, record }) => [
        record.loan_id,
        {
          principal: record.principal,
          disbursed_on: record.disbursed_on,
          term_months: record.term_months,
          row,
        },
      ]),
    ),
    held: new Map(),
    negative: new Map(),
    lateEpisode: new Set(),
    lastCount: new Map(),
    lastTouch: new Map(),
    posted: new Map(),
    counted: new Set(),
  };
}

/** Journal entries and counts as one stream in ledger order: a day's entries, then its counts. */
export function ledgerEvents(entries: readonly Entry[], counts: readonly DatedCount[]): LedgerEvent[] {
  if (counts.length === 0) return entries as LedgerEvent[];
  const events: LedgerEvent[] = [];
  let c = 0;
  for (const entry of entries) {
    while (c < counts.length && counts[c]!.count.date < entry.date) events.push(counts[c++]!);
    events.push(entry);
  }
  while (c < counts.length) events.push(counts[c++]!);
  return events;
}

/** Where a finding points, from the context's column positions (plain data). */
function placer(ctx: Pick<CheckContext, 'layouts'>) {
  return (sheet: DataTabKey, row: number | null, column: string | null): FindingPlace => {
    const layout = ctx.layouts.get(sheet);
    return layout ? placeOf(layout, row, column) : { sheet, row, column, cell: null };
  };
}

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

function takeEntry(state: LedgerState, entry: Entry, where: ReturnType<typeof placer>, out: Finding[]): void {
  const place: Place = { sheet: entry.sheet, row: entry.row, column: entry.column };
  for (const { account, amount } of entry.postings) {
    state.balances.set(account, (state.balances.get(account) ?? 0) + amount);
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

function closeDay(state: LedgerState, where: ReturnType<typeof placer>, out: Finding[]): void {
  state.dayClosed = true;
  for (const { account, sign } of NEVER_NEGATIVE) {
    const amount = sign * (state.balances.get(account) ?? 0);
    const below = amount < 0;
    if (below && !state.negative.get(account)) {
      const touch = state.lastTouch.get(account);
      const place =
        touch && touch.sheet !== 'settings'
          ? where(touch.sheet, touch.row, touch.column)
          : where('other', null, null);
      out.push(
        finding(
          'E_NEGATIVE_BALANCE',
          place,
          {
            th: `${ACCOUNT_TH[account]}ติดลบ ${baht(-amount)} บาท ณ สิ้นวันที่ ${thaiDate(state.day!)}`,
            en: `${ACCOUNT_EN[account]} is ${baht(amount)} baht at the end of ${state.day}`,
          },
          { account: ACCOUNT_KEY[account], date: state.day!, balance: amount },
        ),
      );
    }
    state.negative.set(account, below);
  }
}

function overdrawn(state: LedgerState, entry: Entry, where: ReturnType<typeof placer>, out: Finding[]): void {
  // what the group owes a member is a credit balance: negative in the journal
  const after = -(state.balances.get(acct.savings(entry.member!)) ?? 0);
  if (after >= 0) return;
  const amount = entry.amount;
  out.push(
    finding(
      'E_SAVINGS_OVERDRAWN',
      where('savings', entry.row, 'amount'),
      {
        th: `ถอน ${baht(amount)} บาท เกินเงินออมของสมาชิก ${entry.member} (คงเหลือก่อนถอน ${baht(after + amount)} บาท)`,
        en: `withdrawal of ${baht(amount)} baht takes member ${entry.member} below zero (balance before: ${baht(after + amount)})`,
      },
      { member_id: entry.member, amount, balance: after },
    ),
  );
}

function overpaid(state: LedgerState, entry: Entry, where: ReturnType<typeof placer>, out: Finding[]): void {
  const loanId = entry.loan!;
  const principalPaid = -(entry.postings.find((p) => p.account === acct.loan(loanId))?.amount ?? 0);
  const total = (state.repaid.get(loanId) ?? 0) + principalPaid;
  state.repaid.set(loanId, total);
  const loan = state.loans.get(loanId);
  if (!loan || total <= loan.principal || principalPaid === 0) return;
  out.push(
    finding(
      'E_LOAN_OVERPAID',
      where('repayments', entry.row, 'principal'),
      {
        th: `ชำระเงินต้นเงินกู้ ${loanId} รวม ${baht(total)} บาท เกินเงินต้น ${baht(loan.principal)} บาท`,
        en: `principal repaid on loan ${loanId} totals ${baht(total)} baht, more than the ${baht(loan.principal)} lent`,
      },
      { loan_id: loanId, expected: loan.principal, actual: total },
    ),
  );
}

function remitted(state: LedgerState, entry: Entry, where: ReturnType<typeof placer>, out: Finding[]): void {
  const subgroup = entry.subgroup!;
  const limit = state.remitWithinDays;
  const queue = state.held.get(subgroup) ?? [];
  let amount = entry.amount;
  let oldest: IsoDate | undefined;
  while (amount > 0 && queue.length > 0) {
    const head = queue[0]!;
    oldest ??= head.date;
    const take = Math.min(amount, head.left);
    head.left -= take;
    amount -= take;
    if (head.left === 0) queue.shift();
  }
  const late = oldest !== undefined && daysBetween(oldest, entry.date) > limit;
  const reported = state.lateEpisode.has(subgroup);
  // one finding per episode: until the head has handed over everything held, stay quiet
  if (queue.length === 0) state.lateEpisode.delete(subgroup);
  else if (late) state.lateEpisode.add(subgroup);
  if (!late || reported || oldest === undefined) return;
  const days = daysBetween(oldest, entry.date);
  out.push(
    finding(
      'W_NOT_REMITTED',
      where('remittances', entry.row, 'date'),
      {
        th: `หัวหน้ากลุ่มย่อย ${subgroup} ถือเงินออมที่เก็บตั้งแต่ ${thaiDate(oldest)} ไว้ ${days} วันก่อนนำส่ง (กำหนด ${limit} วัน)`,
        en: `sub-group ${subgroup}'s head held savings collected on ${oldest} for ${days} days before remitting (limit ${limit})`,
      },
      { subgroup_id: subgroup, date: oldest, days, limit },
    ),
  );
}

function countMismatch(
  state: LedgerState,
  { row, count }: { row: number; count: CashCount },
  where: ReturnType<typeof placer>,
  out: Finding[],
): void {
  state.counted.add(`${count.account}:${count.date}`);
  const computed = state.balances.get(count.account) ?? 0;
  const difference = count.balance - computed;
  const previous = state.lastCount.get(count.account);
  state.lastCount.set(count.account, { date: count.date, difference });
  if (difference === 0) return;
  // where to look: the part already there at the previous count is not new
  const carried = previous?.difference ?? 0;
  const arisen = difference - carried;
  const hint =
    previous === undefined || carried === 0
      ? { th: '', en: '' }
      : arisen === 0
        ? {
            th: ` — เป็นส่วนต่างเดิมทั้งหมดตั้งแต่การตรวจนับวันที่ ${thaiDate(previous.date)} ไม่มีส่วนต่างใหม่`,
            en: ` — all of it was already there at the count of ${previous.date}: nothing new since`,
          }
        : {
            th: ` — ${baht(carried)} บาท ยกมาจากการตรวจนับวันที่ ${thaiDate(previous.date)} และ ${baht(arisen)} บาท เกิดใหม่หลังจากนั้น: ดูรายการตั้งแต่ ${thaiDate(previous.date)} ถึง ${thaiDate(count.date)}`,
            en: ` — ${baht(carried)} was already there at the count of ${previous.date} and ${baht(arisen)} is new since: look at the rows from ${previous.date} to ${count.date}`,
          };
  out.push(
    finding(
      'E_COUNT_MISMATCH',
      where('counts', row, 'balance'),
      {
        th: `${ACCOUNT_TH[count.account]}ที่นับได้ ${baht(count.balance)} บาท ไม่ตรงกับบัญชี ${baht(computed)} บาท (ต่างกัน ${baht(difference)} บาท)${hint.th}`,
        en: `counted ${count.account} ${baht(count.balance)} differs from the books' ${baht(computed)} by ${baht(difference)}${hint.en}`,
      },
      {
        account: ACCOUNT_KEY[count.account],
        date: count.date,
        expected: computed,
        actual: count.balance,
        difference,
        carried,
      },
    ),
  );
}

function stillHeld(
  state: LedgerState,
  asOf: IsoDate,
  where: ReturnType<typeof placer>,
  out: Finding[],
): void {
  const limit = state.remitWithinDays;
  for (const [subgroup, queue] of state.held) {
    const head = queue.find((h) => h.left > 0);
    if (!head || state.lateEpisode.has(subgroup)) continue;
    const days = daysBetween(head.date, asOf);
    if (days <= limit) continue;
    const total = queue.reduce((sum, h) => sum + h.left, 0);
    out.push(
      finding(
        'W_NOT_REMITTED',
        where('savings', head.row, 'date'),
        {
          th: `หัวหน้ากลุ่มย่อย ${subgroup} ยังถือเงินออม ${baht(total)} บาท ที่เก็บตั้งแต่ ${thaiDate(head.date)} (${days} วัน เกินกำหนด ${limit} วัน)`,
          en: `sub-group ${subgroup}'s head still holds ${baht(total)} baht collected since ${head.date} (${days} days, limit ${limit})`,
        },
        { subgroup_id: subgroup, date: head.date, days, limit, balance: total },
      ),
    );
  }
}

function overdueLoans(
  state: LedgerState,
  asOf: IsoDate,
  where: ReturnType<typeof placer>,
  out: Finding[],
): void {
  for (const [loanId, loan] of state.loans) {
    if (loan.term_months < 1) continue;
    const status = loanStatus(loanSchedule(loan), loan.principal, state.repaid.get(loanId) ?? 0, asOf);
    if (status.daysOverdue <= OVERDUE_DAYS) continue;
    out.push(
      finding(
        'W_LOAN_OVERDUE',
        where('loans', loan.row, 'loan_id'),
        {
          th: `เงินกู้ ${loanId} ค้างชำระ ${status.daysOverdue} วัน (ถึงกำหนด ${baht(status.due)} บาท ชำระแล้ว ${baht(status.repaid)} บาท)`,
          en: `loan ${loanId} is ${status.daysOverdue} days overdue (${baht(status.due)} due, ${baht(status.repaid)} repaid)`,
        },
        {
          loan_id: loanId,
          days: status.daysOverdue,
          limit: OVERDUE_DAYS,
          expected: status.due,
          actual: status.repaid,
        },
      ),
    );
  }
}

function missingCounts(state: LedgerState, asOf: IsoDate, out: Finding[]): void {
  const months = [...state.posted.keys()].sort();
  if (months.length === 0) return;
  for (let month = months[0]!; monthBounds(month).last < asOf; month = nextMonth(month)) {
    const { last } = monthBounds(month);
    for (const account of [CASH, BANK]) {
      if (!state.posted.get(month)?.has(account)) continue;
      let counted = false;
      for (let d = 0; d < COUNT_WINDOW_DAYS && !counted; d++)
        counted = state.counted.has(`${account}:${addDays(last, -d)}`);
      if (counted) continue;
      out.push(
        finding(
          'W_COUNT_MISSING',
          { sheet: 'counts', row: null, column: 'date', cell: null },
          {
            th: `เดือน ${thaiMonth(month)} ไม่มีการตรวจนับ${ACCOUNT_TH[account]}ใน ${COUNT_WINDOW_DAYS} วันสุดท้ายของเดือน`,
            en: `no ${account} count in the last ${COUNT_WINDOW_DAYS} days of ${month}`,
          },
          { account: ACCOUNT_KEY[account], month, limit: COUNT_WINDOW_DAYS },
        ),
      );
    }
  }
}

/** A deep copy of a ledger state (a shell's kept state is never changed by a trial). */
export function cloneLedger(state: LedgerState): LedgerState {
  return ledgerStateFromJson(ledgerStateToJson(state));
}

/** The state as JSON text, to keep (Script Properties, the archive table). */
export function ledgerStateToJson(state: LedgerState): string {
  return JSON.stringify({
    ...state,
    balances: [...state.balances],
    repaid: [...state.repaid],
    loans: [...state.loans],
    held: [...state.held],
    negative: [...state.negative],
    lateEpisode: [...state.lateEpisode],
    lastCount: [...state.lastCount],
    lastTouch: [...state.lastTouch],
    posted: [...state.posted].map(([month, set]) => [month, [...set]]),
    counted: [...state.counted],
  });
}

/** The state from ledgerStateToJson's text. */
export function ledgerStateFromJson(text: string): LedgerState {
  const d = JSON.parse(text);
  return {
    day: d.day,
    dayClosed: d.dayClosed,
    remitWithinDays: d.remitWithinDays,
    balances: new Map(d.balances),
    repaid: new Map(d.repaid),
    loans: new Map(d.loans),
    held: new Map(d.held),
    negative: new Map(d.negative),
    lateEpisode: new Set(d.lateEpisode),
    lastCount: new Map(d.lastCount),
    lastTouch: new Map(d.lastTouch),
    posted: new Map((d.posted as [string, Account[]][]).map(([month, list]) => [month, new Set(list)])),
    counted: new Set(d.counted),
  };
}
