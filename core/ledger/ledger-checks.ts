import { placeOf } from '../check/check-row.ts';
import { type Book, recordsOf } from '../check/check-workbook.ts';
import { type Finding, type FindingPlace, finding } from '../check/finding.ts';
import type { CashCount, DataTabKey, Loan } from '../model/records.ts';
import type { IsoDate } from '../parse/date.ts';
import { formatBaht, type Satang } from '../parse/money.ts';
import { thaiDate, thaiMonth } from '../thai-date.ts';
import * as acct from './accounts.ts';
import { type Account, BANK, CASH, WELFARE_FUND } from './accounts.ts';
import { addDays, daysBetween, monthBounds, monthOf, nextMonth } from './dates.ts';
import type { Entry, Journal } from './journal.ts';
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

/** The valid cash and bank counts with their sheet rows, by date (then row): end-of-day balances. */
export function datedCounts(book: Book): { row: number; count: CashCount }[] {
  const counts = (book.tables.get('counts') ?? []).flatMap((r) =>
    r.record ? [{ row: r.row, count: r.record as CashCount }] : [],
  );
  return counts.sort((a, b) =>
    a.count.date < b.count.date ? -1 : a.count.date > b.count.date ? 1 : a.row - b.row,
  );
}

/**
 * The treasurer's ledger checks of SPEC §5, in one pass over the journal: overdrawn savings,
 * overpaid loans, negative cash, bank or welfare fund (one finding per episode), counts that differ from the
 * books, money held too long by sub-group heads, overdue loans and months with no count.
 */
