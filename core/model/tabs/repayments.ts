import { account, date, id, satangOrZero, text } from '../fields.ts';
import { col, defineTab } from '../tab-spec.ts';

/** The Repayments tab (ชำระคืน): its columns, their record fields and its roles, declared once. */
export const repayments = defineTab(
  {
    key: 'repayments',
    th: 'ชำระคืน',
    en: 'Repayments',
    required: false,
    money: true,
    roles: { posts: true, dated: 'date', books: true, referenced: false, snapshotReference: false },
    uniqueColumns: ['receipt_no'],
  },
  {
    date: col('วันที่', 'date', date),
    loan_id: col('เลขที่สัญญา', 'id', id, { ref: 'loans' }),
    principal: col('เงินต้น', 'money', satangOrZero),
    interest: col('ดอกเบี้ย', 'money', satangOrZero),
    fine: col('ค่าปรับ', 'money', satangOrZero),
    account: col('บัญชี', 'enum', account.default('cash'), { enumeration: 'account' }),
    receipt_no: col('เลขที่ใบเสร็จ', 'id', id.optional()),
    note: col('หมายเหตุ', 'text', text.optional()),
  },
  [{ error: 'repayment_empty', path: 'principal', test: (r) => r.principal + r.interest + r.fine > 0 }],
);
