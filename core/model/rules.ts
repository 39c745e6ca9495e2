import * as z from 'zod';
import { MAX_SATANG, type Satang } from '../money.ts';
import { enumOf } from './fields.ts';
import type { EntrySpec } from './tab-spec.ts';

/** The schema that first held the bylaws tab and the savings products (core/archive/schema.ts). */
export const RULES_SINCE = 3;

/** The schema that first held debt buy-outs, the welfare table and what they add (SPEC §14). */
export const RELIEF_SINCE = 4;

/** The schema that first held the sub-group scorecard (SPEC §15). */
export const SCORE_SINCE = 5;

/** The schema that first held members' LINE user ids (SPEC §15: members reached directly). */
export const LINE_SINCE = 6;

/** The schema that first held the scorecard's five measures in each month's summary (SPEC §15). */
export const MEASURES_SINCE = 6;

/** The Thai name of each measure of the scorecard. */
export const SCORE_NAMES: Record<(typeof SCORE_MEASURES)[number], string> = {
  remit: 'การนำส่งเงิน',
  pledge: 'ออมตามสัจจะ',
  par: 'หนี้ค้างชำระ',
  books: 'การทำบัญชีครัวเรือน',
  debt: 'หนี้นอกระบบลดลง',
};

/** The scorecard's measures, each weighed by a bylaw `score_weight_<measure>` (equal when none is set). */
export const SCORE_MEASURES = ['remit', 'pledge', 'par', 'books', 'debt'] as const;

/** The pools a year's net profit is shared into (SPEC §13), in the order the meeting reads them. */
export const POOLS = [
  'dividend',
  'interest_refund',
  'reserve',
  'welfare',
  'committee',
  'public_benefit',
  'education',
  'other',
] as const;
export type Pool = (typeof POOLS)[number];

/** The Thai name of each pool, as the annual meeting says it. */
export const POOL_NAMES: Record<Pool, { th: string; en: string }> = {
  dividend: { th: 'เงินปันผล', en: 'dividend' },
  interest_refund: { th: 'เงินเฉลี่ยคืน', en: 'interest refund' },
  reserve: { th: 'ทุนสำรอง', en: 'reserve' },
  welfare: { th: 'กองทุนสวัสดิการ', en: 'welfare fund' },
  committee: { th: 'ค่าตอบแทนกรรมการ', en: 'committee' },
  public_benefit: { th: 'สาธารณประโยชน์', en: 'public benefit' },
  education: { th: 'การศึกษาอบรม', en: 'education' },
  other: { th: 'อื่น ๆ', en: 'other' },
};

const pct = (key: string, th: string): EntrySpec => ({ key, th, kind: 'percent', since: RULES_SINCE });

/**
 * The bylaws (ระเบียบกลุ่ม) of SPEC §13, one entry a row of the `rules` tab: every key optional,
 * with its default. The loan, welfare and scorecard keys (§14, §15) join this list.
 */
