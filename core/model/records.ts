import type * as z from 'zod';
import { schemaOf } from './fields.ts';
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
import { savings } from './tabs/savings.ts';
import { subgroups } from './tabs/subgroups.ts';
import { welfare } from './tabs/welfare.ts';
import { welfareRules } from './tabs/welfare-rules.ts';
import { yearEndTab } from './tabs/year-end.ts';

export { enumOf, type RecordParts, type RowRule } from './fields.ts';

/**
 * Typed records of every data tab, as zod schemas built from each tab's declaration
 * (core/model/tabs/<tab>.ts: its columns' fields, its rules across cells, what is derived).
 */
export const RECORD_PARTS = {
  subgroups: subgroups.parts,
  households: households.parts,
  members: members.parts,
  savings: savings.parts,
  remittances: remittances.parts,
  loan_requests: loanRequests.parts,
  loans: loans.parts,
  repayments: repayments.parts,
  welfare: welfare.parts,
  other: other.parts,
  counts: counts.parts,
  household_accounts: householdAccounts.parts,
  debt_survey: debtSurvey.parts,
  family_plans: familyPlans.parts,
  year_end: yearEndTab.parts,
  welfare_rules: welfareRules.parts,
  debt_buyouts: debtBuyouts.parts,
};

export const SubgroupSchema = schemaOf(RECORD_PARTS.subgroups);
export const HouseholdSchema = schemaOf(RECORD_PARTS.households);
export const MemberSchema = schemaOf(RECORD_PARTS.members);
export const SavingsSchema = schemaOf(RECORD_PARTS.savings);
export const RemittanceSchema = schemaOf(RECORD_PARTS.remittances);
export const LoanRequestSchema = schemaOf(RECORD_PARTS.loan_requests);
export const LoanSchema = schemaOf(RECORD_PARTS.loans);
export const RepaymentSchema = schemaOf(RECORD_PARTS.repayments);
export const WelfareSchema = schemaOf(RECORD_PARTS.welfare);
export const OtherSchema = schemaOf(RECORD_PARTS.other);
export const CountSchema = schemaOf(RECORD_PARTS.counts);
export const HouseholdEntrySchema = schemaOf(RECORD_PARTS.household_accounts);
export const DebtSchema = schemaOf(RECORD_PARTS.debt_survey);
export const FamilyPlanSchema = schemaOf(RECORD_PARTS.family_plans);
export const YearEndSchema = schemaOf(RECORD_PARTS.year_end);
export const WelfareRuleSchema = schemaOf(RECORD_PARTS.welfare_rules);
export const BuyoutSchema = schemaOf(RECORD_PARTS.debt_buyouts);

/** The schema of each data tab (settings have their own, in settings.ts). */
export const RECORD_SCHEMAS = {
  subgroups: SubgroupSchema,
  households: HouseholdSchema,
  members: MemberSchema,
  savings: SavingsSchema,
  remittances: RemittanceSchema,
  loan_requests: LoanRequestSchema,
  loans: LoanSchema,
  repayments: RepaymentSchema,
  welfare: WelfareSchema,
  other: OtherSchema,
  counts: CountSchema,
  household_accounts: HouseholdEntrySchema,
  debt_survey: DebtSchema,
  family_plans: FamilyPlanSchema,
  year_end: YearEndSchema,
  welfare_rules: WelfareRuleSchema,
  debt_buyouts: BuyoutSchema,
} as const;

export type DataTabKey = keyof typeof RECORD_SCHEMAS;
export type RecordOf<K extends DataTabKey> = z.infer<(typeof RECORD_SCHEMAS)[K]>;

export type Subgroup = RecordOf<'subgroups'>;
export type Household = RecordOf<'households'>;
export type Member = RecordOf<'members'>;
export type SavingsEntry = RecordOf<'savings'>;
export type Remittance = RecordOf<'remittances'>;
export type LoanRequest = RecordOf<'loan_requests'>;
export type Loan = RecordOf<'loans'>;
export type Repayment = RecordOf<'repayments'>;
export type WelfareEntry = RecordOf<'welfare'>;
export type OtherEntry = RecordOf<'other'>;
export type CashCount = RecordOf<'counts'>;
export type HouseholdEntry = RecordOf<'household_accounts'>;
export type Debt = RecordOf<'debt_survey'>;
export type FamilyPlan = RecordOf<'family_plans'>;
export type YearEndRow = RecordOf<'year_end'>;
export type WelfareRule = RecordOf<'welfare_rules'>;
export type Buyout = RecordOf<'debt_buyouts'>;
