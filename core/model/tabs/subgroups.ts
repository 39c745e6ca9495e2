import { id, text } from '../fields.ts';
import { col, defineTab } from '../tab-spec.ts';

/** The Sub-groups tab (กลุ่มย่อย): its columns, their record fields and its roles, declared once. */
export const subgroups = defineTab(
  {
    key: 'subgroups',
    th: 'กลุ่มย่อย',
    en: 'Sub-groups',
    required: true,
    money: false,
    roles: { posts: false, books: false, referenced: true, snapshotReference: true },
    idColumn: 'subgroup_id',
  },
  {
    subgroup_id: col('รหัสกลุ่มย่อย', 'id', id, { figures: true }),
    name: col('ชื่อกลุ่มย่อย', 'text', text.optional()),
    head_member_id: col('รหัสหัวหน้ากลุ่มย่อย', 'id', id, { ref: 'members' }),
  },
);
