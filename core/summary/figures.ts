import { MEASURES_SINCE } from '../model/rules.ts';
import type { Satang } from '../money.ts';
/**
 * Every figure of a month's summary (SPEC §6), declared once: its path in `MonthlySummary`, its
 * Thai and English label, its unit and the snapshot schema that first held it. The closed-month
 * comparison, the reports (HTML and text), the summary tab, the CLI's text and docs/figures.md all
 * read this list.
 *
 * Adding a figure: add it to `MonthlySummary` and here with `since: SNAPSHOT_SCHEMA + 1`, then
 * raise `SNAPSHOT_SCHEMA` (core/archive/schema.ts). Months archived before do not hold the new
 * figure, so it is never compared for them and never wakes them.
 */

/** How a figure is counted: money in satang, a count of things, or a ratio (0.25 = 25%). */
export type FigureUnit = 'satang' | 'count' | 'ratio' | 'months' | 'days';

export interface Figure {
  /**
   * Where it is in the summary: `loans.par30`; `subgroups[].collected` for each sub-group;
   * `households.by_category.*` for each expense category.
   */
  path: string;
  th: string;
  en: string;
  unit: FigureUnit;
  /** The first snapshot schema that held this figure. */
  since: number;
  /**
   * A look ahead (the elderly benefits coming due) or a judgment (a sub-group's score), resting on
   * the bylaws and birth dates as they are now: archived with the month, shown, never compared — a
   * rule changed for the years ahead is not a closed month edited.
   */
  projection?: true;
  /** A figure that may be null (no payouts yet: no months of cover to count). */
  nullable?: true;
}

const f = (path: string, th: string, en: string, unit: FigureUnit = 'satang', since = 1): Figure => ({
  path,
  th,
  en,
  unit,
  since,
});

