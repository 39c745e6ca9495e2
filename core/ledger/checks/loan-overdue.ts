import type { IsoDate } from '../../calendar.ts';
import { type Finding, finding } from '../../model/finding.ts';
import { ZERO } from '../../money.ts';
import { loanSchedule, loanStatus } from '../loan-schedule.ts';
import { type LedgerState, OVERDUE_DAYS } from '../state.ts';
import { baht, type Where } from './where.ts';

/** W_LOAN_OVERDUE: a loan more than OVERDUE_DAYS behind its schedule as of the check day. */
export function overdueLoans(state: LedgerState, asOf: IsoDate, where: Where, out: Finding[]): void {
  for (const [loanId, loan] of state.loans) {
    if (loan.term_months < 1) continue;
    const status = loanStatus(loanSchedule(loan), loan.principal, state.repaid.get(loanId) ?? ZERO, asOf);
    if (status.daysOverdue <= OVERDUE_DAYS) continue;
    out.push(
      finding(
        'W_LOAN_OVERDUE',
        where('loans', loan.row, 'loan_id'),
        {
          th: `เงินกู้ ${loanId} ค้างชำระ ${status.daysOverdue} วัน (ถึงกำหนด ${baht(status.due)} บาท ชำระแล้ว ${baht(status.repaid)} บาท)`,
          en: `loan ${loanId} is ${status.daysOverdue} days overdue (${baht(status.due)} due, ${baht(status.repaid)} repaid)`,
        },
        {
          loan_id: loanId,
          // the day it is overdue as of: the finding counts in that month, not the loan's
          date: asOf,
          days: status.daysOverdue,
          limit: OVERDUE_DAYS,
          expected: status.due,
          actual: status.repaid,
        },
      ),
    );
  }
}
