import * as z from 'zod';
import { ENUMERATIONS, type EnumerationName } from '../parse/enumerations.ts';
import { MAX_SATANG } from '../parse/money.ts';

/**
 * Typed records of every tab, as zod schemas. The cell parsers turn text into values; these
 * schemas hold the domain rules on those values. Every `error` is a rule key with a Thai and
 * English message in check/messages.ts, and its `path` names the cell that is wrong.
 *
 * Classic zod, not zod/mini: its objects compile to a JIT parser, five times faster on the
 * 150,000-row books the Lambda checks; the Apps Script bundle pays about 60 KB for it.
 */

const satang = z.number().int().min(0).max(MAX_SATANG);
const positiveSatang = z.number().int().min(1, { error: 'amount_zero' }).max(MAX_SATANG);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.string().min(1).max(64);
const text = z.string();
type KeyOf<N extends EnumerationName> = keyof (typeof ENUMERATIONS)[N] & string;

/** The zod enum of an enumeration: its keys come from enumerations.ts, the one list of them. */
export function enumOf<N extends EnumerationName>(name: N) {
  return z.enum(Object.keys(ENUMERATIONS[name]) as [KeyOf<N>, ...KeyOf<N>[]]);
}

const account = enumOf('account');
const purpose = enumOf('loan_purpose');

/** A rule across the cells of a row; `path` names the cell that is wrong, `error` the rule key. */
export interface RowRule<T> {
  error: string;
  path: string;
  test: (record: T) => boolean;
}

/**
 * A tab's record in parts: its fields, its rules across fields, and what is derived once they
 * hold. The zod schema is built from the parts; the checker runs the same parts field by field
 * (remembering the results of values it has seen), so both always agree.
 */
export interface RecordParts<S extends z.ZodRawShape> {
  fields: S;
  rules: RowRule<z.output<z.ZodObject<S>>>[];
  derive?: (record: z.output<z.ZodObject<S>>) => z.output<z.ZodObject<S>>;
}

function parts<S extends z.ZodRawShape>(
  fields: S,
  rules: RowRule<z.output<z.ZodObject<S>>>[] = [],
  derive?: (record: z.output<z.ZodObject<S>>) => z.output<z.ZodObject<S>>,
): RecordParts<S> {
  return { fields, rules, derive };
}

function schemaOf<S extends z.ZodRawShape>({ fields, rules, derive }: RecordParts<S>) {
  let schema = z.object(fields);
  // a rule across fields is weighed only when every field (and every earlier rule) holds
  for (const r of rules) {
    schema = schema.refine(r.test, {
      error: r.error,
      path: [r.path],
      when: (payload) => payload.issues.length === 0,
    });
  }
  return derive ? schema.overwrite(derive) : schema;
}

export const RECORD_PARTS = {
  subgroups: parts({ subgroup_id: id, name: text.optional(), head_member_id: id }),
  households: parts({
    household_id: id,
    subgroup_id: id,
    head_name: text,
    village: text.optional(),
    size: z.number().int().min(1, { error: 'size_range' }).max(60, { error: 'size_range' }).optional(),
  }),
  members: parts(
    {
      member_id: id,
      name: text,
      household_id: id,
      role: enumOf('role').default('member'),
      joined_on: date,
      status: enumOf('member_status').default('active'),
      left_on: date.optional(),
      savings_pledge: satang.optional(),
      phone: text.optional(),
    },
    [
      {
        error: 'left_before_joined',
        path: 'left_on',
        test: (m) => m.left_on === undefined || m.left_on >= m.joined_on,
      },
    ],
  ),
  savings: parts(
    {
      date,
      member_id: id,
      type: enumOf('savings_type'),
      amount: positiveSatang,
      via: enumOf('via').optional(),
      account: account.default('cash'),
      receipt_no: id.optional(),
      note: text.optional(),
    },
    [],
    // in place: the checker keeps one object per row (150,000 rows make a lot of copies)
    (s) => {
      s.via ??= s.type === 'deposit' ? 'subgroup_head' : 'treasurer';
      return s;
    },
  ),
  remittances: parts({
    date,
    subgroup_id: id,
    amount: positiveSatang,
    account: account.default('cash'),
    received_by: text.optional(),
    note: text.optional(),
  }),
  loan_requests: parts(
    {
      request_id: id,
      date,
      member_id: id,
      amount: positiveSatang,
      purpose,
      status: enumOf('request_status').default('pending'),
      decided_on: date.optional(),
      note: text.optional(),
    },
    [
      {
        error: 'decided_before_request',
        path: 'decided_on',
        test: (r) => r.decided_on === undefined || r.decided_on >= r.date,
      },
    ],
  ),
  loans: parts({
    loan_id: id,
    member_id: id,
    disbursed_on: date,
    principal: positiveSatang,
    monthly_rate: z.number().min(0).max(100, { error: 'rate_range' }),
    term_months: z.number().int().min(1, { error: 'term_range' }).max(120, { error: 'term_range' }),
    purpose: purpose.optional(),
    request_id: id.optional(),
    account: account.default('cash'),
    guarantor_ids: z.array(id).default([]),
    note: text.optional(),
  }),
  repayments: parts(
    {
      date,
      loan_id: id,
      principal: satang.default(0),
      interest: satang.default(0),
      fine: satang.default(0),
      account: account.default('cash'),
      receipt_no: id.optional(),
      note: text.optional(),
    },
    [{ error: 'repayment_empty', path: 'principal', test: (r) => r.principal + r.interest + r.fine > 0 }],
  ),
  welfare: parts({
    date,
    member_id: id,
    type: enumOf('welfare_type'),
    benefit: enumOf('benefit').optional(),
    amount: positiveSatang,
    account: account.default('cash'),
    note: text.optional(),
  }),
  other: parts(
    {
      date,
      type: enumOf('other_type'),
      category: text,
      amount: positiveSatang,
      account: account.default('cash'),
      to_account: account.optional(),
      note: text.optional(),
    },
    [
      {
        // SPEC §3: `to_account`, like every account column, defaults to cash
        error: 'transfer_same_account',
        path: 'to_account',
        test: (o) => o.type !== 'transfer' || (o.to_account ?? 'cash') !== o.account,
      },
    ],
    (o) => {
      if (o.type === 'transfer') o.to_account ??= 'cash';
      return o;
    },
  ),
  counts: parts({ date, account, balance: satang, counted_by: text.optional(), note: text.optional() }),
  household_accounts: parts({
    date,
    household_id: id,
    type: enumOf('household_entry_type'),
    category: text,
    amount: positiveSatang,
    note: text.optional(),
  }),
  debt_survey: parts({
    survey_date: date,
    household_id: id,
    creditor: text,
    creditor_type: enumOf('creditor_type'),
    outstanding: satang,
    interest_rate: z.number().min(0).max(1000, { error: 'rate_range' }).optional(),
    rate_period: enumOf('rate_period').default('year'),
    monthly_payment: satang.optional(),
    overdue_months: z.number().int().min(0).max(600, { error: 'overdue_range' }).optional(),
    note: text.optional(),
  }),
  family_plans: parts({
    household_id: id,
    goal: text,
    target_amount: satang.optional(),
    target_date: date.optional(),
    monthly_saving: satang.optional(),
    expense_cut_category: text.optional(),
    expense_cut_amount: satang.optional(),
    note: text.optional(),
  }),
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
