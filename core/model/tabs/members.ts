import { date, enumOf, id, satang, text } from '../fields.ts';
import { LINE_SINCE, RELIEF_SINCE } from '../rules.ts';
import { col, defineTab } from '../tab-spec.ts';

/** A LINE user id as the Messaging API gives it: `U` and 32 lower-case hex digits. */
export const LINE_USER_ID = /^U[0-9a-f]{32}$/;

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
    // the member's LINE user id (they added the LINE Official Account): the month's statement goes there
    line_user_id: col('ไลน์ (LINE user id)', 'text', text.optional(), { since: LINE_SINCE }),
  },
  [
    {
      error: 'left_before_joined',
      path: 'left_on',
      test: (m) => m.left_on === undefined || m.left_on >= m.joined_on,
    },
    {
      // a LINE user id is U and 32 hex digits (not the LINE id people search by)
      error: 'line_user_id_format',
      path: 'line_user_id',
      test: (m) => m.line_user_id === undefined || LINE_USER_ID.test(m.line_user_id),
    },
  ],
);
