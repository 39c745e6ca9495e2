import { describe, expect, it } from 'vitest';
import { checkBooks, summariseMonth } from '../../../core/index.ts';
import { buyoutFigures } from '../../../core/ledger/buyouts.ts';
import { reliefBook } from '../../helpers/relief-book.ts';

const AS_OF = '2026-11-26';
const checked = (extra: Parameters<typeof reliefBook>[0] = {}) =>
  checkBooks(reliefBook(extra), { asOf: AS_OF });
const codes = (c: ReturnType<typeof checked>, prefix: string) =>
  c.findings.filter((f) => f.code.startsWith(prefix)).map((f) => [f.code, f.sheet, f.cell]);

describe('debt buy-outs (issue 21, worked by hand on test/helpers/relief-book.ts)', () => {
  it('a buy-out of a 20 %-a-month debt: the reduction, the lawful balance and the interest saved', () => {
    const c = checked();
    expect(codes(c, 'W_BUYOUT')).toEqual([]);
    const [b] = buyoutFigures(c.book);
    // claimed 12,000, paid 8,000: the lender gave up 4,000
    expect(b).toMatchObject({
      loan_id: 'L1',
      member_id: 'M2',
      household_id: 'H2',
      claimed: 1_200_000,
      paid: 800_000,
    });
    expect(b!.reduced).toBe(400_000);
    // 20 % a month is above 15 % a year: principal 10,000 − interest already paid 6,000 = 4,000
    expect(b!.principal).toBe(1_000_000);
    expect(b!.lawful_balance).toBe(400_000);
    // 10,000 × 20 % − 8,000 × 1 % = 2,000 − 80 = 1,920 a month
    expect(b!.interest_saved_monthly).toBe(192_000);
  });

  it("the month's summary: one household helped, 4,000 reduced, 1,920 freed a month, ลุงดำ's 3,000 left", () => {
    const c = checked();
    expect(summariseMonth(c, '2026-06').debt_relief).toEqual({
      households_helped: 0,
      debts_bought_out: 0,
      reduced: 0,
      paid: 0,
      interest_saved_monthly: 0,
      informal_left: 1_300_000,
    });
    expect(summariseMonth(c, '2026-07').debt_relief).toEqual({
      households_helped: 1,
      debts_bought_out: 1,
      reduced: 400_000,
      paid: 800_000,
      interest_saved_monthly: 192_000,
      informal_left: 300_000,
    });
  });

  it('a lawful debt has no lawful balance of its own, and a pico lender is lawful to 36 % a year', () => {
    const c = checkBooks(
      reliefBook({
        debt_survey: [
          {
            survey_date: '1/7/2569',
            household_id: 'H2',
            creditor: 'พิโกเงินด่วน',
            creditor_type: 'พิโก',
            outstanding: 2000,
            interest_rate: 36,
            rate_period: 'ต่อปี',
          },
        ],
        debt_buyouts: [
          { date: '12/7/2569', loan_id: 'L1', creditor: 'พิโกเงินด่วน', claimed: 2000, paid: 0.01 },
        ],
      }),
      { asOf: AS_OF },
    );
    const pico = buyoutFigures(c.book).find((b) => b.creditor === 'พิโกเงินด่วน')!;
    expect(pico.lawful_balance).toBeUndefined();
    // 2,000 × 3 % − 0.01 × 1 % (0 satang, rounded down) = 60 a month
    expect(pico.interest_saved_monthly).toBe(6_000);
    expect(c.findings.filter((f) => f.code === 'W_RATE_ABOVE_LEGAL' && f.cell === 'F4')).toEqual([]);
  });

  it('finds the group paying more than the loan, at the row that passes it', () => {
    const c = checked({
      debt_buyouts: [{ date: '15/7/2569', loan_id: 'L1', creditor: 'ลุงดำ', claimed: 3000, paid: 1000 }],
    });
    const over = c.findings.filter((f) => f.code === 'W_BUYOUT_OVER_LOAN');
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({
      sheet: 'debt_buyouts',
      cell: 'E3',
      loan_id: 'L1',
      expected: 800_000,
      actual: 900_000,
    });
    expect(over[0]!.message.th).toContain('9,000.00');
  });

  it('finds a creditor no survey of the household names', () => {
    const c = checked({
      debt_buyouts: [{ date: '15/7/2569', loan_id: 'L1', creditor: 'นายหน้า', claimed: 100, paid: 100 }],
    });
    expect(c.findings.filter((f) => f.code === 'W_BUYOUT_UNKNOWN_CREDITOR')).toMatchObject([
      { sheet: 'debt_buyouts', cell: 'C3', value: 'นายหน้า', loan_id: 'L1' },
    ]);
  });

  it('finds a later survey still listing a debt bought out, at that survey row', () => {
    const c = checked({
      debt_survey: [
        {
          survey_date: '1/9/2569',
          household_id: 'H2',
          creditor: 'เจ๊ใจ',
          creditor_type: 'นอกระบบ',
          outstanding: 2000,
          interest_rate: 20,
          rate_period: 'ต่อเดือน',
        },
      ],
    });
    expect(c.findings.filter((f) => f.code === 'W_BUYOUT_DEBT_STILL_SURVEYED')).toMatchObject([
      { sheet: 'debt_survey', cell: 'E4', date: '2026-07-10', amount: 200_000, value: 'เจ๊ ใจ' },
    ]);
    // the later survey (every row of the household that day) is its debt now: เจ๊ใจ's 2,000 only
    expect(summariseMonth(c, '2026-09').debt_relief.informal_left).toBe(200_000);
  });

  it('refuses a buy-out that paid more than the lender claimed, at its cell', () => {
    const c = checked({
      debt_buyouts: [{ date: '15/7/2569', loan_id: 'L1', creditor: 'ลุงดำ', claimed: 100, paid: 200 }],
    });
    expect(c.findings.filter((f) => f.sheet === 'debt_buyouts' && f.severity === 'error')).toMatchObject([
      { code: 'E_VALUE', cell: 'E3', reason: 'buyout_over_claimed' },
    ]);
  });
});
