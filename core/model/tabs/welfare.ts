import * as z from 'zod';
import { account, date, enumOf, id, positiveSatang, text } from '../fields.ts';
import { RELIEF_SINCE } from '../rules.ts';
import { col, defineTab } from '../tab-spec.ts';

/**
 * The Welfare tab (สวัสดิการ): members' contributions, benefits paid, and money matched by the
 * state or the local authority (`matching`, SPEC §14: no member, its `source` named). A payout's
 * `event_date` (the birth, the stay, the death) and `nights` are what the welfare table judges it by.
 */
export const welfare = defineTab(
  {
    key: 'welfare',
    th: 'สวัสดิการ',
    en: 'Welfare',
    required: false,
    money: true,
    roles: { posts: true, dated: 'date', books: true, referenced: false, snapshotReference: false },
  },
  {
    date: col('วันที่', 'date', date),
    member_id: col('รหัสสมาชิก', 'id', id.optional(), { ref: 'members' }),
    type: col('ประเภท', 'enum', enumOf('welfare_type'), { enumeration: 'welfare_type' }),
    benefit: col('สวัสดิการที่รับ', 'enum', enumOf('benefit').optional(), { enumeration: 'benefit' }),
    amount: col('จำนวนเงิน', 'money', positiveSatang),
    account: col('บัญชี', 'enum', account.default('cash'), { enumeration: 'account' }),
    note: col('หมายเหตุ', 'text', text.optional()),
    event_date: col('วันที่เกิดเหตุ', 'date', date.optional(), { since: RELIEF_SINCE }),
    nights: col(
      'จำนวนคืน (นอนโรงพยาบาล)',
      'int',
      z.number().int().min(1, { error: 'nights_range' }).max(366, { error: 'nights_range' }).optional(),
      { since: RELIEF_SINCE },
    ),
    source: col('แหล่งเงินสมทบ', 'text', text.optional(), { since: RELIEF_SINCE }),
  },
  // every row but the state's or the local authority's matching money is a member's
  [{ error: 'required', path: 'member_id', test: (w) => w.type === 'matching' || w.member_id !== undefined }],
);
