import { account, date, satang, text } from '../fields.ts';
import { col, defineTab } from '../tab-spec.ts';

/** The Cash counts tab (ตรวจนับเงิน): its columns, their record fields and its roles, declared once. */
export const counts = defineTab(
  {
    key: 'counts',
    th: 'ตรวจนับเงิน',
    en: 'Cash counts',
    required: false,
    money: true,
    roles: { posts: false, dated: 'date', books: true, referenced: false, snapshotReference: false },
  },
  {
    date: col('วันที่', 'date', date),
    account: col('บัญชี', 'enum', account, { enumeration: 'account' }),
    balance: col('ยอดที่นับได้', 'money', satang),
    counted_by: col('ผู้ตรวจนับ', 'text', text.optional()),
    note: col('หมายเหตุ', 'text', text.optional()),
  },
);
