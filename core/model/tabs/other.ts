import { account, date, enumOf, positiveSatang, text } from '../fields.ts';
import { col, defineTab } from '../tab-spec.ts';

/** The Other income and expenses tab (รายรับรายจ่ายอื่น): its columns, their record fields and its roles, declared once. */
export const other = defineTab(
  {
    key: 'other',
    th: 'รายรับรายจ่ายอื่น',
    en: 'Other income and expenses',
    required: false,
    money: true,
    roles: { posts: true, dated: 'date', books: true, referenced: false, snapshotReference: false },
  },
  {
    date: col('วันที่', 'date', date),
    type: col('ประเภท', 'enum', enumOf('other_type'), { enumeration: 'other_type' }),
    category: col('หมวด', 'category', text),
    amount: col('จำนวนเงิน', 'money', positiveSatang),
    account: col('บัญชี', 'enum', account.default('cash'), { enumeration: 'account' }),
    to_account: col('โอนเข้าบัญชี', 'enum', account.optional(), { enumeration: 'account' }),
    note: col('หมายเหตุ', 'text', text.optional()),
  },
  [
    {
      // SPEC §3: `to_account`, like every account column, defaults to cash
      error: 'transfer_same_account',
      path: 'to_account',
      test: (o) => o.type !== 'transfer' || (o.to_account ?? 'cash') !== o.account,
    },
  ],
  (o) => {
    if (o.type === 'transfer') o.to_account ??= 'cash';
    return o;
  },
);
