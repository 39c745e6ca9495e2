import * as z from 'zod';
import type { Calendar } from '../parse/date.ts';
import type { ColumnSpec } from './tabs.ts';

/** Settings keys of the `settings` tab (SPEC §3), read like columns of one record. */
export const SETTING_SPECS: readonly ColumnSpec[] = [
  { key: 'group_id', th: 'รหัสกลุ่ม', kind: 'id', required: true, example: 'kamlon-m11' },
  { key: 'group_name', th: 'ชื่อกลุ่ม', kind: 'text', required: true, example: 'กลุ่มออมทรัพย์แก้หนี้ บ้านหมู่ 11' },
  { key: 'province', th: 'จังหวัด', kind: 'text', example: 'นครศรีธรรมราช' },
  { key: 'district', th: 'อำเภอ', kind: 'text', example: 'ลานสกา' },
  { key: 'subdistrict', th: 'ตำบล', kind: 'text', example: 'กำโลน' },
  { key: 'village', th: 'หมู่บ้าน', kind: 'text', example: 'หมู่ 11' },
  { key: 'coordinator_emails', th: 'อีเมลผู้ประสานงาน', kind: 'emails', example: 'coordinator@example.org' },
  { key: 'calendar', th: 'ปฏิทิน', kind: 'enum', enumeration: 'calendar', example: 'buddhist' },
  { key: 'timezone', th: 'เขตเวลา', kind: 'timezone', example: 'Asia/Bangkok' },
  { key: 'opening_date', th: 'วันเริ่มบัญชี', kind: 'date', required: true, example: '1/7/2569' },
  { key: 'opening_cash', th: 'เงินสดยกมา', kind: 'money', example: '0' },
  { key: 'opening_bank', th: 'เงินฝากธนาคารยกมา', kind: 'money', example: '0' },
  { key: 'max_households_per_subgroup', th: 'จำนวนครัวเรือนสูงสุดต่อกลุ่มย่อย', kind: 'int', example: '5' },
  { key: 'remit_within_days', th: 'นำส่งเงินภายใน (วัน)', kind: 'int', example: '7' },
  { key: 'closed_through', th: 'ปิดบัญชีถึงเดือน', kind: 'month', example: '2026-08' },
];

export const SettingsSchema = z.object({
  group_id: z.string(),
  group_name: z.string(),
  province: z.string().optional(),
  district: z.string().optional(),
  subdistrict: z.string().optional(),
  village: z.string().optional(),
  coordinator_emails: z.array(z.string()).default([]),
  calendar: z.enum(['buddhist', 'gregorian']).default('buddhist'),
  timezone: z.string().default('Asia/Bangkok'),
  opening_date: z.string().optional(),
  opening_cash: z.number().int().min(0).default(0),
  opening_bank: z.number().int().min(0).default(0),
  max_households_per_subgroup: z
    .number()
    .int()
    .min(1, { error: 'max_households_range' })
    .max(100, { error: 'max_households_range' })
    .default(5),
  remit_within_days: z
    .number()
    .int()
    .min(0, { error: 'remit_days_range' })
    .max(366, { error: 'remit_days_range' })
    .default(7),
  closed_through: z.string().optional(),
});

/** A group's settings, with defaults filled in. `opening_date` is absent only when it was unreadable. */
export type Settings = z.infer<typeof SettingsSchema>;

/** Defaults used while the settings tab itself is being read (dates need a calendar first). */
export const DEFAULT_CALENDAR: Calendar = 'buddhist';
export const DEFAULT_TIMEZONE = 'Asia/Bangkok';
