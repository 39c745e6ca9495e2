/**
 * Writes the docs that are made from the code's own declarations, so they cannot drift:
 * docs/figures.md from core/summary/figures.ts, docs/findings.md from core/model/finding.ts. `npm run docs`; a test fails when they are stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FIGURES,
  FINDING_CODES,
  FINDING_FIELDS,
  type FindingCode,
  type FindingField,
  SNAPSHOT_SCHEMA,
} from '../core/index.ts';

const UNIT = {
  satang: 'satang (baht × 100)',
  count: 'count',
  ratio: 'ratio (0.25 = 25%; null: nothing to divide by)',
  months: 'months (one decimal; null: nothing paid out)',
  days: 'days (one decimal; null: nothing collected)',
} as const;

/** docs/figures.md: every figure of a month's summary. */
export function figuresMarkdown(): string {
  return [
    '# Summary figures (ตัวเลขสรุปประจำเดือน)',
    '',
    '<!-- made by `npm run docs` from core/summary/figures.ts; do not edit by hand -->',
    '',
    "Every figure of a month's summary (SPEC §6), as the closed-month comparison, the reports, the",
    'summary tab and `sajja summary` read them. `since` is the snapshot schema that first held the',
    `figure (today: ${SNAPSHOT_SCHEMA}); a month archived in an earlier schema is never compared on`,
    'a figure it did not hold. `[]` is one per sub-group, `*` one per expense category.',
    '',
    '| path | ไทย | English | unit | since |',
    '|---|---|---|---|---|',
    ...FIGURES.map((f) => `| \`${f.path}\` | ${f.th} | ${f.en} | ${UNIT[f.unit]} | ${f.since} |`),
    '',
  ].join('\n');
}

/** What each field of a finding means (docs/findings.md); a field without one fails typecheck. */
const FIELD_MEANINGS: Record<FindingField, string> = {
  value:
    "what the cell holds, as typed (long text cut to 120 characters); for W_SHEET_UNKNOWN and E_TAB_REPEATED, a tab's name",
  reason: 'why a value was refused: a parse reason or a rule key',
  allowed: 'the keys a dropdown column allows',
  ref: 'the id typed in this cell that is unknown, or repeated',
  first_row: 'the first row holding a repeated id',
  member_id: 'the member the finding is about',
  loan_id: 'the loan the finding is about',
  subgroup_id: 'the sub-group the finding is about',
  account: '`cash`, `bank` or `welfare` (the welfare fund)',
  date: "the day it is about, and so the month it counts in: end of the day below zero, the count's date, the oldest money held, the day a loan is overdue as of (the check day), the day a member left",
  month: 'the month concerned',
  limit_date: 'the latest (today) or earliest (opening date) date allowed',
  limit:
    "a number passed — days (W_NOT_REMITTED, W_LOAN_OVERDUE, W_COUNT_MISSING's window), households (W_SUBGROUP_SIZE), percent (W_RATE_ABOVE_LEGAL, W_RATE_TOO_LOW)",
  days: 'days money was held, or a loan is overdue',
  count: 'households in the sub-group',
  amount: "the row's money (the withdrawal, the remittance, the deposit)",
  median:
    "the middle of the member's own deposits, the lower of the two middle ones for an even count (W_AMOUNT_UNUSUAL)",
  balance: 'a balance: after the row (E_SAVINGS_OVERDRAWN, E_NEGATIVE_BALANCE) or held (W_NOT_REMITTED)',
  expected:
    'what the books say — E_COUNT_MISMATCH (computed balance), E_LOAN_OVERPAID (principal lent), W_LOAN_OVERDUE (principal due)',
  actual:
    'what was counted or recorded — E_COUNT_MISMATCH (counted), E_LOAN_OVERPAID (principal repaid), W_LOAN_OVERDUE (principal repaid)',
  difference: '`actual − expected`',
  carried:
    'the part of `difference` already there at the previous count of that account (the rest is new since)',
  before:
    "a closed month's cell (or setting, or figure) as archived, as shown (baht, ISO dates, quoted text); for a removed row, what it held (`2026-07-02 · M1 · deposit · 100.00 · …`)",
  after: 'the same as it is now, as shown; for an added row, what it holds',
};

