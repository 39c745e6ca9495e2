import * as z from 'zod/mini';
import { MAX_SATANG } from '../parse/money.ts';

/**
 * Typed records of every tab, as zod schemas. The cell parsers turn text into values; these
 * schemas hold the domain rules on those values. Every `error` is a rule key with a Thai and
 * English message in check/messages.ts, and its `path` names the cell that is wrong.
 */

const satang = z.number().check(z.int(), z.minimum(0), z.maximum(MAX_SATANG));
const positiveSatang = z
  .number()
  .check(z.int(), z.minimum(1, { error: 'amount_zero' }), z.maximum(MAX_SATANG));
const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const id = z.string().check(z.minLength(1), z.maxLength(64));
const text = z.string();
const opt = z.optional;
const account = z.enum(['cash', 'bank']);
const purpose = z.enum([
  'debt_refinance',
  'occupation',
  'education',
  'health',
  'emergency',
  'housing',
  'other',
]);

const rule = (error: string, path: string) => ({ error, path: [path] });

export const SubgroupSchema = z.object({ subgroup_id: id, name: opt(text), head_member_id: id });

export const HouseholdSchema = z.object({
  household_id: id,
  subgroup_id: id,
  head_name: text,
  village: opt(text),
  size: opt(
    z.number().check(z.int(), z.minimum(1, { error: 'size_range' }), z.maximum(60, { error: 'size_range' })),
  ),
});

export const MemberSchema = z
  .object({
    member_id: id,
    name: text,
    household_id: id,
    role: z._default(z.enum(['member', 'subgroup_head', 'treasurer', 'committee', 'chair']), 'member'),
    joined_on: date,
    status: z._default(z.enum(['active', 'left', 'deceased']), 'active'),
    left_on: opt(date),
    savings_pledge: opt(satang),
    phone: opt(text),
  })
  .check(
    z.refine(
      (m) => m.left_on === undefined || m.left_on >= m.joined_on,
      rule('left_before_joined', 'left_on'),
    ),
  );

export const SavingsSchema = z
  .object({
    date,
    member_id: id,
    type: z.enum(['deposit', 'withdrawal']),
    amount: positiveSatang,
    via: opt(z.enum(['subgroup_head', 'treasurer'])),
    account: z._default(account, 'cash'),
    receipt_no: opt(id),
    note: opt(text),
  })
  .check(
    z.overwrite((s) => ({ ...s, via: s.via ?? (s.type === 'deposit' ? 'subgroup_head' : 'treasurer') })),
  );

export const RemittanceSchema = z.object({
  date,
  subgroup_id: id,
  amount: positiveSatang,
  account: z._default(account, 'cash'),
  received_by: opt(text),
  note: opt(text),
});

export const LoanRequestSchema = z
  .object({
    request_id: id,
    date,
    member_id: id,
    amount: positiveSatang,
    purpose,
    status: z._default(z.enum(['pending', 'approved', 'rejected']), 'pending'),
    decided_on: opt(date),
    note: opt(text),
  })
  .check(
    z.refine(
      (r) => r.decided_on === undefined || r.decided_on >= r.date,
      rule('decided_before_request', 'decided_on'),
    ),
  );

export const LoanSchema = z.object({
  loan_id: id,
  member_id: id,
  disbursed_on: date,
  principal: positiveSatang,
  monthly_rate: z.number().check(z.minimum(0), z.maximum(100, { error: 'rate_range' })),
  term_months: z
    .number()
    .check(z.int(), z.minimum(1, { error: 'term_range' }), z.maximum(120, { error: 'term_range' })),
  purpose: opt(purpose),
  request_id: opt(id),
  account: z._default(account, 'cash'),
  guarantor_ids: z._default(z.array(id), []),
  note: opt(text),
});

export const RepaymentSchema = z
  .object({
    date,
    loan_id: id,
    principal: z._default(satang, 0),
    interest: z._default(satang, 0),
    fine: z._default(satang, 0),
    account: z._default(account, 'cash'),
    receipt_no: opt(id),
    note: opt(text),
  })
  .check(z.refine((r) => r.principal + r.interest + r.fine > 0, rule('repayment_empty', 'principal')));

export const WelfareSchema = z.object({
  date,
  member_id: id,
  type: z.enum(['contribution', 'payout']),
  benefit: opt(z.enum(['birth', 'sickness', 'death', 'elderly', 'education', 'disaster', 'other'])),
  amount: positiveSatang,
  account: z._default(account, 'cash'),
  note: opt(text),
});

export const OtherSchema = z
  .object({
    date,
    type: z.enum(['income', 'expense', 'transfer']),
    category: text,
    amount: positiveSatang,
    account: z._default(account, 'cash'),
    to_account: opt(account),
    note: opt(text),
  })
  .check(
    z.refine(
      (o) => o.type !== 'transfer' || o.to_account !== undefined,
      rule('transfer_to_missing', 'to_account'),
    ),
    z.refine(
      (o) => o.type !== 'transfer' || o.to_account !== o.account,
      rule('transfer_same_account', 'to_account'),
    ),
  );

export const CountSchema = z.object({
  date,
  account,
  balance: satang,
  counted_by: opt(text),
  note: opt(text),
});

export const HouseholdEntrySchema = z.object({
  date,
  household_id: id,
  type: z.enum(['income', 'expense']),
  category: text,
  amount: positiveSatang,
  note: opt(text),
});

export const DebtSchema = z.object({
  survey_date: date,
  household_id: id,
  creditor: text,
  creditor_type: z.enum([
    'baac',
    'bank',
    'village_fund',
    'cooperative',
    'housing_authority',
    'savings_group',
    'informal',
    'other',
  ]),
  outstanding: satang,
  interest_rate: opt(z.number().check(z.minimum(0), z.maximum(1000, { error: 'rate_range' }))),
  rate_period: z._default(z.enum(['month', 'year']), 'year'),
  monthly_payment: opt(satang),
  overdue_months: opt(z.number().check(z.int(), z.minimum(0), z.maximum(600, { error: 'overdue_range' }))),
  note: opt(text),
});

export const FamilyPlanSchema = z.object({
  household_id: id,
  goal: text,
  target_amount: opt(satang),
  target_date: opt(date),
  monthly_saving: opt(satang),
  expense_cut_category: opt(text),
  expense_cut_amount: opt(satang),
  note: opt(text),
});

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
