import { GROUP_ID_RULE } from '../group-id.ts';
import { echo } from '../model/finding.ts';
import type { ParseReason } from '../parse/parsed.ts';
import { toArabicDigits } from '../thai-text.ts';

type Bilingual = { th: string; en: string };

/** Why a cell was refused: parse reasons and the rule keys of model/records.ts and settings.ts. */
const REASONS: Record<ParseReason | string, Bilingual> = {
  wrong_type: { th: 'ชนิดข้อมูลไม่ถูกต้อง', en: 'wrong kind of value' },
  not_finite: { th: 'ไม่ใช่ตัวเลขที่ใช้ได้', en: 'not a usable number' },
  money_format: {
    th: 'ไม่ใช่จำนวนเงิน (ตัวอย่าง 1,250.50 หรือ ๑,๒๕๐ บาท)',
    en: 'not an amount of baht (e.g. 1,250.50 or ๑,๒๕๐ บาท)',
  },
  money_negative: {
    th: 'จำนวนเงินต้องไม่ติดลบ (ใช้ช่องประเภทบอกทิศทาง เช่น ถอน)',
    en: 'amount must not be negative (the type column gives the direction, e.g. withdrawal)',
  },
  money_decimals: { th: 'ทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์)', en: 'at most 2 decimals (satang)' },
  money_three_decimals: {
    th: 'ทศนิยม 3 ตำแหน่งอ่านได้สองแบบ: ถ้าหมายถึงหลักพันให้ใช้จุลภาค ถ้าหมายถึงสตางค์ให้ใช้ทศนิยม 2 ตำแหน่ง',
    en: 'three decimals can be read two ways: use a comma for thousands, or two decimals for satang',
  },
  money_too_large: {
    th: 'จำนวนเงินมากเกินจริง (เกิน 100 ล้านบาท)',
    en: 'amount too large (over 100 million baht)',
  },
  date_format: {
    th: 'ไม่ใช่วันที่ (ตัวอย่าง 14/9/2569 หรือ 14 ก.ย. 69)',
    en: 'not a date (e.g. 14/9/2569, 14 ก.ย. 69 or 2026-09-14)',
  },
  date_impossible: { th: 'ไม่มีวันที่นี้ในปฏิทิน', en: 'no such day in the calendar' },
  date_year_range: { th: 'ปีไม่สมเหตุสมผล', en: 'implausible year' },
  enum: { th: 'ไม่ใช่ค่าที่เลือกได้', en: 'not one of the allowed values' },
  int_format: { th: 'ต้องเป็นจำนวนเต็ม', en: 'must be a whole number' },
  percent_format: { th: 'ไม่ใช่อัตราร้อยละ (ตัวอย่าง 1 หรือ 1.5%)', en: 'not a percentage (e.g. 1 or 1.5%)' },
  id_format: { th: 'รหัสต้องไม่มีจุลภาคหรือขึ้นบรรทัดใหม่', en: 'an id must not contain commas or line breaks' },
  text_too_long: { th: 'ข้อความยาวเกินไป', en: 'text too long' },
  text_hidden_chars: {
    th: 'มีอักขระซ่อน (อักขระควบคุมหรือกลับทิศทาง)',
    en: 'contains hidden characters (control or bidi)',
  },
  id_invisible: {
    th: 'รหัสมีอักขระที่มองไม่เห็นหรืออักขระควบคุม (เช่นช่องว่างความกว้างศูนย์) ทำให้ดูเหมือนรหัสอื่น',
    en: 'the id holds an invisible or control character (e.g. a zero-width space): it would look like another id',
  },
  text_line_break: {
    th: 'ขึ้นบรรทัดใหม่ในช่องที่ต้องเป็นบรรทัดเดียว (ชื่อ หมวด รหัส)',
    en: 'a line break in a one-line field (a name, a category, an id)',
  },
  formula_no_value: {
    th: 'เป็นสูตรที่ยังไม่มีค่า (ให้คำนวณใหม่แล้วบันทึกไฟล์)',
    en: 'a formula without a value (recalculate and save the file)',
  },
  text_formula: { th: 'ข้อความขึ้นต้นด้วย = ดูเหมือนสูตร', en: 'text starting with = looks like a formula' },
  email_format: { th: 'อีเมลไม่ถูกต้อง', en: 'not a valid e-mail address' },
  month_format: {
    th: 'ต้องเป็นเดือนแบบ ปปปป-ดด (เช่น 2026-08)',
    en: 'must be a month as YYYY-MM (e.g. 2026-08)',
  },
  timezone: { th: 'ไม่รู้จักเขตเวลานี้ (เช่น Asia/Bangkok)', en: 'unknown time zone (e.g. Asia/Bangkok)' },
  amount_zero: { th: 'จำนวนเงินต้องมากกว่า 0', en: 'amount must be more than 0' },
  size_range: { th: 'จำนวนคนต้องอยู่ระหว่าง 1 ถึง 60', en: 'persons must be between 1 and 60' },
  term_range: { th: 'จำนวนงวดต้องอยู่ระหว่าง 1 ถึง 120 เดือน', en: 'term must be 1 to 120 months' },
  rate_range: { th: 'อัตราดอกเบี้ยสูงเกินจริง', en: 'implausible interest rate' },
  overdue_range: { th: 'จำนวนเดือนค้างชำระไม่สมเหตุสมผล', en: 'implausible months overdue' },
  left_before_joined: { th: 'วันที่ออกอยู่ก่อนวันที่สมัคร', en: 'left before joining' },
  line_user_id_format: {
    th: 'รหัสผู้ใช้ LINE ต้องขึ้นต้นด้วย U ตามด้วยเลขฐานสิบหก 32 ตัว (ไม่ใช่ไอดีไลน์ที่ใช้ค้นหา)',
    en: 'a LINE user id is U and 32 hex digits (not the LINE ID people search by)',
  },
  decided_before_request: { th: 'วันที่พิจารณาอยู่ก่อนวันที่ยื่นคำขอ', en: 'decided before the request was made' },
  repayment_empty: {
    th: 'ต้องมีเงินต้น ดอกเบี้ย หรือค่าปรับอย่างน้อยหนึ่งช่องมากกว่า 0',
    en: 'principal, interest or fine: at least one must be more than 0',
  },
  transfer_same_account: {
    th: 'บัญชีต้นทางและปลายทางของการโอนต้องต่างกัน',
    en: 'a transfer must go to the other account',
  },
  max_households_range: { th: 'ต้องอยู่ระหว่าง 1 ถึง 100', en: 'must be between 1 and 100' },
  remit_days_range: { th: 'ต้องอยู่ระหว่าง 0 ถึง 366 วัน', en: 'must be 0 to 366 days' },
  overdue_days_range: { th: 'ต้องอยู่ระหว่าง 0 ถึง 3,660 วัน', en: 'must be 0 to 3,660 days' },
  months_range: { th: 'ต้องอยู่ระหว่าง 0 ถึง 600 เดือน', en: 'must be 0 to 600 months' },
  guarantors_range: { th: 'ต้องอยู่ระหว่าง 0 ถึง 10 คน', en: 'must be 0 to 10 people' },
  score_range: { th: 'ต้องอยู่ระหว่าง 0 ถึง 100 คะแนน', en: 'must be 0 to 100 points' },
  lapse_range: { th: 'ต้องอยู่ระหว่าง 1 ถึง 120 เดือน', en: 'must be 1 to 120 months' },
  age_range: { th: 'ต้องอยู่ระหว่าง 40 ถึง 120 ปี', en: 'must be 40 to 120 years' },
  days_range: { th: 'ต้องอยู่ระหว่าง 0 ถึง 36,600 วัน', en: 'must be 0 to 36,600 days' },
  nights_range: { th: 'จำนวนคืนต้องอยู่ระหว่าง 1 ถึง 366', en: 'nights must be 1 to 366' },
  buyout_over_claimed: {
    th: 'เงินที่กลุ่มจ่ายเจ้าหนี้มากกว่ายอดที่เจ้าหนี้แจ้ง',
    en: 'the group paid the lender more than the lender claimed',
  },
  percent_range: { th: 'ต้องอยู่ระหว่าง 0 ถึง 100', en: 'must be between 0 and 100' },
  month_day: {
    th: 'ไม่ใช่เดือน-วัน เช่น 12-31 (31 ธันวาคม) หรือ 09-30',
    en: 'not a month and day such as 12-31 (31 December) or 09-30',
  },
  fiscal_year: { th: 'ไม่ใช่ปีบัญชี เช่น 2569 หรือ 2026', en: 'not a fiscal year such as 2026 or 2569' },
  year_end_empty: {
    th: 'ต้องมีเงินปันผลหรือเงินเฉลี่ยคืนอย่างน้อยหนึ่งอย่างมากกว่า 0',
    en: 'a dividend or an interest refund must be more than 0',
  },
  product_not_offered: {
    th: 'กลุ่มไม่มีเงินออมประเภทนี้ (ดูแท็บระเบียบกลุ่ม: ประเภทเงินออม)',
    en: "not one of the group's savings products (the rules tab's products)",
  },
  share_multiple: {
    th: 'ค่าหุ้นต้องเป็นจำนวนเต็มหุ้น (ทวีคูณของราคาหุ้นละในระเบียบกลุ่ม)',
    en: "shares must be whole shares (a multiple of the rules' share price)",
  },
  group_id_format: GROUP_ID_RULE,
};

