import { type Finding, finding } from '../../model/finding.ts';
import { negate, plus, ZERO } from '../../money.ts';
import * as acct from '../accounts.ts';
import type { Entry } from '../entry.ts';
import type { LedgerState } from '../state.ts';
import { baht, type Where } from './where.ts';

/** E_SAVINGS_OVERDRAWN: a withdrawal takes a member's savings below zero. */
export function overdrawn(state: LedgerState, entry: Entry, where: Where, out: Finding[]): void {
  // what the group owes a member is a credit balance: negative in the journal
  const after = negate(state.balances.get(acct.savings(entry.member!)) ?? ZERO);
  if (after >= 0) return;
  const amount = entry.amount;
  out.push(
    finding(
      'E_SAVINGS_OVERDRAWN',
      where('savings', entry.row, 'amount'),
      {
        th: `ถอน ${baht(amount)} บาท เกินเงินออมของสมาชิก ${entry.member} (คงเหลือก่อนถอน ${baht(plus(after, amount))} บาท)`,
        en: `withdrawal of ${baht(amount)} baht takes member ${entry.member} below zero (balance before: ${baht(plus(after, amount))})`,
      },
      { member_id: entry.member, amount, balance: after },
    ),
  );
}
