import type { TabKey } from './tabs.ts';

/** Stable finding codes of SPEC §5. */
export const FINDING_CODES = {
  E_SHEET_MISSING: 'error',
  E_COLUMN_MISSING: 'error',
  E_TAB_REPEATED: 'error',
  E_COLUMN_REPEATED: 'error',
  E_REQUIRED: 'error',
  E_VALUE: 'error',
  E_DUPLICATE_ID: 'error',
  E_UNKNOWN_REF: 'error',
  E_DATE_RANGE: 'error',
  E_SAVINGS_OVERDRAWN: 'error',
  E_LOAN_OVERPAID: 'error',
  E_NEGATIVE_BALANCE: 'error',
  E_COUNT_MISMATCH: 'error',
  E_REMIT_EXCEEDS_HELD: 'error',
  W_NOT_REMITTED: 'warning',
  W_SUBGROUP_SIZE: 'warning',
  W_LOAN_WITHOUT_REQUEST: 'warning',
  W_RATE_ABOVE_LEGAL: 'warning',
  W_RATE_TOO_LOW: 'warning',
  W_LOAN_OVERDUE: 'warning',
  W_COUNT_MISSING: 'warning',
  W_CLOSED_PERIOD_CHANGED: 'warning',
  W_SHEET_UNKNOWN: 'warning',
  W_POSSIBLE_DUPLICATE: 'warning',
  W_AMOUNT_UNUSUAL: 'warning',
  W_OUTSIDE_MEMBERSHIP: 'warning',
  W_LEFT_WITH_SAVINGS: 'warning',
  W_MONTH_EMPTY: 'warning',
  W_CLOSED_THROUGH_BEHIND: 'warning',
  E_RULES_ALLOCATION: 'error',
  E_RULES_RESERVE: 'error',
  E_WITHDRAWAL_NOT_ALLOWED: 'error',
  E_YEAR_END_DIFFERS: 'error',
  W_YEAR_NOT_ALLOCATED: 'warning',
  W_YEAR_LOSS: 'warning',
  W_LOAN_OVER_LIMIT: 'warning',
  W_LOAN_TOO_EARLY: 'warning',
  W_GUARANTORS_MISSING: 'warning',
  W_GUARANTOR_OVEREXPOSED: 'warning',
  W_HOUSEHOLD_LOANS: 'warning',
  W_INSTALMENT_OVER_SURPLUS: 'warning',
  W_LOAN_COST_ABOVE_LEGAL: 'warning',
  W_BUYOUT_OVER_LOAN: 'warning',
  W_BUYOUT_UNKNOWN_CREDITOR: 'warning',
  W_BUYOUT_DEBT_STILL_SURVEYED: 'warning',
  W_WELFARE_NO_RULE: 'warning',
  W_WELFARE_NOT_ELIGIBLE: 'warning',
  W_WELFARE_OVER_LIMIT: 'warning',
  W_WELFARE_LATE_CLAIM: 'warning',
  W_WELFARE_CONTRIBUTION_BEHIND: 'warning',
} as const;

export type FindingCode = keyof typeof FINDING_CODES;
export type Severity = 'error' | 'warning';

/** A value as it was typed, shown back to the user (long text is cut, never changed in the sheet). */
export type TypedValue = string | number | boolean | null;

/** The fields a finding may carry besides its place and message: each means one thing, whatever the code. */
export interface FindingFields {
  /** What the cell holds, as typed (E_VALUE, E_UNKNOWN_REF, E_DUPLICATE_ID, E_DATE_RANGE, rates). */
  value?: TypedValue;
  /** Why a value was refused (E_VALUE): a parse reason or a rule key. */
  reason?: string;
  /** The values a dropdown column allows, as keys (E_VALUE on an enumeration). */
  allowed?: string[];
  /** The id typed in this cell that is not known (E_UNKNOWN_REF) or repeated (E_DUPLICATE_ID). */
  ref?: string;
  /** The first row holding a repeated id (E_DUPLICATE_ID). */
  first_row?: number;
  /** What a books finding is about. */
  member_id?: string;
  loan_id?: string;
  subgroup_id?: string;
  /** `cash`, `bank`, `welfare` (the welfare fund) or a year-end fund (`committee`, `public_benefit`, `education`). */
  account?: 'cash' | 'bank' | 'welfare' | 'committee' | 'public_benefit' | 'education';
  /** The day it happened (ISO `YYYY-MM-DD`). */
  date?: string;
  /** The month it concerns (`YYYY-MM`). */
  month?: string;
  /** The earliest or latest date allowed (E_DATE_RANGE; ISO). */
  limit_date?: string;
  /** A number that was passed: days, households or percent — the code says which (docs/findings.md). */
  limit?: number;
  /** Days held or overdue. */
  days?: number;
  /** How many (households in a sub-group). */
  count?: number;
  /** Money of the row (satang). */
  amount?: number;
  /** A balance (satang): after the row, or held. */
  balance?: number;
  /** The middle of a member's own deposits (satang; W_AMOUNT_UNUSUAL). */
  median?: number;
  /** Money the books say (expected) against money recorded or counted (actual), in satang. */
  expected?: number;
  actual?: number;
  /** actual − expected (satang). */
  difference?: number;
  /** The part of `difference` already there at the previous count (satang; E_COUNT_MISMATCH). */
  carried?: number;
  /** A closed month's cell before and after, as shown (W_CLOSED_PERIOD_CHANGED). */
  before?: string;
  after?: string;
}

export type FindingField = keyof FindingFields;

/**
 * Which fields each code carries: the one table of it. A finding of a code cannot be built with a
 * field its code does not list (the types say so), and docs/findings.md is made from this table.
 */
