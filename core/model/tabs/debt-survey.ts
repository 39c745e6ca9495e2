import * as z from 'zod';
import { date, enumOf, id, satang, text } from '../fields.ts';
import { col, defineTab } from '../tab-spec.ts';

/** The Debt survey tab (สำรวจหนี้สิน): its columns, their record fields and its roles, declared once. */
export const debtSurvey = defineTab(
  {
    key: 'debt_survey',
    th: 'สำรวจหนี้สิน',
    en: 'Debt survey',
    required: false,
    money: false,
    roles: { posts: false, dated: 'survey_date', books: true, referenced: false, snapshotReference: false },
  },
  {
    survey_date: col('วันที่สำรวจ', 'date', date),
    household_id: col('รหัสครัวเรือน', 'id', id, { ref: 'households' }),
    creditor: col('เจ้าหนี้', 'text', text),
    creditor_type: col('ประเภทเจ้าหนี้', 'enum', enumOf('creditor_type'), { enumeration: 'creditor_type' }),
    outstanding: col('ยอดหนี้คงเหลือ', 'money', satang),
    interest_rate: col(
      'อัตราดอกเบี้ย (%)',
      'percent',
      z.number().min(0).max(1000, { error: 'rate_range' }).optional(),
    ),
    rate_period: col('ดอกเบี้ยคิดต่อ', 'enum', enumOf('rate_period').default('year'), {
      enumeration: 'rate_period',
    }),
    monthly_payment: col('ผ่อนต่อเดือน', 'money', satang.optional()),
    overdue_months: col(
      'ค้างชำระ (เดือน)',
      'int',
      z.number().int().min(0).max(600, { error: 'overdue_range' }).optional(),
    ),
    note: col('หมายเหตุ', 'text', text.optional()),
  },
);
