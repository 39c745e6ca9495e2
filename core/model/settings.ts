import * as z from 'zod';
import { DEFAULT_ZONE } from '../calendar.ts';
import { GROUP_ID } from '../group-id.ts';
import { MAX_SATANG, type Satang } from '../money.ts';
import type { Calendar } from '../parse/date.ts';
import { enumOf } from './records.ts';
import type { EntrySpec } from './tab-spec.ts';

/** A setting: an entry of the settings tab. */
export type SettingSpec = EntrySpec;

/**
 * Settings keys of the `settings` tab (SPEC §3): the one list of them, their kinds and their
 * defaults. SettingsSchema is built from it.
 */
export const SETTING_SPECS: readonly SettingSpec[] = [
  { key: 'group_id', th: 'รหัสกลุ่ม', kind: 'id', required: true, example: 'kamlon-m11' },
  { key: 'group_name', th: 'ชื่อกลุ่ม', kind: 'text', required: true, example: 'กลุ่มออมทรัพย์แก้หนี้ บ้านหมู่ 11' },
  { key: 'province', th: 'จังหวัด', kind: 'text', example: 'นครศรีธรรมราช' },
  { key: 'district', th: 'อำเภอ', kind: 'text', example: 'ลานสกา' },
  { key: 'subdistrict', th: 'ตำบล', kind: 'text', example: 'กำโลน' },
  { key: 'village', th: 'หมู่บ้าน', kind: 'text', example: 'หมู่ 11' },
  {
    key: 'coordinator_emails',
    th: 'อีเมลผู้ประสานงาน',
    kind: 'emails',
    default: [],
    example: 'coordinator@example.org',
  },
  {
    key: 'calendar',
    th: 'ปฏิทิน',
    kind: 'enum',
    enumeration: 'calendar',
    default: 'buddhist',
    example: 'buddhist',
  },
  { key: 'timezone', th: 'เขตเวลา', kind: 'timezone', default: DEFAULT_ZONE, example: DEFAULT_ZONE },
  { key: 'opening_date', th: 'วันเริ่มบัญชี', kind: 'date', required: true, example: '1/7/2569', figures: true },
  { key: 'opening_cash', th: 'เงินสดยกมา', kind: 'money', default: 0, example: '0', figures: true },
  { key: 'opening_bank', th: 'เงินฝากธนาคารยกมา', kind: 'money', default: 0, example: '0', figures: true },
  {
    key: 'max_households_per_subgroup',
    th: 'จำนวนครัวเรือนสูงสุดต่อกลุ่มย่อย',
    kind: 'int',
    default: 5,
    range: { min: 1, max: 100, error: 'max_households_range' },
    example: '5',
  },
  {
    key: 'remit_within_days',
    th: 'นำส่งเงินภายใน (วัน)',
    kind: 'int',
    default: 7,
    range: { min: 0, max: 366, error: 'remit_days_range' },
    example: '7',
  },
  { key: 'closed_through', th: 'ปิดบัญชีถึงเดือน', kind: 'month', example: '2026-08' },
];

/** The zod type of a setting's value, as its cell parser gives it. */
function settingType(spec: SettingSpec): z.ZodType {
  switch (spec.kind) {
    case 'emails':
      return z.array(z.string());
    case 'enum':
      return enumOf(spec.enumeration!);
    case 'money':
      return z.number().int().min(0).max(MAX_SATANG);
    case 'int': {
      const { min, max, error } = spec.range!;
      return z.number().int().min(min, { error }).max(max, { error });
    }
    default:
      return z.string();
  }
}

/**
 * A group's settings, built from SETTING_SPECS: group_id and group_name must be there (the reader
 * puts '' when they cannot be read); the others take their default, or stay absent. The opening
 * date is required in the sheet, but absent here when it was unreadable (its finding says so).
 */
const settingsShape = Object.fromEntries(
  SETTING_SPECS.map((spec) => {
    const type = settingType(spec);
    // one rule for a group id wherever it travels (core/group-id.ts); '' is "could not be read"
    if (spec.key === 'group_id')
      return [
        spec.key,
        z.string().refine((id) => id === '' || GROUP_ID.test(id), { error: 'group_id_format' }),
      ];
    if (spec.key === 'group_name') return [spec.key, type];
    return [spec.key, spec.default === undefined ? type.optional() : type.default(spec.default as never)];
  }),
);

export interface Settings {
  group_id: string;
  group_name: string;
  province?: string;
  district?: string;
  subdistrict?: string;
  village?: string;
  coordinator_emails: string[];
  calendar: Calendar;
  timezone: string;
  opening_date?: string;
  opening_cash: Satang;
  opening_bank: Satang;
  max_households_per_subgroup: number;
  remit_within_days: number;
  closed_through?: string;
}

export const SettingsSchema = z.object(settingsShape) as unknown as z.ZodType<Settings>;

/** Defaults used while the settings tab itself is being read (dates need a calendar first). */
export const DEFAULT_CALENDAR: Calendar = SETTING_SPECS.find((s) => s.key === 'calendar')!
  .default as Calendar;
export const DEFAULT_TIMEZONE = SETTING_SPECS.find((s) => s.key === 'timezone')!.default as string;
