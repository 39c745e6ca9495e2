import { describe, expect, it } from 'vitest';
import * as acct from '../../../core/ledger/accounts.ts';

describe('accounts', () => {
  it.each([
    [acct.CASH, 'cash', 'asset'],
    [acct.BANK, 'bank', 'asset'],
    [acct.transit('SG1'), 'transit', 'asset'],
    [acct.loan('L1'), 'loan', 'asset'],
    [acct.savings('M1'), 'savings', 'liability'],
    [acct.WELFARE_FUND, 'fund', 'liability'],
    [acct.INTEREST, 'income', 'income'],
    [acct.otherIncome('บริจาค'), 'income', 'income'],
    [acct.expense('ค่าน้ำ'), 'expense', 'expense'],
    [acct.OPENING_EQUITY, 'equity', 'equity'],
  ])('%s is of the family %s, a %s', (account, family, kind) => {
    expect(acct.familyOf(account)).toBe(family);
    expect(acct.kindOf(account)).toBe(kind);
    expect(acct.inFamily(account, family as acct.AccountFamily)).toBe(true);
  });

  it('does not take a member id that starts like a family for the family', () => {
    // a member `loan` saves into savings:loan, which is savings, not a loan
    expect(acct.inFamily(acct.savings('loan'), 'loan')).toBe(false);
    expect(acct.inFamily('loans:L1', 'loan')).toBe(false);
  });
});

describe('savings products keep every member apart (issue 20)', () => {
  it("never takes a member id with a colon for another member's product", async () => {
    const { savingsOf, savingsParts, isSavings } = await import('../../../core/ledger/accounts.ts');
    const accounts = [
      savingsOf('X', 'shares'),
      savingsOf('X:shares'),
      savingsOf('shares:X'),
      savingsOf('X', 'sajja'),
    ];
    expect(new Set(accounts).size).toBe(4);
    expect(accounts.map((a) => savingsParts(a))).toEqual([
      { member: 'X', product: 'shares' },
      { member: 'X:shares', product: 'sajja' },
      { member: 'shares:X', product: 'sajja' },
      { member: 'X', product: 'sajja' },
    ]);
    expect(accounts.every(isSavings)).toBe(true);
    expect(isSavings('fund:welfare')).toBe(false);
  });
});
