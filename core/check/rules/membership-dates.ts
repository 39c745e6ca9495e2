import type { IsoDate } from '../../calendar.ts';
import { type Finding, finding } from '../../model/finding.ts';
import { placeOf, type Tables } from '../../model/place.ts';
import type { DataTabKey } from '../../model/records.ts';
import { thaiDate } from '../../thai-date.ts';
import type { CheckContext } from '../context.ts';

/** Money only a member brings or takes as a member: a deposit, a welfare contribution, a loan. */
const MEMBER_MONEY: {
  tab: DataTabKey;
  date: string;
  counts: (record: Record<string, unknown>) => boolean;
}[] = [
  { tab: 'savings', date: 'date', counts: (r) => r.type === 'deposit' },
  { tab: 'welfare', date: 'date', counts: (r) => r.type === 'contribution' },
  { tab: 'loans', date: 'disbursed_on', counts: () => true },
];

/**
 * W_OUTSIDE_MEMBERSHIP: a deposit, welfare contribution or loan dated before the member joined or
 * after the member left, at the row's date cell. The money is in the books (it was handed over);
 * either the date, the member or the members tab is wrong. A withdrawal after leaving is how a
 * member who left takes savings home, and is not flagged.
 */
export function checkMembershipDates(ctx: CheckContext, tables: Tables, out: Finding[]): void {
  const members = new Map<string, { joined: IsoDate; left?: IsoDate }>();
  for (const { record } of tables.get('members') ?? [])
    if (record && !members.has(record.member_id))
      members.set(record.member_id, { joined: record.joined_on, left: record.left_on });
  for (const { tab, date, counts } of MEMBER_MONEY) {
    const layout = ctx.layouts.get(tab);
    if (!layout) continue;
    for (const { row, record } of tables.get(tab) ?? []) {
      if (!record) continue;
      const fields = record as Record<string, unknown>;
      const member = members.get(String(fields.member_id));
      const day = fields[date] as IsoDate;
      if (!member || !counts(fields)) continue;
      const before = day < member.joined;
      const after = member.left !== undefined && day > member.left;
      if (!before && !after) continue;
      const limit = before ? member.joined : member.left!;
      const id = String(fields.member_id);
      out.push(
        finding(
          'W_OUTSIDE_MEMBERSHIP',
          placeOf(layout, row, date),
          before
            ? {
                th: `รายการวันที่ ${thaiDate(day)} ของสมาชิก ${id} อยู่ก่อนวันที่สมัคร ${thaiDate(limit)}: ตรวจวันที่ รหัสสมาชิก หรือวันที่สมัคร`,
                en: `dated ${day}, before member ${id} joined on ${limit}: check the date, the member or joined_on`,
              }
            : {
                th: `รายการวันที่ ${thaiDate(day)} ของสมาชิก ${id} อยู่หลังวันที่ออก ${thaiDate(limit)}: ตรวจวันที่ รหัสสมาชิก หรือวันที่ออก`,
                en: `dated ${day}, after member ${id} left on ${limit}: check the date, the member or left_on`,
              },
          { member_id: id, limit_date: limit },
        ),
      );
    }
  }
}