const FINDINGS_HEAD = `# Findings: codes and JSON fields

Every finding (\`sajja check --json\`, the API, the sidebar) has \`code\`, \`severity\`, \`sheet\` (tab
key), \`row\` (1-based sheet row), \`column\` (column key, or the setting key), \`cell\` (A1) and
\`message.th\` / \`message.en\`. The other fields below each mean one thing, whatever the code; a field
is present only where the code gives it. Money is always integer satang; dates are ISO
\`YYYY-MM-DD\`; months are \`YYYY-MM\` (Thai text shows them in the Buddhist Era, JSON never does).`;

/** The notes on codes beyond SPEC §5, kept by hand. */
const FINDINGS_NOTES = `## Codes

SPEC §5's codes, and these (docs/decisions.md says why):

| code | severity | when |
|---|---|---|
| \`W_RATE_TOO_LOW\` | warning | a loan's \`monthly_rate\` or a surveyed \`interest_rate\` above 0 but below 0.1 % — almost surely a \`%\` cell read as a fraction (\`1%\` is stored as 0.01); the message asks "did you mean 1 %?" |
| \`W_SHEET_UNKNOWN\` | warning | a tab matches no known tab while a known tab it looks like (headers or name) is missing; it names that tab (for a required tab this is \`E_SHEET_MISSING\`, with the same hint) |
| \`E_NEGATIVE_BALANCE\` with \`account: welfare\` | error | the welfare fund paid out more than was contributed (one finding per episode, like cash) |
| \`E_TAB_REPEATED\` | error | two tabs match one table (a copied tab): names both, says which is read (\`value\`: the other's name) |
| \`E_COLUMN_REPEATED\` | error | two headers match one column: names both cells; no row of that tab is in the books until fixed |
| \`E_REMIT_EXCEEDS_HELD\` | error | a remittance hands over more than the sub-group's head collected and still holds (money in transit never goes below zero); \`amount\` remitted, \`balance\` held (issue 17) |
| \`W_POSSIBLE_DUPLICATE\` | warning | a money row holds exactly what an earlier row of its tab holds (a repayment also a day later) and neither has a receipt number: at the later row, \`first_row\` the earlier; a receipt number on each (or a note, on a tab without one) silences it (issue 17) |
| \`W_AMOUNT_UNUSUAL\` | warning | a deposit at least 10× the median of the member's own deposits, once the member has 5; \`median\` named (issue 17) |
| \`W_OUTSIDE_MEMBERSHIP\` | warning | a deposit, welfare contribution or loan dated before the member's \`joined_on\` or after \`left_on\` (\`limit_date\`); the row is in the books (issue 17) |
| \`W_MONTH_EMPTY\` | warning | a month that has ended, from the opening month on, with no row dated in it on any tab: books not kept is not a month of zeros (\`month\`) (issue 17) |
| \`W_CLOSED_THROUGH_BEHIND\` | warning | \`closed_through\` names a month before the last month the archive holds (or is empty): the archive is the truth, every archived month is compared whatever the cell says (\`month\`: the last archived; \`value\`: the cell) (issue 19) |
| \`E_RULES_ALLOCATION\` | error | the bylaws' allocation of the year's profit does not add up to exactly 100 % (\`value\`: what it adds up to); until mended the whole profit goes to reserve (issue 20) |
| \`E_RULES_RESERVE\` | error | the bylaws give the reserve less than their own \`reserve_min_percent\` (\`value\`: the reserve's percent; \`limit\`: the minimum) (issue 20) |
| \`E_WITHDRAWAL_NOT_ALLOWED\` | error | a withdrawal of sajja savings while the member is active, where the bylaws allow it only on leaving (\`sajja_withdrawal\`) (\`member_id\`, \`amount\`) (issue 20) |
| \`E_YEAR_END_DIFFERS\` | error | a year-end row's dividend or interest refund differs from what the bylaws give, at its cell (\`expected\`, \`actual\`, \`difference\`); or a member owed a share has no row (row null), or a second row for a member (issue 20) |
| \`W_YEAR_NOT_ALLOCATED\` | warning | a fiscal year ended more than 60 days before the check date (\`limit\`) with a profit (\`amount\`) and no year-end rows (\`date\`: the year's last day) (issue 20) |
| \`W_YEAR_LOSS\` | warning | a fiscal year that ended in a loss (\`amount\`: the loss; \`date\`: its last day): nothing is shared out (issue 20) |
| \`W_LOAN_OVER_LIMIT\` | warning | a loan's principal (\`actual\`) above the bylaws' \`loan_max_multiple\` × the borrower's sajja and shares on the day it was paid out (\`expected\`: the limit) (issue 21) |
| \`W_LOAN_TOO_EARLY\` | warning | a loan paid out before the borrower had been a member for \`loan_min_membership_months\` (\`limit_date\`: the first day allowed) (issue 21) |
| \`W_GUARANTORS_MISSING\` | warning | fewer guarantors who are active members, and not the borrower, than \`guarantors_required\` (\`count\`, \`limit\`) (issue 21) |
| \`W_GUARANTOR_OVEREXPOSED\` | warning | what a member guarantees, outstanding today (\`actual\`), above \`guarantor_max_exposure\` × their own sajja and shares (\`expected\`), at the member's row (issue 21) |
| \`W_HOUSEHOLD_LOANS\` | warning | where the bylaws say \`one_loan_per_household\`: a loan paid out to a household whose earlier loan is not repaid (one household, one contract) (\`count\`: its loans then) (issue 21) |
| \`W_INSTALMENT_OVER_SURPLUS\` | warning | a loan's first instalment with its interest (\`actual\`) above the borrower's household's average monthly surplus, income − expense, over the 3 months before the loan (\`expected\`), when it kept its book in each of them (issue 21) |
| \`W_LOAN_COST_ABOVE_LEGAL\` | warning | the interest and fines charged on a loan in the 12 months to a repayment (\`date\`; or since it was paid out) (\`actual\`) above 15 % a year of its average outstanding principal over those days (\`expected\`) (issue 21) |
| \`W_BUYOUT_OVER_LOAN\` | warning | the group paid a loan's lenders (\`debt_buyouts.paid\`, summed to this row: \`actual\`) more than the loan's principal (\`expected\`) (issue 21) |
| \`W_BUYOUT_UNKNOWN_CREDITOR\` | warning | no debt survey of the borrower's household names the buy-out's creditor (\`value\`; names match however they are spaced or cased) (issue 21) |
| \`W_BUYOUT_DEBT_STILL_SURVEYED\` | warning | at a debt-survey row dated after a buy-out (\`date\`) that still lists the creditor (\`value\`) with something owed (\`amount\`) (issue 21) |
| \`W_WELFARE_NO_RULE\` | warning | a welfare payout of a benefit the welfare table (tab \`welfare_rules\`, or the bylaws' \`welfare_preset\`) does not have, or with no benefit given (\`amount\`) (issue 21) |
| \`W_WELFARE_NOT_ELIGIBLE\` | warning | a payout to a member who on the day of the event (\`event_date\`, else \`date\`) was a member fewer than the rule's \`min_membership_days\` (\`limit_date\`: the first day eligible), was younger than \`welfare_elderly_age\` (elderly benefit), or was \`welfare_lapse_months\` or more behind with contributions (issue 21) |
| \`W_WELFARE_OVER_LIMIT\` | warning | a payout above what the rule allows for the claim (amount × nights, + \`amount_per_membership_year\` × full years, capped at \`max_per_claim\`) or, summed over the member's payouts of the benefit in the fiscal year, above \`max_per_year\` (a yearly benefit: its amount) (\`expected\`, \`actual\`) (issue 21) |
| \`W_WELFARE_LATE_CLAIM\` | warning | a payout made more days after the event (\`days\`) than the rule's \`claim_within_days\` (\`limit\`) (issue 21) |
| \`W_WELFARE_CONTRIBUTION_BEHIND\` | warning | at an active member's row: months of welfare contributions behind by the end of last month (\`count\`), with what was due (\`expected\`) and paid (\`actual\`), where the bylaws set \`welfare_contribution_monthly\` (issue 21) |
| \`W_LEFT_WITH_SAVINGS\` | warning | a member who has left (\`left_on\` by the check date, or not active) still has savings in the books (\`balance\`) (issue 17) |

\`W_CLOSED_PERIOD_CHANGED\` also points at a setting, sub-group, household or member cell whose change
moved a closed month's figures (\`before\`, \`after\`, \`month\`), and otherwise at the month itself.
E_VALUE \`reason\` \`money_three_decimals\` (issue 17): a money cell typed with exactly three decimals (\`1.000\`) is
refused, the message giving both readings ("did you mean 1,000 or 1.00?"). E_VALUE \`reason\`s added by issue 9: \`id_invisible\` (an invisible or control character in an id; the
message names it, e.g. \`U+200B\`), \`text_line_break\` (a line break in a one-line field),
\`formula_no_value\` (a formula saved without its result).

## The check result

\`sajja check --json\` is SPEC §7's object plus \`as_of\` (the day "today" was taken to be),
\`books\` and \`closed_check\`:

- \`books.left_out\`: \`[{sheet, row}]\` — rows with a cell error, left out of the journal, the
  summary, the passbook, the household view and the export until fixed.
- \`books.posted_with_errors\`: \`[{sheet, row, codes}]\` — rows in the books that carry an error the
  books found (overdrawn savings, an overpaid loan, a balance below zero): the money did move, so
  they are posted, and marked \`✗\` in the passbook and \`!\` in the export.
- \`closed_check\`: \`done\` (closed months were compared with the archive), \`no_archive\` (the book
  has \`closed_through\` but no archive was found) or \`not_needed\`.

Several workbooks give a list, one object per file (\`file\` added; an unusable file is
\`{file, error: {code, message}}\`). Every failure with \`--json\` prints \`{error: {code, message: {th, en}}}\`.`;

