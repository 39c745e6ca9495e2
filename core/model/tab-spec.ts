import type * as z from 'zod';
import type { EnumerationName } from '../parse/enumerations.ts';
import type { RecordParts, RowRule } from './fields.ts';

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
  | 'timezone'
  /** A list of an enumeration's keys, comma-separated (`สัจจะ, หุ้น`). */
  | 'enums';

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
  /**
   * A column of a reference tab (or a setting) whose change can move a month's figures: an id that
   * links rows, a date or status that places a member in a month, an opening balance. When a
   * closed month's figures moved, only these cells are named as the cause (a phone never is).
   */
  figures?: true;
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
  | 'family_plans'
  | 'rules'
  | 'year_end'
  | 'welfare_rules'
  | 'debt_buyouts';

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
  /**
   * A tab of one entry a row, key and value (settings, the bylaws): its entries, each with its
   * kind and default. Such a tab has no records; its entries are read as one object.
   */
  entries?: readonly EntrySpec[];
}

/** An entry of a key/value tab: read like a column of one record, with its default when left blank. */
export interface EntrySpec extends ColumnSpec {
  /** The value a blank entry takes (and the template writes). */
  default?: string | number | string[];
  /** Whole numbers only: the range allowed, and the rule key of the message when outside it. */
  range?: { min: number; max: number; error: string };
}

/** A column as a tab declares it: its Thai label, how its cells are read, and its record field. */
export interface Column<F extends z.ZodType = z.ZodType> extends Omit<ColumnSpec, 'key' | 'th' | 'kind'> {
  th: string;
  kind: ColumnKind;
  field: F;
}

/** A column: Thai label, kind, the zod field its value must fit, and what else the template needs. */
export function col<F extends z.ZodType>(
  th: string,
  kind: ColumnKind,
  field: F,
  extra: Omit<ColumnSpec, 'key' | 'th' | 'kind'> = {},
): Column<F> {
  return { th, kind, field, ...extra };
}

/** The record fields of a tab's columns. */
export type ColumnFields<C extends Record<string, Column>> = { [K in keyof C]: C[K]['field'] };

/** The record a tab's columns make once validated. */
type RecordOfColumns<C extends Record<string, Column>> = z.output<z.ZodObject<ColumnFields<C>>>;

/** A data tab declared once: its spec (names, roles, columns) and its record's parts. */
export interface TabDeclaration<C extends Record<string, Column>> {
  spec: TabSpec;
  parts: RecordParts<ColumnFields<C>>;
}

/**
 * Declares a data tab in one place: the tab, its columns in sheet order (each with its label,
 * kind and record field), the rules across its cells and what is derived once they hold.
 */
export function defineTab<C extends Record<string, Column>>(
  tab: Omit<TabSpec, 'columns'>,
  columns: C,
  rules: RowRule<RecordOfColumns<C>>[] = [],
  derive?: (record: RecordOfColumns<C>) => RecordOfColumns<C>,
): TabDeclaration<C> {
  const fields = {} as Record<string, z.ZodType>;
  const specs: ColumnSpec[] = [];
  for (const [key, { field, th, kind, ...extra }] of Object.entries(columns)) {
    fields[key] = field;
    specs.push({ key, th, kind, ...extra });
  }
  return {
    spec: { ...tab, columns: specs },
    parts: { fields: fields as ColumnFields<C>, rules, derive },
  };
}