export const FIGURES: readonly Figure[] = [
  f('balances.cash.opening', 'เงินสดต้นเดือน', 'cash, opening'),
  f('balances.cash.closing', 'เงินสด', 'cash'),
  f('balances.bank.opening', 'เงินฝากธนาคารต้นเดือน', 'bank, opening'),
  f('balances.bank.closing', 'เงินฝากธนาคาร', 'bank'),
  f('balances.in_transit', 'เงินที่หัวหน้ากลุ่มย่อยถือ', 'held by sub-group heads'),
  f('savings.deposits', 'เงินฝาก', 'deposits'),
  f('savings.withdrawals', 'เงินถอน', 'withdrawals'),
  f('savings.balance', 'ยอดเงินออม', 'savings balance'),
  f('savings.by_product.*', 'ยอดเงินออมตามประเภท', 'savings balance by product', 'satang', 3),
  f('savings.members_saving', 'สมาชิกที่ออม', 'members saving', 'count'),
  f('loans.disbursed', 'จ่ายเงินกู้', 'loans disbursed'),
  f('loans.principal_repaid', 'รับชำระเงินต้น', 'principal repaid'),
  f('loans.interest_received', 'ดอกเบี้ยรับ', 'interest received'),
  f('loans.fines_received', 'ค่าปรับรับ', 'fines received'),
  f('loans.outstanding', 'เงินกู้คงค้าง', 'loans outstanding'),
  f('loans.active_loans', 'สัญญาที่ยังไม่ปิด', 'active loans', 'count'),
  f('loans.overdue_loans', 'สัญญาค้างชำระ', 'overdue loans', 'count'),
  f('loans.par30', 'ค้างเกิน 30 วัน (PAR30)', 'PAR30'),
  f('loans.par30_ratio', 'สัดส่วน PAR30', 'PAR30 ratio', 'ratio'),
  f('welfare.contributions', 'เงินสมทบสวัสดิการ', 'welfare contributions'),
  f('welfare.payouts', 'จ่ายสวัสดิการ', 'welfare payouts'),
  f('welfare.fund_balance', 'กองทุนสวัสดิการ', 'welfare fund'),
  f('welfare.matching', 'เงินสมทบจากรัฐและท้องถิ่น', 'matching from the state and local authority', 'satang', 4),
  {
    ...f('welfare_health.months_of_cover', 'กองทุนพอจ่ายได้ (เดือน)', 'months of cover', 'months', 4),
    nullable: true,
  },
  f('welfare_health.payouts_12m', 'จ่ายสวัสดิการ 12 เดือน', 'payouts, 12 months', 'satang', 4),
  f('welfare_health.contributions_12m', 'เงินสมทบเข้ากองทุน 12 เดือน', 'contributions, 12 months', 'satang', 4),
  f('welfare_health.matching_12m', 'เงินสมทบจากรัฐ 12 เดือน', 'matching, 12 months', 'satang', 4),
  {
    ...f('welfare_health.payout_ratio', 'จ่ายต่อเงินสมทบ', 'payouts to contributions', 'ratio', 4),
    nullable: true,
  },
  {
    ...f(
      'welfare_health.elderly_due',
      'ผู้สูงอายุที่ถึงสิทธิใน 12 เดือน',
      'elderly benefits due, next 12 months',
      'count',
      4,
    ),
    projection: true,
  },
  {
    ...f(
      'welfare_health.elderly_new',
      'ผู้ถึงสิทธิผู้สูงอายุใหม่ใน 12 เดือน',
      'newly reaching the elderly benefit',
      'count',
      4,
    ),
    projection: true,
  },
  {
    ...f(
      'welfare_health.elderly_cost',
      'ค่าสวัสดิการผู้สูงอายุ 12 เดือนข้างหน้า',
      'elderly benefits, next 12 months',
      'satang',
      4,
    ),
    projection: true,
  },
  f('debt_relief.households_helped', 'ครัวเรือนที่ได้ปลดหนี้', 'households helped', 'count', 4),
  f('debt_relief.debts_bought_out', 'หนี้ที่ปลดแล้ว', 'debts bought out', 'count', 4),
  f('debt_relief.reduced', 'หนี้ที่ลดได้', 'baht reduced', 'satang', 4),
  f('debt_relief.paid', 'กลุ่มจ่ายเจ้าหนี้แทน', 'paid to lenders', 'satang', 4),
  f('debt_relief.interest_saved_monthly', 'ดอกเบี้ยที่ประหยัดได้ต่อเดือน', 'baht freed a month', 'satang', 4),
  f('debt_relief.informal_left', 'หนี้นอกระบบคงเหลือ', 'informal debt left', 'satang', 4),
  f('other.income', 'รายรับอื่น', 'other income'),
  f('other.expense', 'รายจ่ายอื่น', 'other expense'),
  f('members.active', 'สมาชิกคงอยู่', 'members active', 'count'),
  f('members.joined', 'สมาชิกสมัครใหม่', 'members joined', 'count'),
  f('members.left', 'สมาชิกออก', 'members left', 'count'),
  f('households.reporting', 'ครัวเรือนที่ลงบัญชี', 'households reporting', 'count'),
  f('households.income', 'รายรับครัวเรือน', 'household income'),
  f('households.expense', 'รายจ่ายครัวเรือน', 'household expense'),
  f('households.by_category.*', 'รายจ่ายครัวเรือนตามหมวด', 'household expense by category'),
  f('households.total_debt', 'หนี้สินรวม', 'total debt'),
  f('households.informal_debt', 'หนี้นอกระบบ', 'informal debt'),
  f('households.debt_change', 'หนี้เปลี่ยนจากการสำรวจครั้งก่อน', 'debt change'),
  f('subgroups[].collected', 'กลุ่มย่อยเก็บ', 'sub-group collected'),
  f('subgroups[].remitted', 'กลุ่มย่อยนำส่ง', 'sub-group remitted'),
  f('subgroups[].in_transit', 'กลุ่มย่อยถืออยู่', 'sub-group held'),
  f('subgroups[].member_savings', 'เงินออมของกลุ่มย่อย', 'sub-group members’ savings'),
  {
    ...f('subgroups[].score', 'คะแนนกลุ่มย่อย', 'sub-group score', 'count', 5),
    projection: true,
    nullable: true,
  },
  // the scorecard's five measures (SPEC §15): shown, archived, never compared (the score is a judgment on them)
  ...(
    [
      ['remit_days_mean', 'วันถือเงินก่อนนำส่ง (เฉลี่ย)', 'days held before remittance (mean)', 'days'],
      ['remit_days_worst', 'วันถือเงินก่อนนำส่ง (นานสุด)', 'days held before remittance (worst)', 'days'],
      ['pledge_share', 'สมาชิกที่ออมครบสัจจะ', 'members who kept their pledge', 'ratio'],
      ['par30_ratio', 'สัดส่วนค้างเกิน 30 วันของกลุ่มย่อย', 'sub-group PAR30 ratio', 'ratio'],
      ['books_share', 'ครัวเรือนที่ลงบัญชี', 'households that kept their book', 'ratio'],
      [
        'informal_debt_change',
        'หนี้นอกระบบเปลี่ยน (สำรวจล่าสุด)',
        'informal debt change (latest survey)',
        'satang',
      ],
    ] as const
  ).map(
    ([key, th, en, unit]): Figure => ({
      ...f(`subgroups[].measures.${key}`, th, en, unit, MEASURES_SINCE),
      projection: true,
      nullable: true,
    }),
  ),
];

