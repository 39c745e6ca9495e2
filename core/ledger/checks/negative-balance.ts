import { type Finding, finding } from '../../model/finding.ts';
import { negate, times, ZERO } from '../../money.ts';
import { thaiDate } from '../../thai-date.ts';
import { type Account, BANK, CASH, fund, WELFARE_FUND } from '../accounts.ts';
import type { LedgerState } from '../state.ts';
import { ACCOUNT_EN, ACCOUNT_KEY, ACCOUNT_TH, baht, type Where } from './where.ts';

/** Balances that must never go below zero, and the sign that makes them positive in the journal. */
const NEVER_NEGATIVE: { account: Account; sign: 1 | -1 }[] = [
  { account: CASH, sign: 1 },
  { account: BANK, sign: 1 },
  // what the fund holds is owed to members: a credit balance, negative in the journal
  { account: WELFARE_FUND, sign: -1 },
  // the year-end's funds an expense can be paid from
  { account: fund('committee'), sign: -1 },
  { account: fund('public_benefit'), sign: -1 },
  { account: fund('education'), sign: -1 },
];

/** E_NEGATIVE_BALANCE at a day's end: cash, bank or the welfare fund below zero, once an episode. */
export function closeDay(state: LedgerState, where: Where, out: Finding[]): void {
  state.dayClosed = true;
  for (const { account, sign } of NEVER_NEGATIVE) {
    const amount = times(state.balances.get(account) ?? ZERO, sign);
    const below = amount < 0;
    if (below && !state.negative.get(account)) {
      const touch = state.lastTouch.get(account);
      const place =
        touch && touch.sheet !== 'settings'
          ? where(touch.sheet, touch.row, touch.column)
          : where('other', null, null);
      out.push(
        finding(
          'E_NEGATIVE_BALANCE',
          place,
          {
            th: `${ACCOUNT_TH[account]}ติดลบ ${baht(negate(amount))} บาท ณ สิ้นวันที่ ${thaiDate(state.day!)}`,
            en: `${ACCOUNT_EN[account]} is ${baht(amount)} baht at the end of ${state.day}`,
          },
          { account: ACCOUNT_KEY[account], date: state.day!, balance: amount },
        ),
      );
    }
    state.negative.set(account, below);
  }
}
