import type { EnumerationName } from '../parse/enumerations.ts';
import { RECORD_PARTS } from './records.ts';

/** How a column's cells are read. */
export type ColumnKind =
  | 'date'
  | 'money'
  | 'id'
  | 'ids'
  | 'text'
  | 'enum'
  | 'int'
  | 'percent'
  | 'category'
  | 'emails'
  | 'month'
  | 'timezone';

/** Which tab's ids a column refers to. */
export type RefTarget = 'subgroups' | 'households' | 'members' | 'loans' | 'loan_requests';

export interface ColumnSpec {
  key: string;
  th: string;
  kind: ColumnKind;
  required?: boolean;
  enumeration?: EnumerationName;
  ref?: RefTarget;
  /** Dates that may lie in the future (a family plan's target). */
  future?: boolean;
  /** A sample value for the template's instructions. */
  example?: string;
  /** The snapshot schema that first held this column or setting (core/archive/schema.ts); 1 if absent. */
  since?: number;
}

export type TabKey =
  | 'settings'
  | 'subgroups'
  | 'households'
  | 'members'
  | 'savings'
  | 'remittances'
  | 'loan_requests'
  | 'loans'
  | 'repayments'
  | 'welfare'
  | 'other'
  | 'counts'
  | 'household_accounts'
  | 'debt_survey'
  | 'family_plans';

/** A tab's roles, declared with it (docs/adding-a-tab.md). */
export interface TabRoles {
  /** Its rows post money to the journal (its posting rule: core/ledger/journal.ts `entryOf`). */
  posts: boolean;
  /** The date column that places a row in a month: archived with that month, counted in its checks. */
  dated?: string;
  /** Its rows feed the books (journal, counts, household figures): a row with an error is listed as left out. */
  books: boolean;
  /** Other tabs refer to its ids: the check context holds them, and an edit of it refreshes them. */
  referenced: boolean;
  /** Kept whole in each month's snapshot, as what the month's figures rest on. */
  snapshotReference: boolean;
}

export interface TabSpec {
  key: TabKey;
  th: string;
  en: string;
  required: boolean;
  /** The column whose values must be unique and that other tabs refer to. */
  idColumn?: string;
  /** Columns whose values must be unique within the tab when filled (receipt numbers). */
  uniqueColumns?: string[];
  /** Money tabs: dates before the group's opening date are errors. */
  money: boolean;
  /** What the tab is to the rest of Sajja: every list of tabs by role is derived from these. */
  roles: TabRoles;
  /** The snapshot schema that first held this tab (core/archive/schema.ts); 1 if absent. */
  since?: number;
  columns: ColumnSpec[];
}

const c = (
  key: string,
  th: string,
  kind: ColumnKind,
  extra: Omit<ColumnSpec, 'key' | 'th' | 'kind'> = {},
): ColumnSpec => ({ key, th, kind, ...extra });
const req = { required: true } as const;
const account = c('account', 'บัญชี', 'enum', { enumeration: 'account' });
const note = c('note', 'หมายเหตุ', 'text');

