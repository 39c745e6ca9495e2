/**
 * Account names of the journal (SPEC §4). Assets: `cash`, `bank`, `transit:<subgroup>` (held by
 * a sub-group head), `loan:<loan_id>`. Owed to members: `savings:<member>` (sajja) and
 * `products:<product>:<member>` (shares, voluntary, child), `fund:welfare` and the year-end's funds.
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
/** The reserve (ทุนสำรอง): what the year-end gives it, the group's own capital. */
export const RESERVE = 'equity:reserve';
/** A fiscal year's profit, closed into at the year-end and shared out from (SPEC §13). */
export const yearProfit = (year: number): Account => `equity:profit:${year}`;
/** The funds the year-end allocates to, besides welfare: `fund:committee`, `fund:public_benefit` … */
export const fund = (name: string): Account => `fund:${name}`;

/**
 * One string per account name: the journal makes an account name for every entry, and a name
 * made once is hashed once by the maps that hold balances.
 */
function interned(prefix: string): (id: string) => Account {
  const names = new Map<string, Account>();
  return (id) => {
    let name = names.get(id);
    if (name === undefined) {
      name = prefix + id;
      // bounded: a warm process checking many groups starts afresh rather than keep them all
      if (names.size >= MAX_NAMES) names.clear();
      names.set(id, name);
    }
    return name;
  };
}

/** Account names kept per kind (a group has a few thousand members and loans at most). */
const MAX_NAMES = 50_000;

export const transit = interned('transit:');
export const savings = interned('savings:');
const productSavings = interned('products:');

/** The savings products (SPEC §13); `sajja`, every group's, keeps the account it always had. */
export const PRODUCTS = ['sajja', 'shares', 'voluntary', 'child'] as const;

/**
 * A member's savings in a product: `savings:M0001` for sajja (as before products), else
 * `products:shares:M0001` — the product before the member, in a family of its own, so no member
 * id (which may hold a colon) can be mistaken for another's product; a book without products
 * posts exactly as it did. The exports show both under the member: `savings:M0001:shares`.
 */
export const savingsOf = (member: string, product: string = 'sajja'): Account =>
  product === 'sajja' ? savings(member) : productSavings(`${product}:${member}`);

/** Whether an account holds a member's savings, of any product. */
export const isSavings = (account: Account): boolean =>
  account.startsWith('savings:') || account.startsWith('products:');

/** The member and product of a savings account (undefined for any other account). */
export function savingsParts(account: Account): { member: string; product: string } | undefined {
  if (account.startsWith('savings:')) return { member: account.slice(8), product: 'sajja' };
  if (!account.startsWith('products:')) return undefined;
  const rest = account.slice(9);
  const colon = rest.indexOf(':');
  return { member: rest.slice(colon + 1), product: rest.slice(0, colon) };
}
export const loan = interned('loan:');
export const otherIncome = interned('income:other:');
export const expense = interned('expense:');

/** What an account is to the books: the five kinds of double entry. */
export type AccountKind = 'asset' | 'liability' | 'income' | 'expense' | 'equity';

/** The families of account names (the part before the first `:`), each of one kind. */
export const ACCOUNT_FAMILIES = {
  cash: 'asset',
  bank: 'asset',
  transit: 'asset',
  loan: 'asset',
  savings: 'liability',
  products: 'liability',
  fund: 'liability',
  income: 'income',
  expense: 'expense',
  equity: 'equity',
} as const satisfies Record<string, AccountKind>;

export type AccountFamily = keyof typeof ACCOUNT_FAMILIES;

/** The family of an account name: `transit:SG1` → `transit`; an unknown name is equity's. */
export function familyOf(account: Account): AccountFamily {
  const colon = account.indexOf(':');
  const head = colon < 0 ? account : account.slice(0, colon);
  return head in ACCOUNT_FAMILIES ? (head as AccountFamily) : 'equity';
}

/** The kind of an account name (asset, liability, income, expense or equity). */
export const kindOf = (account: Account): AccountKind => ACCOUNT_FAMILIES[familyOf(account)];

/** Whether an account is of a family: `inFamily('loan:L1', 'loan')`. */
export const inFamily = (account: Account, family: AccountFamily): boolean =>
  account.startsWith(`${family}:`) || account === family;
