import * as z from 'zod';
import { id, text } from '../fields.ts';
import { col, defineTab } from '../tab-spec.ts';

/** The Households tab (ครัวเรือน): its columns, their record fields and its roles, declared once. */
export const households = defineTab(
  {
    key: 'households',
    th: 'ครัวเรือน',
    en: 'Households',
    required: true,
    money: false,
    roles: { posts: false, books: false, referenced: true, snapshotReference: true },
    idColumn: 'household_id',
  },
  {
    household_id: col('รหัสครัวเรือน', 'id', id, { figures: true }),
    subgroup_id: col('รหัสกลุ่มย่อย', 'id', id, { ref: 'subgroups', figures: true }),
    head_name: col('ชื่อหัวหน้าครัวเรือน', 'text', text),
    village: col('หมู่บ้าน', 'text', text.optional()),
    size: col(
      'จำนวนสมาชิกในครัวเรือน',
      'int',
      z.number().int().min(1, { error: 'size_range' }).max(60, { error: 'size_range' }).optional(),
    ),
  },
);
