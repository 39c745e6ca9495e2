import type { IsoDate } from '../../calendar.ts';
import { daysBetween } from '../../calendar.ts';
import { type Finding, finding } from '../../model/finding.ts';
import { minus, type Satang, smaller, sum } from '../../money.ts';
import { thaiDate } from '../../thai-date.ts';
import type { Entry } from '../entry.ts';
import type { LedgerState } from '../state.ts';
import { baht, type Where } from './where.ts';

/**
 * A remittance pays off what the head holds, oldest first: E_REMIT_EXCEEDS_HELD when it hands over
 * more than the head collected (money in transit can never go below zero), W_NOT_REMITTED when
 * that money was held too long (once an episode).
 */
export function remitted(state: LedgerState, entry: Entry, where: Where, out: Finding[]): void {
  const subgroup = entry.subgroup!;
  const limit = state.remitWithinDays;
  const queue = state.held.get(subgroup) ?? [];
  const held = sum(queue.map((h) => h.left));
  const known = state.leftOutSince === null || entry.date < state.leftOutSince;
  if (entry.amount > held && known) exceedsHeld(entry, held, where, out);
  let amount = entry.amount;
  let oldest: IsoDate | undefined;
  while (amount > 0 && queue.length > 0) {
    const head = queue[0]!;
    oldest ??= head.date;
    const take = smaller(amount, head.left);
    head.left = minus(head.left, take);
    amount = minus(amount, take);
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

function exceedsHeld(entry: Entry, held: Satang, where: Where, out: Finding[]): void {
  const subgroup = entry.subgroup!;
  const over = minus(entry.amount, held);
  out.push(
    finding(
      'E_REMIT_EXCEEDS_HELD',
      where('remittances', entry.row, 'amount'),
      {
        th: `นำส่ง ${baht(entry.amount)} บาท มากกว่าเงินที่หัวหน้ากลุ่มย่อย ${subgroup} เก็บไว้ ${baht(held)} บาท (เกิน ${baht(over)} บาท): ตรวจจำนวนเงิน หรือรายการออมที่ยังไม่ได้บันทึก`,
        en: `remits ${baht(entry.amount)} baht, more than the ${baht(held)} sub-group ${subgroup}'s head holds (${baht(over)} over): check the amount, or savings not yet entered`,
      },
      { subgroup_id: subgroup, amount: entry.amount, balance: held },
    ),
  );
}

/** W_NOT_REMITTED for money a head still holds, older than the limit, as of the check day. */
export function stillHeld(state: LedgerState, asOf: IsoDate, where: Where, out: Finding[]): void {
  const limit = state.remitWithinDays;
  for (const [subgroup, queue] of state.held) {
    const head = queue.find((h) => h.left > 0);
    if (!head || state.lateEpisode.has(subgroup)) continue;
    const days = daysBetween(head.date, asOf);
    if (days <= limit) continue;
    const total = sum(queue.map((h) => h.left));
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
