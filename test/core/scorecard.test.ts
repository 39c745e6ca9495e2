import { describe, expect, it } from 'vitest';
import {
  checkBooks,
  groupReportData,
  groupReportText,
  networkReportData,
  networkReportText,
  renderGroupReport,
  type Satang,
  summariseMonth,
} from '../../core/index.ts';
import { summaryTabRows } from '../../core/monthly/summary-tab.ts';
import { measureScores, scoreOf, subgroupMeasures } from '../../core/summary/scorecard.ts';
import { rowsOf, smallBook } from '../helpers/small-book.ts';

/**
 * Issue 22, started: the sub-group scorecard's measures worked by hand on the small book
 * (test/helpers/small-book.ts). SG1's head collects 100 + 50.50 on 2 July and remits 150.50 on
 * 5 July: every baht held 3 days. L1 (M2, 1,000 on 10 July) is not yet due in July. H1 keeps its
 * book from August; H2 never.
 */
const EQUAL = { remit: 1, pledge: 1, par: 1, books: 1, debt: 1 };

/** The small book with a bylaws tab holding one bylaw besides its withdrawals. */
function withRules(rule: [string, number]) {
  const wb = smallBook();
  wb.tabs.splice(1, 0, {
    name: 'ระเบียบกลุ่ม (rules)',
    rows: [['รายการ (key)', 'ค่า (value)'], ['sajja_withdrawal', 'ได้ทุกเมื่อ'], rule],
  });
  return wb;
}

describe('the sub-group scorecard (SPEC §15, issue 22)', () => {
  it("measures SG1's July and August by hand", () => {
    const checked = checkBooks(smallBook(), { asOf: '2026-11-26' });
    const july = subgroupMeasures(checked, '2026-07').get('SG1')!;
    expect(july).toEqual({
      remit_days_mean: 3,
      remit_days_worst: 3,
      pledge_share: null,
      par30_ratio: 0,
      books_share: 0,
      informal_debt_change: null,
      debt_before: null,
    });
    // remit 100 (held 3 of 7 days), PAR 100, books 0; no pledges, one survey: (100 + 100 + 0) ÷ 3
    expect(scoreOf(measureScores(july, 7, july.debt_before), EQUAL)).toBe(67);
    const august = subgroupMeasures(checked, '2026-08').get('SG1')!;
    // nothing collected or held in August; H1 kept its book, H2 did not
    expect(august).toMatchObject({ remit_days_mean: null, remit_days_worst: null, books_share: 0.5 });
  });

  it("counts the pledges reached, and a head's money still held at the month's end", () => {
    const wb = smallBook();
    const members = rowsOf(wb, 'members');
    const pledge = members[0]!.findIndex((h) => String(h).endsWith('(savings_pledge)'));
    members[1]![pledge] = 100; // M1 pledged 100 and saved 100
    members[2]![pledge] = 60; // M2 pledged 60 and saved 50.50
    rowsOf(wb, 'savings').push(['20/7/2569', 'M1', 'ฝาก', 10]); // held from 20 July to the 31st: 11 days
    const july = subgroupMeasures(checkBooks(wb, { asOf: '2026-11-26' }), '2026-07').get('SG1')!;
    expect(july.pledge_share).toBe(0.5);
    expect(july.remit_days_worst).toBe(11);
    expect(july.remit_days_mean).toBe(3);
  });

  it('weighs the measures with data only, and turns an informal debt halved into a full mark', () => {
    const scores = measureScores(
      {
        remit_days_mean: 10,
        remit_days_worst: 14,
        pledge_share: 0.8,
        par30_ratio: 0.05,
        books_share: 1,
        informal_debt_change: -50_000 as Satang,
      },
      7,
      100_000 as Satang,
    );
    // worst 14 days against 7: 100 − 100 × 7 ÷ 14 = 50; PAR 5 % → 50; debt −50 % → 50 + 125 → 100
    expect(scores).toEqual({ remit: 50, pledge: 80, par: 50, books: 100, debt: 100 });
    expect(scoreOf(scores, EQUAL)).toBe(76);
    expect(scoreOf(scores, { ...EQUAL, books: 0, debt: 0 })).toBe(60);
  });

  it("puts the score in the summary and the group report, marked below the bylaws' visit threshold", () => {
    const checked = checkBooks(smallBook(), { asOf: '2026-11-26' });
    expect(summariseMonth(checked, '2026-07').subgroups[0]!.score).toBe(67);
    const report = groupReportData(checked, '2026-07', '2026-11-26');
    expect(renderGroupReport(report)).toMatch(/data-score="SG1">67</);
    expect(groupReportText(report)).toContain('- SG1: 67');
    // and in the summary tab the monthly job writes back into the sheet
    expect(summaryTabRows(report.summary, null, '2026-11-26')).toContainEqual([
      'คะแนนกลุ่มย่อย SG1 (sub-group score)',
      67,
    ]);
    // the bylaws weigh only the books (0 in July) and visit below 60: the report says so
    const books = checkBooks(withRules(['score_weight_books', 1]), { asOf: '2026-11-26' });
    expect(summariseMonth(books, '2026-07').subgroups[0]!.score).toBe(0);
    expect(groupReportText(groupReportData(books, '2026-07', '2026-11-26'))).toContain('- SG1: ⚠ 0');
  });

  it("lists the network's sub-groups below their threshold, lowest first", () => {
    const plain = checkBooks(smallBook(), { asOf: '2026-11-26' });
    const strict = checkBooks(withRules(['score_visit_below', 70]), { asOf: '2026-11-26' });
    const report = networkReportData(
      'เครือข่าย',
      [
        { group_id: 'a', checked: plain },
        { group_id: 'b', checked: strict },
      ],
      '2026-07',
      '2026-11-26',
    );
    // 67 is above group a's 60 and below group b's 70
    expect(report.rows.find((r) => r.group_id === 'a')!.subgroups_to_visit).toEqual([]);
    expect(report.rows.find((r) => r.group_id === 'b')!.subgroups_to_visit).toEqual([
      { subgroup_id: 'SG1', score: 67 },
    ]);
    expect(networkReportText(report)).toContain('(b) · SG1: 67');
  });
});
