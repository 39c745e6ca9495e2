import { date, enumOf, id, positiveSatang, text } from '../fields.ts';
import { col, defineTab } from '../tab-spec.ts';

/** The Household accounts tab (บัญชีครัวเรือน): its columns, their record fields and its roles, declared once. */
export const householdAccounts = defineTab(
  {
    key: 'household_accounts',
    th: 'บัญชีครัวเรือน',
    en: 'Household accounts',
    required: false,
    money: true,
    roles: { posts: false, dated: 'date', books: true, referenced: false, snapshotReference: false },
  },
  {
    date: col('วันที่', 'date', date),
    household_id: col('รหัสครัวเรือน', 'id', id, { ref: 'households' }),
    type: col('ประเภท', 'enum', enumOf('household_entry_type'), { enumeration: 'household_entry_type' }),
    category: col('หมวด', 'category', text),
    amount: col('จำนวนเงิน', 'money', positiveSatang),
    note: col('หมายเหตุ', 'text', text.optional()),
  },
);
