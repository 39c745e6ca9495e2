import { date, id, positiveSatang, satang, text } from '../fields.ts';
import { RELIEF_SINCE } from '../rules.ts';
import { col, defineTab } from '../tab-spec.ts';

/**
 * Debt buy-outs (ปลดหนี้, SPEC §14): a group loan that paid off a household's lender — the
 * creditor as the debt survey names it, what the lender claimed, what the group paid and the
 * interest the household had already paid that lender. The row moves no money itself (the loan's
 * principal is what was paid out); it ties the loan to the survey and says what it achieved.
 */
export const debtBuyouts = defineTab(
  {
    key: 'debt_buyouts',
    th: 'ปลดหนี้',
    en: 'Debt buy-outs',
    required: false,
    money: true,
    since: RELIEF_SINCE,
    uniqueColumns: ['receipt_no'],
    roles: { posts: false, dated: 'date', books: true, referenced: false, snapshotReference: false },
  },
  {
    date: col('วันที่', 'date', date),
    loan_id: col('เลขที่สัญญา', 'id', id, { ref: 'loans' }),
    creditor: col('เจ้าหนี้', 'text', text),
    claimed: col('ยอดที่เจ้าหนี้แจ้ง', 'money', positiveSatang),
    paid: col('กลุ่มจ่ายเจ้าหนี้', 'money', positiveSatang),
    interest_paid_before: col('ดอกเบี้ยที่จ่ายเจ้าหนี้ไปแล้ว', 'money', satang.optional()),
    receipt_no: col('เลขที่ใบเสร็จ', 'text', text.optional()),
    note: col('หมายเหตุ', 'text', text.optional()),
  },
  [{ error: 'buyout_over_claimed', path: 'paid', test: (b) => b.paid <= b.claimed }],
);
