import type { TabKey } from '../model/tabs.ts';

/** Stable finding codes of SPEC §5. */
export const FINDING_CODES = {
  E_SHEET_MISSING: 'error',
  E_COLUMN_MISSING: 'error',
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
  W_LOAN_OVERDUE: 'warning',
  W_COUNT_MISSING: 'warning',
  W_CLOSED_PERIOD_CHANGED: 'warning',
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
  /** What the cell holds. */
  value?: TypedValue;
  /** Why a value was refused (E_VALUE): a parse reason or a rule key. */
  reason?: string;
  /** The id referred to (E_UNKNOWN_REF) or repeated (E_DUPLICATE_ID). */
  ref?: string;
  /** The first row holding a repeated id. */
  first_row?: number;
  /** A limit that was passed (days, households, rate). */
  limit?: number | string;
  /** Figures involved; money in satang. */
  expected?: number | string;
  actual?: number | string;
  /** actual − expected, where both are money (E_COUNT_MISMATCH). */
  difference?: number;
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
