import type { TabKey } from '../model/tabs.ts';

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
  W_NOT_REMITTED: 'warning',
  W_SUBGROUP_SIZE: 'warning',
  W_LOAN_WITHOUT_REQUEST: 'warning',
  W_RATE_ABOVE_LEGAL: 'warning',
  W_RATE_TOO_LOW: 'warning',
  W_LOAN_OVERDUE: 'warning',
  W_COUNT_MISSING: 'warning',
  W_CLOSED_PERIOD_CHANGED: 'warning',
  W_SHEET_UNKNOWN: 'warning',
} as const;

export type FindingCode = keyof typeof FINDING_CODES;
export type Severity = 'error' | 'warning';

/** A value as it was typed, shown back to the user (long text is cut, never changed in the sheet). */
export type TypedValue = string | number | boolean | null;

/** One thing wrong in a workbook, pointing at the cell to fix. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Tab key (`savings`), or null for the workbook as a whole. */
  sheet: TabKey | null;
  /** 1-based sheet row; null when the finding is about a tab or a missing setting. */
  row: number | null;
  /** Column key (`amount`); for settings, the setting key. */
  column: string | null;
  /** A1 address (`D12`); null when there is no single cell. */
  cell: string | null;
  message: { th: string; en: string };
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
  /** `cash`, `bank` or `welfare` (the welfare fund). */
  account?: 'cash' | 'bank' | 'welfare';
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

/** Where a finding points. */
export interface FindingPlace {
  sheet: TabKey | null;
  row: number | null;
  column: string | null;
  cell: string | null;
}

/** Builds a finding with its severity from the code. */
export function finding(
  code: FindingCode,
  place: FindingPlace,
  message: { th: string; en: string },
  extra: Omit<Finding, 'code' | 'severity' | 'message' | keyof FindingPlace> = {},
): Finding {
  return { code, severity: FINDING_CODES[code], ...place, message, ...extra };
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
