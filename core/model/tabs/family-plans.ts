import { date, id, satang, text } from '../fields.ts';
import { col, defineTab } from '../tab-spec.ts';

/** The Family plans tab (แผนครอบครัว): its columns, their record fields and its roles, declared once. */
export const familyPlans = defineTab(
  {
    key: 'family_plans',
    th: 'แผนครอบครัว',
    en: 'Family plans',
    required: false,
    money: false,
    roles: { posts: false, books: false, referenced: false, snapshotReference: false },
  },
  {
    household_id: col('รหัสครัวเรือน', 'id', id, { ref: 'households' }),
    goal: col('เป้าหมาย', 'text', text),
    target_amount: col('จำนวนเงินเป้าหมาย', 'money', satang.optional()),
    target_date: col('วันที่ตั้งเป้า', 'date', date.optional(), { future: true }),
    monthly_saving: col('ออมต่อเดือน', 'money', satang.optional()),
    expense_cut_category: col('หมวดรายจ่ายที่จะลด', 'category', text.optional()),
    expense_cut_amount: col('ลดรายจ่ายต่อเดือน', 'money', satang.optional()),
    note: col('หมายเหตุ', 'text', text.optional()),
    // SPEC §15: the plan is followed from this day (blank: from the day the household's first member joined)
    started_on: col('วันที่เริ่มแผน', 'date', date.optional()),
  },
);
