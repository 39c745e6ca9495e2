import { account, date, id, positiveSatang, text } from '../fields.ts';
import { col, defineTab } from '../tab-spec.ts';

/** The Remittances tab (นำส่งเงิน): its columns, their record fields and its roles, declared once. */
export const remittances = defineTab(
  {
    key: 'remittances',
    th: 'นำส่งเงิน',
    en: 'Remittances',
    required: false,
    money: true,
    roles: { posts: true, dated: 'date', books: true, referenced: false, snapshotReference: false },
  },
  {
    date: col('วันที่', 'date', date),
    subgroup_id: col('รหัสกลุ่มย่อย', 'id', id, { ref: 'subgroups' }),
    amount: col('จำนวนเงิน', 'money', positiveSatang),
    account: col('บัญชี', 'enum', account.default('cash'), { enumeration: 'account' }),
    received_by: col('ผู้รับเงิน', 'text', text.optional()),
    note: col('หมายเหตุ', 'text', text.optional()),
  },
);