const BY_PATH = new Map(FIGURES.map((figure) => [figure.path, figure]));

/** A figure by its declared path (`loans.par30`); throws on a path not declared (a programming error). */
export function figure(path: string): Figure {
  const found = BY_PATH.get(path);
  if (!found) throw new Error(`no summary figure ${path}`);
  return found;
}

/** One figure of one summary: its concrete path (`subgroups[SG1].collected`), declaration and value. */
export interface FigureValue {
  path: string;
  figure: Figure;
  value: unknown;
}

/** The keys of a summary that identify it or are findings, not figures. */
const NOT_FIGURES = new Set(['group_id', 'month', 'checks', 'book_checks']);

/**
 * The figures a summary holds, each with its declaration, by walking the summary. A leaf with no
 * declaration is returned with `figure: undefined` (a test keeps there being none).
 */
export function figuresOf(
  summary: unknown,
  catalogue: readonly Figure[] = FIGURES,
): { path: string; figure: Figure | undefined; value: unknown }[] {
  const byPath = catalogue === FIGURES ? BY_PATH : new Map(catalogue.map((f) => [f.path, f]));
  const out: { path: string; figure: Figure | undefined; value: unknown }[] = [];
  const walk = (value: unknown, path: string, declared: string) => {
    if (Array.isArray(value)) {
      for (const item of value) {
        const id = String((item as { subgroup_id?: unknown }).subgroup_id ?? '?');
        for (const [key, inner] of Object.entries(item as object))
          if (key !== 'subgroup_id') walk(inner, `${path}[${id}].${key}`, `${declared}[].${key}`);
      }
    } else if (value !== null && typeof value === 'object') {
      const open = declared === 'households.by_category' || declared === 'savings.by_product';
      for (const [key, inner] of Object.entries(value)) {
        if (declared === '' && NOT_FIGURES.has(key)) continue;
        walk(
          inner,
          path ? `${path}.${key}` : key,
          open ? `${declared}.*` : declared ? `${declared}.${key}` : key,
        );
      }
    } else out.push({ path, figure: byPath.get(declared), value });
  };
  walk(summary, '', '');
  return out;
}

/** A figure's value as people read it: baht with two decimals, a count, or a percentage. */
export function showFigure(unit: FigureUnit, value: unknown, formatBaht: (satang: Satang) => string): string {
  if (typeof value !== 'number') return String(value ?? '—');
  if (unit === 'satang') return formatBaht(value as Satang);
  if (unit === 'ratio') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'months' || unit === 'days') return value.toFixed(1);
  return String(value);
}

/** The value of a declared figure with a plain path (`loans.par30`) in a summary. */
export function figureValue(summary: object, path: string): number {
  let value: unknown = summary;
  for (const key of figure(path).path.split('.')) value = (value as Record<string, unknown>)[key];
  if (typeof value !== 'number') throw new Error(`summary figure ${path} is not a number`);
  return value;
}

/** A figure's label, Thai first: `เงินกู้คงค้าง / loans outstanding`. */
export const figureLabel = (path: string): string => `${figure(path).th} / ${figure(path).en}`;

/** A figure's label for a heading: Thai, and English with a capital (`Loans outstanding`). */
export function figureHeading(path: string): [th: string, en: string] {
  const { th, en } = figure(path);
  return [th, en.charAt(0).toUpperCase() + en.slice(1)];
}
