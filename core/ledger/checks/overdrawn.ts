import { type Finding, finding } from '../../model/finding.ts';
import { thaiLabel } from '../../model/labels.ts';
import { negate, plus, ZERO } from '../../money.ts';
import * as acct from '../accounts.ts';
import type { Entry } from '../entry.ts';
import type { LedgerState } from '../state.ts';
import { baht, type Where } from './where.ts';

/** E_SAVINGS_OVERDRAWN: a withdrawal takes a member's savings below zero. */
export function overdrawn(state: LedgerState, entry: Entry, where: Where, out: Finding[]): void {
  // what the group owes a member is a credit balance: negative in the journal
  // the product's own account: a member's shares do not cover a withdrawal of sajja
  const account = entry.postings.find((p) => acct.isSavings(p.account))!.account;
  const after = negate(state.balances.get(account) ?? ZERO);
  if (after >= 0) return;
  const amount = entry.amount;
  out.push(
    finding(
      'E_SAVINGS_OVERDRAWN',
      where('savings', entry.row, 'amount'),
      {
        th: `ถอน ${baht(amount)} บาท เกินเงินออม${productTh(account)}ของสมาชิก ${entry.member} (คงเหลือก่อนถอน ${baht(plus(after, amount))} บาท)`,
        en: `withdrawal of ${baht(amount)} baht takes member ${entry.member}${productEn(account)} below zero (balance before: ${baht(plus(after, amount))})`,
      },
      { member_id: entry.member, amount, balance: after },
    ),
  );
}

/** The product of a savings account, in the message (nothing for sajja: as before products). */
const productOf = (account: string) => {
  const product = acct.savingsParts(account)?.product;
  return product === 'sajja' ? undefined : product;
};
const productTh = (account: string) => {
  const product = productOf(account);
  return product ? `ประเภท${thaiLabel('product', product)}` : '';
};
const productEn = (account: string) => {
  const product = productOf(account);
  return product ? ` (${product})` : '';
};