export const RULE_SPECS: readonly EntrySpec[] = [
  { key: 'fiscal_year_end', th: 'วันสิ้นปีบัญชี (เดือน-วัน)', kind: 'text', default: '12-31', example: '12-31' },
  {
    key: 'products',
    th: 'ประเภทเงินออม',
    kind: 'enums',
    enumeration: 'product',
    default: ['sajja'],
    example: 'สัจจะ, หุ้น',
  },
  {
    key: 'sajja_withdrawal',
    th: 'ถอนเงินสัจจะได้',
    kind: 'enum',
    enumeration: 'sajja_withdrawal',
    default: 'on_leaving',
  },
  { key: 'share_price', th: 'ราคาหุ้นละ (บาท)', kind: 'money', example: '50' },
  {
    key: 'child_products_need_beneficiary',
    th: 'ออมเพื่อลูกต้องระบุชื่อเด็ก',
    kind: 'enum',
    enumeration: 'yes_no',
    default: 'yes',
  },
  {
    key: 'allocation_preset',
    th: 'แบบการจัดสรรกำไร',
    kind: 'enum',
    enumeration: 'allocation_preset',
    example: 'สหกรณ์',
  },
  pct('alloc_dividend', 'จัดสรรเงินปันผล (%)'),
  pct('alloc_interest_refund', 'จัดสรรเงินเฉลี่ยคืน (%)'),
  pct('alloc_reserve', 'จัดสรรทุนสำรอง (%)'),
  pct('alloc_welfare', 'จัดสรรกองทุนสวัสดิการ (%)'),
  pct('alloc_committee', 'จัดสรรค่าตอบแทนกรรมการ (%)'),
  pct('alloc_public_benefit', 'จัดสรรสาธารณประโยชน์ (%)'),
  pct('alloc_education', 'จัดสรรการศึกษาอบรม (%)'),
  pct('alloc_other', 'จัดสรรอื่น ๆ (%)'),
  { key: 'reserve_min_percent', th: 'ทุนสำรองอย่างน้อย (%)', kind: 'percent', default: 0 },
  {
    key: 'dividend_method',
    th: 'วิธีคิดเงินปันผล',
    kind: 'enum',
    enumeration: 'dividend_method',
    default: 'daily',
  },
  {
    key: 'dividend_on',
    th: 'ปันผลจากเงินออมประเภท',
    kind: 'enums',
    enumeration: 'product',
    default: ['sajja', 'shares'],
  },
  { key: 'dividend_max_rate', th: 'อัตราปันผลสูงสุด (% ต่อปี)', kind: 'percent' },
  { key: 'dividend_paid_as', th: 'จ่ายเงินปันผลเป็น', kind: 'enum', enumeration: 'paid_as', default: 'savings' },
  {
    key: 'refund_excludes_overdue_days',
    th: 'ไม่ได้เฉลี่ยคืนถ้าค้างชำระเกิน (วัน)',
    kind: 'int',
    default: 30,
    range: { min: 0, max: 3660, error: 'overdue_days_range' },
  },
  { key: 'round_to', th: 'ปัดเศษลงเป็น', kind: 'enum', enumeration: 'round_to', default: 'satang' },
  // credit by the group's rules (SPEC §14): none of them checked until the bylaws say
  { key: 'loan_max_multiple', th: 'กู้ได้ไม่เกินกี่เท่าของเงินสัจจะและหุ้น', kind: 'percent', example: '3' },
  {
    key: 'loan_min_membership_months',
    th: 'เป็นสมาชิกอย่างน้อยกี่เดือนจึงกู้ได้',
    kind: 'int',
    range: { min: 0, max: 600, error: 'months_range' },
    example: '6',
  },
  {
    key: 'guarantors_required',
    th: 'จำนวนผู้ค้ำประกัน',
    kind: 'int',
    range: { min: 0, max: 10, error: 'guarantors_range' },
    example: '2',
  },
  {
    key: 'guarantor_max_exposure',
    th: 'ค้ำได้ไม่เกินกี่เท่าของเงินออมของผู้ค้ำ',
    kind: 'percent',
    example: '5',
  },
  {
    key: 'one_loan_per_household',
    th: 'หนึ่งครัวเรือน หนึ่งสัญญา',
    kind: 'enum',
    enumeration: 'yes_no',
    default: 'no',
    example: 'ใช่',
  },
  // welfare by the group's own table (SPEC §14)
  {
    key: 'welfare_preset',
    th: 'ระเบียบสวัสดิการตามแบบ',
    kind: 'enum',
    enumeration: 'welfare_preset',
    example: 'ชะมวง',
    since: RELIEF_SINCE,
  },
  {
    key: 'welfare_contribution_monthly',
    th: 'เงินสมทบสวัสดิการต่อเดือน (บาท)',
    kind: 'money',
    example: '30',
    since: RELIEF_SINCE,
  },
  {
    key: 'welfare_lapse_months',
    th: 'ขาดส่งเงินสมทบกี่เดือนจึงพ้นสิทธิ',
    kind: 'int',
    default: 3,
    range: { min: 1, max: 120, error: 'lapse_range' },
    since: RELIEF_SINCE,
  },
  {
    key: 'welfare_elderly_age',
    th: 'อายุที่ได้สวัสดิการผู้สูงอายุ (ปี)',
    kind: 'int',
    default: 60,
    range: { min: 40, max: 120, error: 'age_range' },
    since: RELIEF_SINCE,
  },
  // the sub-group scorecard (SPEC §15)
  ...SCORE_MEASURES.map(
    (m): EntrySpec => ({
      key: `score_weight_${m}`,
      th: `น้ำหนักคะแนน: ${SCORE_NAMES[m]}`,
      kind: 'percent',
      since: SCORE_SINCE,
    }),
  ),
  {
    key: 'score_visit_below',
    th: 'คะแนนต่ำกว่านี้ควรไปเยี่ยม',
    kind: 'int',
    default: 60,
    range: { min: 0, max: 100, error: 'score_range' },
    since: SCORE_SINCE,
  },
].map((spec) => ({ since: RULES_SINCE, ...spec }) as EntrySpec);

