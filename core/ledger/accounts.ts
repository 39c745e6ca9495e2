/**
 * Account names of the journal (SPEC §4). Assets: `cash`, `bank`, `transit:<subgroup>` (held by
 * a sub-group head), `loan:<loan_id>`. Owed to members: `savings:<member>`, `fund:welfare`.
 * Results: `income:interest`, `income:fines`, `income:other:<category>`, `expense:<category>`.
 * `equity:opening` balances the opening cash and bank.
 */
export type Account = string;

export const CASH = 'cash';
export const BANK = 'bank';
export const WELFARE_FUND = 'fund:welfare';
export const INTEREST = 'income:interest';
export const FINES = 'income:fines';
export const OPENING_EQUITY = 'equity:opening';

export const transit = (subgroup: string): Account => `transit:${subgroup}`;
export const savings = (member: string): Account => `savings:${member}`;
export const loan = (loanId: string): Account => `loan:${loanId}`;
export const otherIncome = (category: string): Account => `income:other:${category}`;
export const expense = (category: string): Account => `expense:${category}`;

/** The kind of an account, from its name. */
export function accountKind(account: Account): 'asset' | 'liability' | 'income' | 'expense' | 'equity' {
  if (account === CASH || account === BANK || account.startsWith('transit:') || account.startsWith('loan:')) {
    return 'asset';
  }
  if (account.startsWith('savings:') || account === WELFARE_FUND) return 'liability';
  if (account.startsWith('income:')) return 'income';
  if (account.startsWith('expense:')) return 'expense';
  return 'equity';
}
