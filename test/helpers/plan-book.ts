import type { Workbook } from '../../core/index.ts';
import { addRow, setCell, smallBook, table } from './small-book.ts';

/**
 * Issue 22: the small book (test/helpers/small-book.ts) with household H1 following two family
 * plans, every figure worked by hand in test/core/reports/household-plans.test.ts. Dates are
 * Buddhist Era (2569 is 2026).
 *
 * H1 is M1 (joined 1/7/2569, pledge 300) and M3 (joined 1/9/2569, pledge 200). M1 saves 100 on
 * 2 July (the small book's), then 150 in August, 100 in September, 200 and −50 in October.
 * Plan 1 (row 2) begins 1/8/2569: 150 a month towards 1,200 by 30/6/2570, and lottery cut by 100 a
 * month. Plan 2 (row 3) gives no start (so from M1's joining, 1 July) and no pace: 1,100 by
 * 30/6/2570. H1's book: July income 5,000, lottery 400, food 1,000; August income 6,000, lottery
 * 200 (the small book's); September income 6,000, food 1,500; October income 6,000, lottery 100,
 * debt payments 1,000. Its survey: BAAC 50,000 at 7 % a year, 2,000 a month.
 */
export function planBook(): Workbook {
  const wb = smallBook();
  const replace = (made: { name: string; rows: Workbook['tabs'][number]['rows'] }) => {
    const at = wb.tabs.findIndex((t) => t.name === made.name);
    wb.tabs[at] = made;
  };
  setCell(wb, 'members', 2, 'savings_pledge', 300);
  addRow(wb, 'members', {
    member_id: 'M3',
    name: 'สุดา ทองคำ',
    household_id: 'H1',
    joined_on: '1/9/2569',
    savings_pledge: 200,
  });
  for (const [date, type, amount, more] of [
    ['5/8/2569', 'ฝาก', 150, { via: 'เหรัญญิก' }],
    ['5/9/2569', 'ฝาก', 100, { via: 'เหรัญญิก' }],
    ['5/10/2569', 'ฝาก', 200, { via: 'เหรัญญิก' }],
    ['10/10/2569', 'ถอน', 50, { receipt_no: 'S2' }],
  ] as const)
    addRow(wb, 'savings', { date, member_id: 'M1', type, amount, ...more });
  // the small book's August (income 6,000, lottery 200), with July, September and October around it
  for (const [date, type, category, amount] of [
    ['3/7/2569', 'รายรับ', 'รับจ้าง', 5000],
    ['4/7/2569', 'รายจ่าย', 'หวย', 400],
    ['5/7/2569', 'รายจ่าย', 'อาหาร', 1000],
    ['1/9/2569', 'รายรับ', 'รับจ้าง', 6000],
    ['2/9/2569', 'รายจ่าย', 'อาหาร', 1500],
    ['1/10/2569', 'รายรับ', 'รับจ้าง', 6000],
    ['2/10/2569', 'รายจ่าย', 'หวย', 100],
    ['3/10/2569', 'รายจ่าย', 'ผ่อนหนี้', 1000],
  ] as const)
    addRow(wb, 'household_accounts', { date, household_id: 'H1', type, category, amount });
  setCell(wb, 'debt_survey', 2, 'monthly_payment', 2000);
  replace(
    table('family_plans', [
      {
        household_id: 'H1',
        goal: 'ปลดหนี้ ธ.ก.ส.',
        target_amount: 1200,
        target_date: '30/6/2570',
        monthly_saving: 150,
        expense_cut_category: 'หวย',
        expense_cut_amount: 100,
        started_on: '1/8/2569',
      },
      { household_id: 'H1', goal: 'ทุนการศึกษาลูก', target_amount: 1100, target_date: '30/6/2570' },
    ]),
  );
  return wb;
}