export function checkLedger(book: Book, journal: Journal): Finding[] {
  const out: Finding[] = [];
  const asOf = book.context.asOf;
  const where = (sheet: DataTabKey, row: number | null, column: string | null): FindingPlace => {
    const layout = book.context.layouts.get(sheet);
    return layout ? placeOf(layout, row, column) : { sheet, row, column, cell: null };
  };
  const loans = new Map(recordsOf<Loan>(book, 'loans').map((loan) => [loan.loan_id, loan]));
  const counts = datedCounts(book);

  const balance = new Map<Account, Satang>();
  const repaid = new Map<string, Satang>();
  const held = new Map<string, { date: IsoDate; row: number | null; left: Satang }[]>();
  const negative = new Map<Account, boolean>();
  const lateEpisode = new Set<string>();
  const lastCount = new Map<Account, { date: IsoDate; difference: Satang }>();
  const lastTouch = new Map<Account, Entry>();
  /** Months with cash or bank activity, per account (for W_COUNT_MISSING). */
  const posted = new Map<string, Set<Account>>();
  const limit = book.settings.remit_within_days;
  let c = 0;
  const entries = journal.entries;
  let i = 0;
  while (i < entries.length || c < counts.length) {
    const day =
      i < entries.length && (c >= counts.length || entries[i]!.date <= counts[c]!.count.date)
        ? entries[i]!.date
        : counts[c]!.count.date;
    for (; i < entries.length && entries[i]!.date === day; i++) {
      const entry = entries[i]!;
      for (const { account, amount } of entry.postings) {
        balance.set(account, (balance.get(account) ?? 0) + amount);
        if (account === WELFARE_FUND) lastTouch.set(account, entry);
        if (account === CASH || account === BANK) {
          lastTouch.set(account, entry);
          const month = monthOf(entry.date);
          const set = posted.get(month) ?? new Set<Account>();
          set.add(account);
          posted.set(month, set);
        }
      }
      if (entry.kind === 'withdrawal') overdrawn(entry);
      if (entry.kind === 'repayment') overpaid(entry);
      if (entry.kind === 'deposit' && entry.subgroup !== undefined) {
        const queue = held.get(entry.subgroup) ?? [];
        queue.push({ date: entry.date, row: entry.row, left: entry.amount });
        held.set(entry.subgroup, queue);
      }
      if (entry.kind === 'remittance') remitted(entry);
    }
    for (const { account, sign } of NEVER_NEGATIVE) {
      const below = sign * (balance.get(account) ?? 0) < 0;
      if (below && !negative.get(account)) negativeBalance(account, sign, day);
      negative.set(account, below);
    }
    for (; c < counts.length && counts[c]!.count.date === day; c++) countMismatch(counts[c]!);
  }
  stillHeld();
  overdueLoans();
  missingCounts();
  return out;

  function overdrawn(entry: Entry): void {
    // what the group owes a member is a credit balance: negative in the journal
    const after = -(balance.get(acct.savings(entry.member!)) ?? 0);
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

  function overpaid(entry: Entry): void {
    const loanId = entry.loan!;
    const principalPaid = -(entry.postings.find((p) => p.account === acct.loan(loanId))?.amount ?? 0);
    const total = (repaid.get(loanId) ?? 0) + principalPaid;
    repaid.set(loanId, total);
    const loan = loans.get(loanId);
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

  function remitted(entry: Entry): void {
    const subgroup = entry.subgroup!;
    const queue = held.get(subgroup) ?? [];
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
    const reported = lateEpisode.has(subgroup);
    // one finding per episode: until the head has handed over everything held, stay quiet
    if (queue.length === 0) lateEpisode.delete(subgroup);
    else if (late) lateEpisode.add(subgroup);
    if (!late || reported || oldest === undefined) return;
    const days = daysBetween(oldest, entry.date);
    out.push(
      finding(
        'W_NOT_REMITTED',
        where('remittances', entry.row, 'date'),
        {
          th: `หัวหน้ากลุ่มย่อย ${entry.subgroup} ถือเงินออมที่เก็บตั้งแต่ ${thaiDate(oldest)} ไว้ ${days} วันก่อนนำส่ง (กำหนด ${limit} วัน)`,
          en: `sub-group ${entry.subgroup}'s head held savings collected on ${oldest} for ${days} days before remitting (limit ${limit})`,
        },
        { subgroup_id: entry.subgroup, date: oldest, days, limit },
      ),
    );
  }

  function stillHeld(): void {
    for (const [subgroup, queue] of held) {
      const head = queue.find((h) => h.left > 0);
      if (!head || lateEpisode.has(subgroup)) continue;
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

  function negativeBalance(account: Account, sign: 1 | -1, day: IsoDate): void {
    const entry = lastTouch.get(account);
    const amount = sign * (balance.get(account) ?? 0);
    const place =
      entry && entry.sheet !== 'settings'
        ? where(entry.sheet, entry.row, entry.column)
        : where('other', null, null);
    out.push(
      finding(
        'E_NEGATIVE_BALANCE',
        place,
        {
          th: `${ACCOUNT_TH[account]}ติดลบ ${baht(-amount)} บาท ณ สิ้นวันที่ ${thaiDate(day)}`,
          en: `${ACCOUNT_EN[account]} is ${baht(amount)} baht at the end of ${day}`,
        },
        { account: ACCOUNT_KEY[account], date: day, balance: amount },
      ),
    );
  }

  function countMismatch({ row, count }: { row: number; count: CashCount }): void {
    const computed = balance.get(count.account) ?? 0;
    const difference = count.balance - computed;
    const previous = lastCount.get(count.account);
    lastCount.set(count.account, { date: count.date, difference });
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

  function overdueLoans(): void {
    // principal repaid per loan, as the day pass summed it (no entry is dated after the check date)
    for (const { row, record } of book.tables.get('loans') ?? []) {
      if (!record) continue;
      const loan = record as Loan;
      const status = loanStatus(loanSchedule(loan), loan.principal, repaid.get(loan.loan_id) ?? 0, asOf);
      if (status.daysOverdue <= OVERDUE_DAYS) continue;
      out.push(
        finding(
          'W_LOAN_OVERDUE',
          where('loans', row, 'loan_id'),
          {
            th: `เงินกู้ ${loan.loan_id} ค้างชำระ ${status.daysOverdue} วัน (ถึงกำหนด ${baht(status.due)} บาท ชำระแล้ว ${baht(status.repaid)} บาท)`,
            en: `loan ${loan.loan_id} is ${status.daysOverdue} days overdue (${baht(status.due)} due, ${baht(status.repaid)} repaid)`,
          },
          {
            loan_id: loan.loan_id,
            days: status.daysOverdue,
            limit: OVERDUE_DAYS,
            expected: status.due,
            actual: status.repaid,
          },
        ),
      );
    }
  }

  function missingCounts(): void {
    const months = [...posted.keys()].sort();
    if (months.length === 0) return;
    for (let month = months[0]!; monthBounds(month).last < asOf; month = nextMonth(month)) {
      const { last } = monthBounds(month);
      const from = addDays(last, -(COUNT_WINDOW_DAYS - 1));
      for (const account of [CASH, BANK]) {
        if (!posted.get(month)?.has(account)) continue;
        if (counts.some(({ count }) => count.account === account && count.date >= from && count.date <= last))
          continue;
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
}
