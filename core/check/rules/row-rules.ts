import { type Finding, finding } from '../../model/finding.ts';
import type { Columns } from '../../model/layout.ts';
import { type CheckMode, placeOf, type RowResult } from '../../model/place.ts';
import type { ColumnSpec, RefTarget } from '../../model/tabs.ts';
import { tabSpec } from '../../model/tabs.ts';
import { thaiDate } from '../../thai-date.ts';
import { approvedRequestDates, type CheckContext } from '../context.ts';
import { columnName } from '../messages.ts';

/** Statutory ceiling for civil loans: 15% a year, 1.25% a month. */
export const LEGAL_MONTHLY_RATE = 1.25;
export const LEGAL_YEARLY_RATE = 15;
/** Licensed pico-finance's ceiling: 36 % a year (3 % a month), by the Ministry of Finance's licence. */
export const PICO_YEARLY_RATE = 36;

/** The columns each rule looks at in one tab, worked out once per context. */
interface RulePlan {
  refs: { column: ColumnSpec; known: Map<string, number[]> }[];
  repeats: { column: ColumnSpec; holders: Map<string, number[]> }[];
  dates: ColumnSpec[];
}

/** Plans by the tab's columns object, which belongs to one context: held weakly, gone with it. */
const plans = new WeakMap<Columns, RulePlan>();

function planOf(ctx: CheckContext, layout: Columns): RulePlan {
  let plan = plans.get(layout);
  if (!plan) {
    const { spec } = layout;
    const present = layout.present.map(({ column }) => column);
    const holdersOf = (column: ColumnSpec) =>
      column.key === spec.idColumn
        ? ctx.ids.get(spec.key as RefTarget)
        : spec.uniqueColumns?.includes(column.key)
          ? ctx.unique.get(`${spec.key}.${column.key}`)
          : undefined;
    plan = {
      refs: present.flatMap((column) => {
        const known = column.ref && ctx.ids.get(column.ref);
        return known ? [{ column, known }] : [];
      }),
      repeats: present.flatMap((column) => {
        const holders = holdersOf(column);
        return holders ? [{ column, holders }] : [];
      }),
      dates: present.filter((column) => column.kind === 'date'),
    };
    plans.set(layout, plan);
  }
  return plan;
}

/** The rules that need only one row and the context: references, repeats, dates, rates, requests. */
export function checkRowRules(
  ctx: CheckContext,
  layout: Columns,
  result: RowResult,
  out: Finding[],
  mode: CheckMode = 'book',
): void {
  const plan = planOf(ctx, layout);
  checkReferences(plan, layout, result, out);
  checkRepeats(plan, layout, result, out, mode);
  checkDates(ctx, plan, layout, result, out);
  if (layout.spec.key === 'loans') {
    checkLoanRate(layout, result, out);
    checkLoanRequest(ctx, layout, result, out);
  }
  if (layout.spec.key === 'debt_survey') checkDebtRate(layout, result, out);
}

function checkReferences(plan: RulePlan, layout: Columns, result: RowResult, out: Finding[]): void {
  for (const { column, known } of plan.refs) {
    const value = result.values[column.key];
    if (value === undefined || (typeof value === 'string' && known.has(value))) continue;
    for (const id of Array.isArray(value) ? (value as string[]) : [value as string]) {
      if (known.has(id)) continue;
      const target = tabSpec(column.ref!);
      out.push(
        finding(
          'E_UNKNOWN_REF',
          placeOf(layout, result.row, column.key),
          {
            th: `ไม่พบ ${columnName(column).th} "${id}" ในแท็บ ${target.th} (${target.key})`,
            en: `${column.key} "${id}" is not in the ${target.key} tab`,
          },
          { ref: id, value: id },
        ),
      );
    }
  }
}

/**
 * E_DUPLICATE_ID. In the whole book, every row after the first holding a value is flagged; on an
 * edit, the edited row is flagged whenever another row holds its value — whichever of them it is.
 */
function checkRepeats(
  plan: RulePlan,
  layout: Columns,
  result: RowResult,
  out: Finding[],
  mode: CheckMode,
): void {
  for (const { column, holders } of plan.repeats) {
    const value = result.values[column.key];
    if (typeof value !== 'string') continue;
    const rows = holders.get(value);
    if (rows === undefined) continue;
    const first = mode === 'book' ? rows[0] : rows.find((r) => r !== result.row);
    if (first === undefined || first === result.row) continue;
    out.push(
      finding(
        'E_DUPLICATE_ID',
        placeOf(layout, result.row, column.key),
        {
          th: `${columnName(column).th} "${value}" ซ้ำกับแถว ${first}`,
          en: `${column.key} "${value}" repeats row ${first}`,
        },
        { ref: value, value, first_row: first },
      ),
    );
  }
}

