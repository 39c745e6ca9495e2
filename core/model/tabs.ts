import { RECORD_PARTS } from './records.ts';
import type { TabKey, TabRoles, TabSpec } from './tab-spec.ts';
import { counts } from './tabs/counts.ts';
import { debtBuyouts } from './tabs/debt-buyouts.ts';
import { debtSurvey } from './tabs/debt-survey.ts';
import { familyPlans } from './tabs/family-plans.ts';
import { householdAccounts } from './tabs/household-accounts.ts';
import { households } from './tabs/households.ts';
import { loanRequests } from './tabs/loan-requests.ts';
import { loans } from './tabs/loans.ts';
import { members } from './tabs/members.ts';
import { other } from './tabs/other.ts';
import { remittances } from './tabs/remittances.ts';
import { repayments } from './tabs/repayments.ts';
import { rules } from './tabs/rules.ts';
import { savings } from './tabs/savings.ts';
import { settings } from './tabs/settings.ts';
import { subgroups } from './tabs/subgroups.ts';
import { welfare } from './tabs/welfare.ts';
import { welfareRules } from './tabs/welfare-rules.ts';
import { yearEndTab } from './tabs/year-end.ts';

export type { ColumnKind, ColumnSpec, EntrySpec, RefTarget, TabKey, TabRoles, TabSpec } from './tab-spec.ts';

/** The tabs in template order, each declared in a file of its own (core/model/tabs/). */
const DECLARED: readonly TabSpec[] = [
  settings,
  rules,
  subgroups.spec,
  households.spec,
  members.spec,
  savings.spec,
  remittances.spec,
  loanRequests.spec,
  loans.spec,
  repayments.spec,
  welfare.spec,
  welfareRules.spec,
  other.spec,
  counts.spec,
  householdAccounts.spec,
  debtSurvey.spec,
  debtBuyouts.spec,
  familyPlans.spec,
  yearEndTab.spec,
];

/**
 * The workbook template of SPEC §3, tab by tab (settings are described in settings.ts). Whether
 * a data column is required is the record schema's to say (model/records.ts): a field that does
 * not accept a blank is required, so the two can never disagree.
 */
export const TABS: readonly TabSpec[] = DECLARED.map((spec) => {
  if (spec.entries) return spec;
  const fields = RECORD_PARTS[spec.key as keyof typeof RECORD_PARTS].fields as Record<
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
