import * as z from 'zod';
import { account, date, id, positiveSatang, purpose, text } from '../fields.ts';
import { col, defineTab } from '../tab-spec.ts';

/** The Loans tab (เงินกู้): its columns, their record fields and its roles, declared once. */
export const loans = defineTab(
  {
    key: 'loans',
    th: 'เงินกู้',
    en: 'Loans',
    required: false,
    money: true,
    roles: { posts: true, dated: 'disbursed_on', books: true, referenced: true, snapshotReference: false },
    idColumn: 'loan_id',
  },
  {
    loan_id: col('เลขที่สัญญา', 'id', id),
    member_id: col('รหัสสมาชิก', 'id', id, { ref: 'members' }),
    disbursed_on: col('วันที่จ่ายเงินกู้', 'date', date),
    principal: col('เงินต้น', 'money', positiveSatang),
    monthly_rate: col('ดอกเบี้ยต่อเดือน (%)', 'percent', z.number().min(0).max(100, { error: 'rate_range' })),
    term_months: col(
      'จำนวนงวด (เดือน)',
      'int',
      z.number().int().min(1, { error: 'term_range' }).max(120, { error: 'term_range' }),
    ),
    purpose: col('วัตถุประสงค์', 'enum', purpose.optional(), { enumeration: 'loan_purpose' }),
    request_id: col('เลขที่คำขอ', 'id', id.optional(), { ref: 'loan_requests' }),
    account: col('บัญชี', 'enum', account.default('cash'), { enumeration: 'account' }),
    guarantor_ids: col('รหัสผู้ค้ำประกัน', 'ids', z.array(id).default([]), { ref: 'members' }),
    note: col('หมายเหตุ', 'text', text.optional()),
  },
);