/** The tabs as declared: names, kinds, references (required flags come from the schemas). */
const DECLARED: readonly TabSpec[] = [
  {
    key: 'settings',
    th: 'ตั้งค่า',
    en: 'Settings',
    required: true,
    money: false,
    roles: { posts: false, books: false, referenced: false, snapshotReference: false },
    columns: [c('key', 'รายการ', 'text', req), c('value', 'ค่า', 'text')],
  },
  {
    key: 'subgroups',
    th: 'กลุ่มย่อย',
    en: 'Sub-groups',
    required: true,
    money: false,
    roles: { posts: false, books: false, referenced: true, snapshotReference: true },
    idColumn: 'subgroup_id',
    columns: [
      c('subgroup_id', 'รหัสกลุ่มย่อย', 'id'),
      c('name', 'ชื่อกลุ่มย่อย', 'text'),
      c('head_member_id', 'รหัสหัวหน้ากลุ่มย่อย', 'id', { ref: 'members' }),
    ],
  },
  {
    key: 'households',
    th: 'ครัวเรือน',
    en: 'Households',
    required: true,
    money: false,
    roles: { posts: false, books: false, referenced: true, snapshotReference: true },
    idColumn: 'household_id',
    columns: [
      c('household_id', 'รหัสครัวเรือน', 'id'),
      c('subgroup_id', 'รหัสกลุ่มย่อย', 'id', { ref: 'subgroups' }),
      c('head_name', 'ชื่อหัวหน้าครัวเรือน', 'text'),
      c('village', 'หมู่บ้าน', 'text'),
      c('size', 'จำนวนสมาชิกในครัวเรือน', 'int'),
    ],
  },
  {
    key: 'members',
    th: 'สมาชิก',
    en: 'Members',
    required: true,
    money: false,
    roles: { posts: false, books: false, referenced: true, snapshotReference: true },
    idColumn: 'member_id',
    columns: [
      c('member_id', 'รหัสสมาชิก', 'id'),
      c('name', 'ชื่อ-สกุล', 'text'),
      c('household_id', 'รหัสครัวเรือน', 'id', { ref: 'households' }),
      c('role', 'บทบาท', 'enum', { enumeration: 'role' }),
      c('joined_on', 'วันที่สมัคร', 'date'),
      c('status', 'สถานะ', 'enum', { enumeration: 'member_status' }),
      c('left_on', 'วันที่ออก', 'date'),
      c('savings_pledge', 'สัจจะออมต่อเดือน', 'money'),
      c('phone', 'โทรศัพท์', 'text'),
    ],
  },
  {
    key: 'savings',
    th: 'เงินออม',
    en: 'Savings',
    required: false,
    money: true,
    roles: { posts: true, dated: 'date', books: true, referenced: false, snapshotReference: false },
    uniqueColumns: ['receipt_no'],
    columns: [
      c('date', 'วันที่', 'date'),
      c('member_id', 'รหัสสมาชิก', 'id', { ref: 'members' }),
      c('type', 'ประเภท', 'enum', { enumeration: 'savings_type' }),
      c('amount', 'จำนวนเงิน', 'money'),
      c('via', 'ส่งผ่าน', 'enum', { enumeration: 'via' }),
      account,
      c('receipt_no', 'เลขที่ใบเสร็จ', 'id'),
      note,
    ],
  },
  {
    key: 'remittances',
    th: 'นำส่งเงิน',
    en: 'Remittances',
    required: false,
    money: true,
    roles: { posts: true, dated: 'date', books: true, referenced: false, snapshotReference: false },
    columns: [
      c('date', 'วันที่', 'date'),
      c('subgroup_id', 'รหัสกลุ่มย่อย', 'id', { ref: 'subgroups' }),
      c('amount', 'จำนวนเงิน', 'money'),
      account,
      c('received_by', 'ผู้รับเงิน', 'text'),
      note,
    ],
  },
  {
    key: 'loan_requests',
    th: 'คำขอกู้',
    en: 'Loan requests',
    required: false,
    money: false,
    roles: { posts: false, dated: 'date', books: false, referenced: true, snapshotReference: false },
    idColumn: 'request_id',
    columns: [
      c('request_id', 'เลขที่คำขอ', 'id'),
      c('date', 'วันที่ยื่น', 'date'),
      c('member_id', 'รหัสสมาชิก', 'id', { ref: 'members' }),
      c('amount', 'จำนวนเงินที่ขอ', 'money'),
      c('purpose', 'วัตถุประสงค์', 'enum', { enumeration: 'loan_purpose' }),
      c('status', 'สถานะ', 'enum', { enumeration: 'request_status' }),
      c('decided_on', 'วันที่พิจารณา', 'date'),
      note,
    ],
  },
  {
    key: 'loans',
    th: 'เงินกู้',
    en: 'Loans',
    required: false,
    money: true,
    roles: { posts: true, dated: 'disbursed_on', books: true, referenced: true, snapshotReference: false },
    idColumn: 'loan_id',
    columns: [
      c('loan_id', 'เลขที่สัญญา', 'id'),
      c('member_id', 'รหัสสมาชิก', 'id', { ref: 'members' }),
      c('disbursed_on', 'วันที่จ่ายเงินกู้', 'date'),
      c('principal', 'เงินต้น', 'money'),
      c('monthly_rate', 'ดอกเบี้ยต่อเดือน (%)', 'percent'),
      c('term_months', 'จำนวนงวด (เดือน)', 'int'),
      c('purpose', 'วัตถุประสงค์', 'enum', { enumeration: 'loan_purpose' }),
      c('request_id', 'เลขที่คำขอ', 'id', { ref: 'loan_requests' }),
      account,
      c('guarantor_ids', 'รหัสผู้ค้ำประกัน', 'ids', { ref: 'members' }),
      note,
    ],
  },
  {
    key: 'repayments',
    th: 'ชำระคืน',
    en: 'Repayments',
    required: false,
    money: true,
    roles: { posts: true, dated: 'date', books: true, referenced: false, snapshotReference: false },
    uniqueColumns: ['receipt_no'],
    columns: [
      c('date', 'วันที่', 'date'),
      c('loan_id', 'เลขที่สัญญา', 'id', { ref: 'loans' }),
      c('principal', 'เงินต้น', 'money'),
      c('interest', 'ดอกเบี้ย', 'money'),
      c('fine', 'ค่าปรับ', 'money'),
      account,
      c('receipt_no', 'เลขที่ใบเสร็จ', 'id'),
      note,
    ],
  },
  {
    key: 'welfare',
    th: 'สวัสดิการ',
    en: 'Welfare',
    required: false,
    money: true,
    roles: { posts: true, dated: 'date', books: true, referenced: false, snapshotReference: false },
    columns: [
      c('date', 'วันที่', 'date'),
      c('member_id', 'รหัสสมาชิก', 'id', { ref: 'members' }),
      c('type', 'ประเภท', 'enum', { enumeration: 'welfare_type' }),
      c('benefit', 'สวัสดิการที่รับ', 'enum', { enumeration: 'benefit' }),
      c('amount', 'จำนวนเงิน', 'money'),
      account,
      note,
    ],
  },
  {
    key: 'other',
    th: 'รายรับรายจ่ายอื่น',
    en: 'Other income and expenses',
    required: false,
    money: true,
    roles: { posts: true, dated: 'date', books: true, referenced: false, snapshotReference: false },
    columns: [
      c('date', 'วันที่', 'date'),
      c('type', 'ประเภท', 'enum', { enumeration: 'other_type' }),
      c('category', 'หมวด', 'category'),
      c('amount', 'จำนวนเงิน', 'money'),
      account,
      c('to_account', 'โอนเข้าบัญชี', 'enum', { enumeration: 'account' }),
      note,
    ],
  },
  {
    key: 'counts',
    th: 'ตรวจนับเงิน',
    en: 'Cash counts',
    required: false,
    money: true,
    roles: { posts: false, dated: 'date', books: true, referenced: false, snapshotReference: false },
    columns: [
      c('date', 'วันที่', 'date'),
      c('account', 'บัญชี', 'enum', { enumeration: 'account' }),
      c('balance', 'ยอดที่นับได้', 'money'),
      c('counted_by', 'ผู้ตรวจนับ', 'text'),
      note,
    ],
  },
  {
    key: 'household_accounts',
    th: 'บัญชีครัวเรือน',
    en: 'Household accounts',
    required: false,
    money: true,
    roles: { posts: false, dated: 'date', books: true, referenced: false, snapshotReference: false },
    columns: [
      c('date', 'วันที่', 'date'),
      c('household_id', 'รหัสครัวเรือน', 'id', { ref: 'households' }),
      c('type', 'ประเภท', 'enum', { enumeration: 'household_entry_type' }),
      c('category', 'หมวด', 'category'),
      c('amount', 'จำนวนเงิน', 'money'),
      note,
    ],
  },
  {
    key: 'debt_survey',
    th: 'สำรวจหนี้สิน',
    en: 'Debt survey',
    required: false,
    money: false,
    roles: { posts: false, dated: 'survey_date', books: true, referenced: false, snapshotReference: false },
    columns: [
      c('survey_date', 'วันที่สำรวจ', 'date'),
      c('household_id', 'รหัสครัวเรือน', 'id', { ref: 'households' }),
      c('creditor', 'เจ้าหนี้', 'text'),
      c('creditor_type', 'ประเภทเจ้าหนี้', 'enum', { enumeration: 'creditor_type' }),
      c('outstanding', 'ยอดหนี้คงเหลือ', 'money'),
      c('interest_rate', 'อัตราดอกเบี้ย (%)', 'percent'),
      c('rate_period', 'ดอกเบี้ยคิดต่อ', 'enum', { enumeration: 'rate_period' }),
      c('monthly_payment', 'ผ่อนต่อเดือน', 'money'),
      c('overdue_months', 'ค้างชำระ (เดือน)', 'int'),
      note,
    ],
  },
  {
    key: 'family_plans',
    th: 'แผนครอบครัว',
    en: 'Family plans',
    required: false,
    money: false,
    roles: { posts: false, books: false, referenced: false, snapshotReference: false },
    columns: [
      c('household_id', 'รหัสครัวเรือน', 'id', { ref: 'households' }),
      c('goal', 'เป้าหมาย', 'text'),
      c('target_amount', 'จำนวนเงินเป้าหมาย', 'money'),
      c('target_date', 'วันที่ตั้งเป้า', 'date', { future: true }),
      c('monthly_saving', 'ออมต่อเดือน', 'money'),
      c('expense_cut_category', 'หมวดรายจ่ายที่จะลด', 'category'),
      c('expense_cut_amount', 'ลดรายจ่ายต่อเดือน', 'money'),
      note,
    ],
  },
];

