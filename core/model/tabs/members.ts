import { date, enumOf, id, satang, text } from '../fields.ts';
import { RELIEF_SINCE } from '../rules.ts';
import { col, defineTab } from '../tab-spec.ts';

/** The Members tab (สมาชิก): its columns, their record fields and its roles, declared once. */
export const members = defineTab(
  {
    key: 'members',
    th: 'สมาชิก',
    en: 'Members',
    required: true,
    money: false,
    roles: { posts: false, books: false, referenced: true, snapshotReference: true },
    idColumn: 'member_id',
  },
  {
    member_id: col('รหัสสมาชิก', 'id', id, { figures: true }),
    name: col('ชื่อ-สกุล', 'text', text),
    household_id: col('รหัสครัวเรือน', 'id', id, { ref: 'households', figures: true }),
    role: col('บทบาท', 'enum', enumOf('role').default('member'), { enumeration: 'role' }),
    joined_on: col('วันที่สมัคร', 'date', date, { figures: true }),
    status: col('สถานะ', 'enum', enumOf('member_status').default('active'), {
      enumeration: 'member_status',
      figures: true,
    }),
    left_on: col('วันที่ออก', 'date', date.optional(), { figures: true }),
    savings_pledge: col('สัจจะออมต่อเดือน', 'money', satang.optional()),
    phone: col('โทรศัพท์', 'text', text.optional()),
    // the elderly benefit's due date (SPEC §14: the welfare fund's coming costs)
    born_on: col('วันเกิด', 'date', date.optional(), { since: RELIEF_SINCE, figures: true }),
  },
  [
    {
      error: 'left_before_joined',
      path: 'left_on',
      test: (m) => m.left_on === undefined || m.left_on >= m.joined_on,
    },
  ],
);
