import { type Finding, finding } from '../../model/finding.ts';
import { negate, plus, ZERO } from '../../money.ts';
import * as acct from '../accounts.ts';
import type { Entry } from '../entry.ts';
import type { LedgerState } from '../state.ts';
import { baht, type Where } from './where.ts';

/** E_LOAN_OVERPAID: a repayment takes the principal repaid on a loan past what was lent. */
export function overpaid(state: LedgerState, entry: Entry, where: Where, out: Finding[]): void {
  const loanId = entry.loan!;
  const principalPaid = negate(entry.postings.find((p) => p.account === acct.loan(loanId))?.amount ?? ZERO);
  const total = plus(state.repaid.get(loanId) ?? ZERO, principalPaid);
  state.repaid.set(loanId, total);
  const loan = state.loans.get(loanId);
  if (!loan || total <= loan.principal || principalPaid === 0) return;
  out.push(
    finding(
      'E_LOAN_OVERPAID',
      where('repayments', entry.row, 'principal'),
      {
        th: `ชำระเงินต้นเงินกู้ ${loanId} รวม ${baht(total)} บาท เกินเงินต้น ${baht(loan.principal)} บาท`,
        en: `principal repaid on loan ${loanId} totals ${baht(total)} baht, more than the ${baht(loan.principal)} lent`,
      },
      { loan_id: loanId, expected: loan.principal, actual: total },
    ),
  );
}