/**
 * The workbook template of SPEC §3, tab by tab (settings are described in settings.ts). Whether
 * a data column is required is the record schema's to say (model/records.ts): a field that does
 * not accept a blank is required, so the two can never disagree.
 */
export const TABS: readonly TabSpec[] = DECLARED.map((spec) => {
  if (spec.key === 'settings') return spec;
  const fields = RECORD_PARTS[spec.key].fields as Record<
    string,
    { safeParse(v: unknown): { success: boolean } }
  >;
  return {
    ...spec,
    columns: spec.columns.map((column) => {
      const field = fields[column.key];
      return field && !field.safeParse(undefined).success ? { ...column, required: true } : column;
    }),
  };
});

/** The spec of a tab by key. */
export function tabSpec(key: TabKey): TabSpec {
  return TABS.find((tab) => tab.key === key)!;
}

/** Longest tab name an `.xlsx` file can hold. */
const XLSX_TAB_NAME_LIMIT = 31;

/** The name the template gives a tab: `Thai (key)`, or the Thai label alone where that is too long for `.xlsx`. */
export function templateTabName(spec: TabSpec): string {
  const full = `${spec.th} (${spec.key})`;
  return full.length <= XLSX_TAB_NAME_LIMIT ? full : spec.th;
}

/** The tab keys with a role, in template order. */
export const tabsWhere = (role: (roles: TabRoles) => boolean | undefined): TabKey[] =>
  TABS.filter((t) => role(t.roles)).map((t) => t.key);
