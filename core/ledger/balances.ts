import type { IsoDate } from '../calendar.ts';
import { plus, type Satang, ZERO } from '../money.ts';
import type { Account } from './accounts.ts';
import type { Journal } from './journal.ts';

/** Balance of every account at the end of `day` (debit positive, credit negative). */
export function balancesAt(journal: Journal, day: IsoDate): Map<Account, Satang> {
  const balances = new Map<Account, Satang>();
  for (const entry of journal.entries) {
    if (entry.date > day) break;
    for (const { account, amount } of entry.postings)
      balances.set(account, plus(balances.get(account) ?? ZERO, amount));
  }
  return balances;
}

/** Sum of the balances of accounts whose name passes a test. */
export function sumWhere(balances: Map<Account, Satang>, test: (account: Account) => boolean): Satang {
  let sum = ZERO;
  for (const [account, amount] of balances) if (test(account)) sum = plus(sum, amount);
  return sum;
}