/** docs/findings.md: the fields of findings and which codes carry them, from FINDING_FIELDS. */
export function findingsMarkdown(): string {
  const codes = Object.keys(FINDING_FIELDS) as FindingCode[];
  const carrying = (field: FindingField) =>
    codes.filter((code) => (FINDING_FIELDS[code] as readonly string[]).includes(field)).join(', ');
  return [
    FINDINGS_HEAD,
    '',
    '<!-- made by `npm run docs` from core/model/finding.ts; the notes at the end are kept in docs/generate.ts -->',
    '',
    '| field | meaning | codes |',
    '|---|---|---|',
    ...(Object.keys(FIELD_MEANINGS) as FindingField[]).map(
      (field) => `| \`${field}\` | ${FIELD_MEANINGS[field]} | ${carrying(field)} |`,
    ),
    '',
    '| code | severity | fields |',
    '|---|---|---|',
    ...codes.map(
      (code) =>
        `| \`${code}\` | ${FINDING_CODES[code]} | ${FINDING_FIELDS[code].map((f) => `\`${f}\``).join(', ') || '—'} |`,
    ),
    '',
    FINDINGS_NOTES,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(join(import.meta.dirname, 'figures.md'), figuresMarkdown());
  writeFileSync(join(import.meta.dirname, 'findings.md'), findingsMarkdown());
  console.log('docs/figures.md docs/findings.md');
}
