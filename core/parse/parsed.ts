/** Why a cell could not be read; each reason has a Thai and English message in check/messages.ts. */
export type ParseReason =
  | 'wrong_type'
  | 'not_finite'
  | 'money_format'
  | 'money_negative'
  | 'money_decimals'
  | 'money_three_decimals'
  | 'money_too_large'
  | 'date_format'
  | 'date_impossible'
  | 'date_year_range'
  | 'enum'
  | 'int_format'
  | 'percent_format'
  | 'id_format'
  | 'id_invisible'
  | 'text_line_break'
  | 'formula_no_value'
  | 'text_too_long'
  | 'text_hidden_chars'
  | 'text_formula'
  | 'email_format'
  | 'month_format'
  | 'timezone';

/** The result of reading one cell: a typed value, or the reason it is not one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ParseReason };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (reason: ParseReason): Parsed<never> => ({ ok: false, reason });
