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
export const loan = interned('loan:');
export const otherIncome = interned('income:other:');
export const expense = interned('expense:');