function checkDates(
  ctx: CheckContext,
  plan: RulePlan,
  layout: Columns,
  result: RowResult,
  out: Finding[],
): void {
  const opening = ctx.settings.opening_date;
  for (const column of plan.dates) {
    const date = result.values[column.key];
    if (typeof date !== 'string') continue;
    const name = () => columnName(column);
    if (date > ctx.asOf && !column.future) {
      out.push(
        finding(
          'E_DATE_RANGE',
          placeOf(layout, result.row, column.key),
          {
            th: `${name().th} ${thaiDate(date)} อยู่หลังวันนี้ (${thaiDate(ctx.asOf)})`,
            en: `${name().en} ${date} is after today (${ctx.asOf})`,
          },
          { value: date, limit_date: ctx.asOf },
        ),
      );
    } else if (layout.spec.money && opening !== undefined && date < opening) {
      out.push(
        finding(
          'E_DATE_RANGE',
          placeOf(layout, result.row, column.key),
          {
            th: `${name().th} ${thaiDate(date)} อยู่ก่อนวันเริ่มบัญชี (${thaiDate(opening)})`,
            en: `${name().en} ${date} is before the opening date (${opening})`,
          },
          { value: date, limit_date: opening },
        ),
      );
    }
  }
}

function rateWarning(
  layout: Columns,
  row: number,
  column: string,
  rate: number,
  period: 'month' | 'year',
  ceiling = LEGAL_YEARLY_RATE,
): Finding {
  const per = period === 'month' ? { th: 'ต่อเดือน', en: 'a month' } : { th: 'ต่อปี', en: 'a year' };
  const monthly = Number((ceiling / 12).toFixed(2));
  const who =
    ceiling === PICO_YEARLY_RATE
      ? { th: 'ของพิโกไฟแนนซ์', en: ' for licensed pico-finance' }
      : { th: '', en: '' };
  return finding(
    'W_RATE_ABOVE_LEGAL',
    placeOf(layout, row, column),
    {
      th: `ดอกเบี้ย ${rate}% ${per.th} เกินเพดานตามกฎหมาย${who.th} ${ceiling}% ต่อปี (${monthly}% ต่อเดือน)`,
      en: `interest ${rate}% ${per.en} is above the legal ceiling${who.en} of ${ceiling}% a year (${monthly}% a month)`,
    },
    { value: rate, limit: period === 'month' ? monthly : ceiling },
  );
}

/**
 * A rate below this many percent is almost surely a percent cell read as a fraction (`1%` is
 * stored as 0.01): ask, rather than charge 0.01 % a month in silence. Zero (no interest) is fine.
 */
export const LOWEST_PLAUSIBLE_RATE = 0.1;

function tooLowWarning(layout: Columns, row: number, column: string, rate: number): Finding {
  const meant = Number((rate * 100).toPrecision(12));
  return finding(
    'W_RATE_TOO_LOW',
    placeOf(layout, row, column),
    {
      th: `ดอกเบี้ย ${rate}% ต่ำเกินจริง — หมายถึง ${meant}% หรือไม่? (ช่องที่จัดรูปแบบเป็น % เก็บ 1% เป็น 0.01)`,
      en: `interest ${rate}% is implausibly low — did you mean ${meant}%? (a cell formatted as % stores 1% as 0.01)`,
    },
    { value: rate, limit: LOWEST_PLAUSIBLE_RATE },
  );
}

function checkLoanRate(layout: Columns, result: RowResult, out: Finding[]): void {
  const rate = result.values.monthly_rate;
  if (typeof rate !== 'number') return;
  if (rate > LEGAL_MONTHLY_RATE) out.push(rateWarning(layout, result.row, 'monthly_rate', rate, 'month'));
  else if (rate > 0 && rate < LOWEST_PLAUSIBLE_RATE)
    out.push(tooLowWarning(layout, result.row, 'monthly_rate', rate));
}

function checkDebtRate(layout: Columns, result: RowResult, out: Finding[]): void {
  const rate = result.values.interest_rate;
  if (typeof rate !== 'number') return;
  const period = result.values.rate_period === 'month' ? 'month' : 'year';
  const yearly = period === 'month' ? rate * 12 : rate;
  const ceiling = result.values.creditor_type === 'pico' ? PICO_YEARLY_RATE : LEGAL_YEARLY_RATE;
  if (yearly > ceiling + 1e-9)
    out.push(rateWarning(layout, result.row, 'interest_rate', rate, period, ceiling));
  else if (rate > 0 && rate < LOWEST_PLAUSIBLE_RATE)
    out.push(tooLowWarning(layout, result.row, 'interest_rate', rate));
}

function checkLoanRequest(ctx: CheckContext, layout: Columns, result: RowResult, out: Finding[]): void {
  const member = result.values.member_id;
  const disbursed = result.values.disbursed_on;
  const requestId = result.values.request_id;
  if (typeof member !== 'string' || typeof disbursed !== 'string') return;
  let approved: boolean;
  if (typeof requestId === 'string') {
    const request = ctx.requests.get(requestId);
    if (!request) return; // E_UNKNOWN_REF already says so
    approved = request.status === 'approved' && request.member_id === member;
  } else {
    approved = approvedRequestDates(ctx, member).some((date) => date <= disbursed);
  }
  if (approved) return;
  const column = layout.columns.has('request_id') && requestId !== undefined ? 'request_id' : 'loan_id';
  const loanId = String(result.values.loan_id ?? '');
  out.push(
    finding(
      'W_LOAN_WITHOUT_REQUEST',
      placeOf(layout, result.row, column),
      {
        th: `เงินกู้ ${loanId} ไม่มีคำขอกู้ที่อนุมัติแล้วของสมาชิก ${member}`,
        en: `loan ${loanId} has no approved request from member ${member}`,
      },
      { loan_id: loanId, member_id: member },
    ),
  );
}