export const FINDING_FIELDS = {
  E_SHEET_MISSING: [],
  E_COLUMN_MISSING: [],
  E_TAB_REPEATED: ['value'],
  E_COLUMN_REPEATED: [],
  E_REQUIRED: [],
  E_VALUE: ['value', 'reason', 'allowed'],
  E_DUPLICATE_ID: ['value', 'ref', 'first_row'],
  E_UNKNOWN_REF: ['value', 'ref'],
  E_DATE_RANGE: ['value', 'limit_date'],
  E_SAVINGS_OVERDRAWN: ['member_id', 'amount', 'balance'],
  E_LOAN_OVERPAID: ['loan_id', 'expected', 'actual'],
  E_NEGATIVE_BALANCE: ['account', 'date', 'balance'],
  E_COUNT_MISMATCH: ['account', 'date', 'expected', 'actual', 'difference', 'carried'],
  E_REMIT_EXCEEDS_HELD: ['subgroup_id', 'amount', 'balance'],
  W_NOT_REMITTED: ['subgroup_id', 'date', 'limit', 'days', 'balance'],
  W_SUBGROUP_SIZE: ['subgroup_id', 'limit', 'count'],
  W_LOAN_WITHOUT_REQUEST: ['member_id', 'loan_id'],
  W_RATE_ABOVE_LEGAL: ['value', 'limit'],
  W_RATE_TOO_LOW: ['value', 'limit'],
  W_LOAN_OVERDUE: ['loan_id', 'date', 'limit', 'days', 'expected', 'actual'],
  W_COUNT_MISSING: ['account', 'month', 'limit'],
  W_CLOSED_PERIOD_CHANGED: ['month', 'before', 'after'],
  W_SHEET_UNKNOWN: ['value'],
  W_POSSIBLE_DUPLICATE: ['first_row'],
  W_AMOUNT_UNUSUAL: ['member_id', 'amount', 'median'],
  W_OUTSIDE_MEMBERSHIP: ['member_id', 'limit_date'],
  W_LEFT_WITH_SAVINGS: ['member_id', 'balance', 'date'],
  W_MONTH_EMPTY: ['month'],
  W_CLOSED_THROUGH_BEHIND: ['month', 'value'],
  E_RULES_ALLOCATION: ['value'],
  E_RULES_RESERVE: ['value', 'limit'],
  E_WITHDRAWAL_NOT_ALLOWED: ['member_id', 'amount'],
  E_YEAR_END_DIFFERS: ['member_id', 'expected', 'actual', 'difference'],
  W_YEAR_NOT_ALLOCATED: ['date', 'amount', 'limit'],
  W_YEAR_LOSS: ['date', 'amount'],
  W_LOAN_OVER_LIMIT: ['loan_id', 'member_id', 'expected', 'actual'],
  W_LOAN_TOO_EARLY: ['loan_id', 'member_id', 'limit_date'],
  W_GUARANTORS_MISSING: ['loan_id', 'count', 'limit'],
  W_GUARANTOR_OVEREXPOSED: ['member_id', 'expected', 'actual'],
  W_HOUSEHOLD_LOANS: ['loan_id', 'count'],
  W_INSTALMENT_OVER_SURPLUS: ['loan_id', 'member_id', 'expected', 'actual'],
  W_LOAN_COST_ABOVE_LEGAL: ['loan_id', 'date', 'expected', 'actual'],
  W_BUYOUT_OVER_LOAN: ['loan_id', 'expected', 'actual'],
  W_BUYOUT_UNKNOWN_CREDITOR: ['loan_id', 'value'],
  W_BUYOUT_DEBT_STILL_SURVEYED: ['loan_id', 'value', 'date', 'amount'],
  W_WELFARE_NO_RULE: ['member_id', 'amount'],
  W_WELFARE_NOT_ELIGIBLE: ['member_id', 'limit_date'],
  W_WELFARE_OVER_LIMIT: ['member_id', 'expected', 'actual'],
  W_WELFARE_LATE_CLAIM: ['member_id', 'days', 'limit'],
  W_WELFARE_CONTRIBUTION_BEHIND: ['member_id', 'count', 'expected', 'actual'],
} as const satisfies Record<FindingCode, readonly FindingField[]>;

/** The fields a code carries. */
export type FieldsOf<C extends FindingCode> = (typeof FINDING_FIELDS)[C][number];

/** The fields of a code's finding: those it lists, and none of the others. */
export type FieldsFor<C extends FindingCode> = Pick<FindingFields, FieldsOf<C>> & {
  [F in Exclude<FindingField, FieldsOf<C>>]?: never;
};

/** A finding of one code: its place, its message, and only the fields its code carries. */
export type FindingOf<C extends FindingCode> = C extends FindingCode
  ? {
      code: C;
      severity: Severity;
      message: { th: string; en: string };
    } & FindingPlace &
      FieldsFor<C>
  : never;

/** One thing wrong in a workbook, pointing at the cell to fix: a finding of one of the codes. */
export type Finding = FindingOf<FindingCode>;

/** Where a finding points. */
export interface FindingPlace {
  sheet: TabKey | null;
  row: number | null;
  column: string | null;
  cell: string | null;
}

/** Builds a finding with its severity from the code, carrying only the fields its code lists. */
export function finding<C extends FindingCode>(
  code: C,
  place: FindingPlace,
  message: { th: string; en: string },
  extra: FieldsFor<C> = {} as FieldsFor<C>,
): FindingOf<C> {
  return { code, severity: FINDING_CODES[code], ...place, message, ...extra } as FindingOf<C>;
}

/** Longest typed value echoed back in a finding. */
const MAX_ECHO = 120;

/** The typed value to echo back: dates as ISO text, long text cut with an ellipsis. */
export function echo(value: unknown): TypedValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  const text = String(value);
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}… (${text.length})` : text;
}
