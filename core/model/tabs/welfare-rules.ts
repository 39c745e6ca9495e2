import * as z from 'zod';
import { enumOf, positiveSatang, text } from '../fields.ts';
import { RELIEF_SINCE } from '../rules.ts';
import { col, defineTab } from '../tab-spec.ts';

const days = z.number().int().min(0, { error: 'days_range' }).max(36_600, { error: 'days_range' });

/**
 * The welfare table (ระเบียบสวัสดิการ, SPEC §14): one benefit a row — its amount per event, night
 * or year, the caps per claim and per year, the membership it needs, what a death benefit grows by
 * with each full year of membership, and the days a claim may be made within. A benefit the tab
 * does not give comes from the bylaws' `welfare_preset`, if one is named.
 */
export const welfareRules = defineTab(
  {
    key: 'welfare_rules',
    th: 'ระเบียบสวัสดิการ',
    en: 'Welfare rules',
    required: false,
    money: false,
    since: RELIEF_SINCE,
    uniqueColumns: ['benefit'],
    roles: { posts: false, books: false, referenced: false, snapshotReference: false },
  },
  {
    benefit: col('สวัสดิการ', 'enum', enumOf('benefit'), { enumeration: 'benefit' }),
    amount: col('จำนวนเงิน', 'money', positiveSatang),
    unit: col('คิดต่อ', 'enum', enumOf('welfare_unit').default('event'), { enumeration: 'welfare_unit' }),
    max_per_claim: col('สูงสุดต่อครั้ง', 'money', positiveSatang.optional()),
    max_per_year: col('สูงสุดต่อปี', 'money', positiveSatang.optional()),
    min_membership_days: col('เป็นสมาชิกอย่างน้อย (วัน)', 'int', days.default(180)),
    amount_per_membership_year: col('เพิ่มต่อปีที่เป็นสมาชิก', 'money', positiveSatang.optional()),
    claim_within_days: col('ยื่นขอภายใน (วัน)', 'int', days.optional()),
    note: col('หมายเหตุ', 'text', text.optional()),
  },
);