/** The allocation presets (SPEC §13): what they give to the pools a group did not set itself. */
export const PRESETS: Record<'cooperative' | 'subin', Partial<Record<Pool, number>>> = {
  cooperative: { reserve: 10, dividend: 60, interest_refund: 20, committee: 5, public_benefit: 5 },
  subin: { dividend: 50, welfare: 50 },
};

export type Product = 'sajja' | 'shares' | 'voluntary' | 'child';

/** A group's bylaws, read (defaults filled, the preset applied to the pools not given). */
export interface Rules {
  fiscal_year_end: string;
  products: Product[];
  sajja_withdrawal: 'on_leaving' | 'any';
  share_price?: Satang;
  child_products_need_beneficiary: 'yes' | 'no';
  allocation_preset?: 'cooperative' | 'subin';
  /** Percent of the net profit each pool gets, after the preset (a pool not given: 0). */
  allocation: Record<Pool, number>;
  /** Whether the bylaws give an allocation at all (a percentage or a preset). */
  allocated: boolean;
  reserve_min_percent: number;
  dividend_method: 'daily' | 'month_end' | 'full_month';
  dividend_on: Product[];
  dividend_max_rate?: number;
  dividend_paid_as: 'savings' | 'cash';
  refund_excludes_overdue_days: number;
  round_to: 'satang' | 'baht';
  loan_max_multiple?: number;
  loan_min_membership_months?: number;
  guarantors_required?: number;
  guarantor_max_exposure?: number;
  /** One household, one contract (the CDD model): a second loan while the first is owed is a warning. */
  one_loan_per_household: 'yes' | 'no';
  /** The welfare table a group starts from: it gives the benefits the group's own table does not. */
  welfare_preset?: 'chamuang';
  /** Each member's welfare contribution a month: contributions behind and lapses are judged only when set. */
  welfare_contribution_monthly?: Satang;
  /** Months of contributions missed before a member's welfare lapses (no benefit while lapsed). */
  welfare_lapse_months: number;
  /** The age from which the elderly benefit is paid. */
  welfare_elderly_age: number;
  /** The scorecard's weights (all 1 when the bylaws set none) and the score below which to visit. */
  score_weights: Record<(typeof SCORE_MEASURES)[number], number>;
  score_visit_below: number;
}

/** `MM-DD` of a day every year has (29 February is refused: a fiscal year must end each year). */
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const isMonthDay = (text: string): boolean =>
  MONTH_DAY.test(text) && Number(text.slice(3)) <= DAYS[Number(text.slice(0, 2)) - 1]!;

function entryType(spec: EntrySpec): z.ZodType {
  switch (spec.kind) {
    case 'enum':
      return enumOf(spec.enumeration!);
    case 'enums':
      return z.array(enumOf(spec.enumeration!)).min(1);
    case 'money':
      return z.number().int().min(1).max(MAX_SATANG);
    case 'percent':
      return z.number().min(0).max(100, { error: 'percent_range' });
    case 'int': {
      const { min, max, error } = spec.range!;
      return z.number().int().min(min, { error }).max(max, { error });
    }
    default:
      return spec.key === 'fiscal_year_end'
        ? z.string().refine(isMonthDay, { error: 'month_day' })
        : z.string();
  }
}