const GENERIC: Bilingual = { th: 'ค่าไม่ถูกต้อง', en: 'invalid value' };

/** The Thai and English words for why a value was refused; with what was typed, a suggestion where there is one. */
export function reasonText(reason: string, typed?: unknown): Bilingual {
  const text = REASONS[reason] ?? GENERIC;
  const meant = reason === 'money_three_decimals' ? thousandsMeant(typed) : undefined;
  return meant
    ? {
        th: `${text.th} — หมายถึง ${meant.thousands} หรือ ${meant.baht} บาท?`,
        en: `${text.en} — did you mean ${meant.thousands} or ${meant.baht}?`,
      }
    : text;
}

/** `1.000` → one thousand (`1,000`) or one baht (`1.00`): the two readings of three decimals. */
function thousandsMeant(typed: unknown): { thousands: string; baht: string } | undefined {
  if (typeof typed !== 'string') return undefined;
  const match = /(\d+)\.(\d{3})(?!\d)/.exec(toArabicDigits(typed));
  if (!match) return undefined;
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const thousands = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')},${match[2]}`;
  const baht = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${match[2]!.slice(0, 2)}`;
  return { thousands, baht };
}

/** A column's name for messages: Thai label with its key. */
export function columnName(column: { key: string; th: string }): Bilingual {
  return { th: `${column.th} (${column.key})`, en: column.key };
}

/** A short quoted form of what was typed, for messages. */
export function quoted(value: unknown): string {
  const text = String(echo(value));
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
