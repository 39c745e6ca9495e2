import { describe, expect, it } from 'vitest';
import { EXAMPLE_WORKBOOK } from '../../cli/main.ts';
import { runCli } from '../helpers/run-cli.ts';

const AS_OF = '2026-11-01';

describe('sajja summary, passbook, household, export', () => {
  it('summary --json gives the SPEC §6 shape with money in integer satang', async () => {
    const { code, out } = await runCli(
      'summary',
      EXAMPLE_WORKBOOK,
      '--month',
      '2026-09',
      '--as-of',
      AS_OF,
      '--json',
    );
    expect(code).toBe(0);
    const s = JSON.parse(out);
    expect(Object.keys(s)).toEqual([
      'group_id',
      'month',
      'balances',
      'savings',
      'loans',
      'welfare',
      'welfare_health',
      'debt_relief',
      'other',
      'members',
      'households',
      'subgroups',
      'checks',
      'book_checks',
    ]);
    expect(s.subgroups).toHaveLength(4);
    expect(Number.isInteger(s.balances.cash.closing)).toBe(true);
    // the example's counts agree with its books: the cash count on 30 Sep is the closing cash
    expect(s.balances.cash.closing).toBe(447_000);
    expect(s.savings.balance + s.welfare.fund_balance).toBeGreaterThan(0);
  });

  it('summary prints Thai and English tables', async () => {
    const { out } = await runCli('summary', EXAMPLE_WORKBOOK, '--month', '2026-09', '--as-of', AS_OF);
    expect(out).toContain('/ monthly summary');
    // labels from the catalogue of figures (core/summary/figures.ts)
    expect(out).toContain('เงินกู้คงค้าง / loans outstanding');
  });

  it.each([
    [['summary', EXAMPLE_WORKBOOK], '--month'],
    [['summary', EXAMPLE_WORKBOOK, '--month', '2026-13'], '--month'],
    [['passbook', EXAMPLE_WORKBOOK], '--member'],
    [['passbook', EXAMPLE_WORKBOOK, '--member', 'nobody', '--as-of', AS_OF], 'no member'],
    [['household', EXAMPLE_WORKBOOK, '--household', 'nobody', '--as-of', AS_OF], 'no household'],
    [['export', EXAMPLE_WORKBOOK, '--format', 'csv'], 'hledger|beancount'],
  ])('%j is a usage error', async (argv, message) => {
    const { code, err } = await runCli(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('passbook and household print a member and a household', async () => {
    const member = await runCli(
      'passbook',
      EXAMPLE_WORKBOOK,
      '--member',
      'M0016',
      '--as-of',
      AS_OF,
      '--json',
    );
    expect(JSON.parse(member.out)).toMatchObject({ member_id: 'M0016', loans: [{ loan_id: 'L0001' }] });
    const household = await runCli('household', EXAMPLE_WORKBOOK, '--household', 'H001', '--as-of', AS_OF);
    expect(household.out).toContain('ลำดับการปลดหนี้');
    expect(household.out).toContain('แผนครอบครัว / family plans');
    expect(household.out).toContain('สัจจะที่แนะนำ / suggested pledge');
    expect(household.code).toBe(0);
  });

  it('household --format html prints the household page with its plans (issue 22)', async () => {
    const page = await runCli(
      'household',
      EXAMPLE_WORKBOOK,
      '--household',
      'H001',
      '--as-of',
      AS_OF,
      '--format',
      'html',
    );
    expect(page.code).toBe(0);
    expect(page.out).toContain('@page{size:A4');
    expect(page.out).toContain('ออมเงินให้ลูกเรียน');
    expect(page.out).toMatch(/data-figure="plan\.\d+\.months_ahead"/);
    expect(page.out).toContain('data-figure="suggested_pledge.household"');
  });
});