/** The bylaws' schema: each entry its type, with its default where it has one. */
export const RulesEntriesSchema = z.object(
  Object.fromEntries(
    RULE_SPECS.map((spec) => {
      const type = entryType(spec);
      return [spec.key, spec.default === undefined ? type.optional() : type.default(spec.default as never)];
    }),
  ),
);

/** The bylaws from their entries as read: the preset fills the pools not given. */
export function rulesOf(entries: z.output<typeof RulesEntriesSchema>): Rules {
  const e = entries as Record<string, unknown>;
  const preset = e.allocation_preset as Rules['allocation_preset'];
  const given = (pool: Pool) => e[`alloc_${pool}`] as number | undefined;
  const allocation = Object.fromEntries(
    POOLS.map((pool) => [pool, given(pool) ?? (preset ? (PRESETS[preset][pool] ?? 0) : 0)]),
  ) as Record<Pool, number>;
  return {
    fiscal_year_end: e.fiscal_year_end as string,
    products: e.products as Product[],
    sajja_withdrawal: e.sajja_withdrawal as Rules['sajja_withdrawal'],
    ...(e.share_price === undefined ? {} : { share_price: e.share_price as Satang }),
    child_products_need_beneficiary:
      e.child_products_need_beneficiary as Rules['child_products_need_beneficiary'],
    ...(preset ? { allocation_preset: preset } : {}),
    allocation,
    allocated: preset !== undefined || POOLS.some((pool) => given(pool) !== undefined),
    reserve_min_percent: e.reserve_min_percent as number,
    dividend_method: e.dividend_method as Rules['dividend_method'],
    dividend_on: e.dividend_on as Product[],
    ...(e.dividend_max_rate === undefined ? {} : { dividend_max_rate: e.dividend_max_rate as number }),
    dividend_paid_as: e.dividend_paid_as as Rules['dividend_paid_as'],
    refund_excludes_overdue_days: e.refund_excludes_overdue_days as number,
    round_to: e.round_to as Rules['round_to'],
    ...(e.loan_max_multiple === undefined ? {} : { loan_max_multiple: e.loan_max_multiple as number }),
    ...(e.loan_min_membership_months === undefined
      ? {}
      : { loan_min_membership_months: e.loan_min_membership_months as number }),
    ...(e.guarantors_required === undefined ? {} : { guarantors_required: e.guarantors_required as number }),
    ...(e.guarantor_max_exposure === undefined
      ? {}
      : { guarantor_max_exposure: e.guarantor_max_exposure as number }),
    one_loan_per_household: e.one_loan_per_household as Rules['one_loan_per_household'],
    ...(e.welfare_preset === undefined ? {} : { welfare_preset: e.welfare_preset as 'chamuang' }),
    ...(e.welfare_contribution_monthly === undefined
      ? {}
      : { welfare_contribution_monthly: e.welfare_contribution_monthly as Satang }),
    welfare_lapse_months: e.welfare_lapse_months as number,
    welfare_elderly_age: e.welfare_elderly_age as number,
    score_weights: Object.fromEntries(
      SCORE_MEASURES.map((m) => {
        const given = SCORE_MEASURES.some((k) => e[`score_weight_${k}`] !== undefined);
        return [m, given ? ((e[`score_weight_${m}`] as number | undefined) ?? 0) : 1];
      }),
    ) as Rules['score_weights'],
    score_visit_below: e.score_visit_below as number,
  };
}

/** The bylaws' defaults (SPEC §13), for a rules tab that is there but silent. */
export const DEFAULT_RULES: Rules = rulesOf(RulesEntriesSchema.parse({}));

/**
 * The bylaws of a book with no rules tab: the defaults, but withdrawals of sajja allowed — a group
 * that never wrote its bylaws down is not told its members' withdrawals break them, and a book kept
 * before bylaws existed reads exactly as it did.
 */
export const UNWRITTEN_RULES: Rules = { ...DEFAULT_RULES, sajja_withdrawal: 'any' };

/** A percentage in millionths of a percent, as an integer: allocations are added and compared exactly. */
export const microPercent = (percent: number): number => Math.round(percent * 1_000_000);
