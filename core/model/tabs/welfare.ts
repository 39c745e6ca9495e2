import { account, date, enumOf, id, positiveSatang, text } from '../fields.ts';
import { col, defineTab } from '../tab-spec.ts';

/** The Welfare tab (สวัสดิการ): its columns, their record fields and its roles, declared once. */
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
    member_id: col('รหัสสมาชิก', 'id', id, { ref: 'members' }),
    type: col('ประเภท', 'enum', enumOf('welfare_type'), { enumeration: 'welfare_type' }),
    benefit: col('สวัสดิการที่รับ', 'enum', enumOf('benefit').optional(), { enumeration: 'benefit' }),
    amount: col('จำนวนเงิน', 'money', positiveSatang),
    account: col('บัญชี', 'enum', account.default('cash'), { enumeration: 'account' }),
    note: col('หมายเหตุ', 'text', text.optional()),
  },
);
