import { type Finding, finding } from '../../check/finding.ts';
import * as acct from '../accounts.ts';
import type { Entry } from '../journal.ts';
import type { LedgerState } from '../state.ts';
import { baht, type Where } from './where.ts';

/** E_SAVINGS_OVERDRAWN: a withdrawal takes a member's savings below zero. */
export function overdrawn(state: LedgerState, entry: Entry, where: Where, out: Finding[]): void {
  // what the group owes a member is a credit balance: negative in the journal
  const after = -(state.balances.get(acct.savings(entry.member!)) ?? 0);
  if (after >= 0) return;
  const amount = entry.amount;
  out.push(
    finding(
      'E_SAVINGS_OVERDRAWN',
      where('savings', entry.row, 'amount'),
      {
        th: `ถอน ${baht(amount)} บาท เกินเงินออมของสมาชิก ${entry.member} (คงเหลือก่อนถอน ${baht(after + amount)} บาท)`,
        en: `withdrawal of ${baht(amount)} baht takes member ${entry.member} below zero (balance before: ${baht(after + amount)})`,
      },
      { member_id: entry.member, amount, balance: after },
    ),
  );
}
