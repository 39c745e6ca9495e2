import type { Workbook } from '../../core/index.ts';
import { smallBook, table } from './small-book.ts';

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
  replace(
    table('members', [
      {
        member_id: 'M1',
        name: 'สมชาย ทองคำ',
        household_id: 'H1',
        role: 'หัวหน้ากลุ่มย่อย',
        joined_on: '1/7/2569',
        savings_pledge: 300,
      },
      { member_id: 'M2', name: 'มาลี ศรีสุข', household_id: 'H2', joined_on: '1 ก.ค. 69' },
      { member_id: 'M3', name: 'สุดา ทองคำ', household_id: 'H1', joined_on: '1/9/2569', savings_pledge: 200 },
    ]),
  );
  replace(
    table('savings', [
      { date: '2/7/2569', member_id: 'M1', type: 'ฝาก', amount: 100 },
      { date: '2/7/2569', member_id: 'M2', type: 'ฝาก', amount: '50.50' },
      { date: '20/7/2569', member_id: 'M2', type: 'ถอน', amount: 20, receipt_no: 'S1' },
      { date: '5/8/2569', member_id: 'M1', type: 'ฝาก', amount: 150, via: 'เหรัญญิก' },
      { date: '5/9/2569', member_id: 'M1', type: 'ฝาก', amount: 100, via: 'เหรัญญิก' },
      { date: '5/10/2569', member_id: 'M1', type: 'ฝาก', amount: 200, via: 'เหรัญญิก' },
      { date: '10/10/2569', member_id: 'M1', type: 'ถอน', amount: 50, receipt_no: 'S2' },
    ]),
  );
  replace(
    table('household_accounts', [
      { date: '3/7/2569', household_id: 'H1', type: 'รายรับ', category: 'รับจ้าง', amount: 5000 },
      { date: '4/7/2569', household_id: 'H1', type: 'รายจ่าย', category: 'หวย', amount: 400 },
      { date: '5/7/2569', household_id: 'H1', type: 'รายจ่าย', category: 'อาหาร', amount: 1000 },
      { date: '1/8/2569', household_id: 'H1', type: 'รายรับ', category: 'รับจ้าง', amount: 6000 },
      { date: '2/8/2569', household_id: 'H1', type: 'รายจ่าย', category: 'หวย', amount: 200 },
      { date: '1/9/2569', household_id: 'H1', type: 'รายรับ', category: 'รับจ้าง', amount: 6000 },
      { date: '2/9/2569', household_id: 'H1', type: 'รายจ่าย', category: 'อาหาร', amount: 1500 },
      { date: '1/10/2569', household_id: 'H1', type: 'รายรับ', category: 'รับจ้าง', amount: 6000 },
      { date: '2/10/2569', household_id: 'H1', type: 'รายจ่าย', category: 'หวย', amount: 100 },
      { date: '3/10/2569', household_id: 'H1', type: 'รายจ่าย', category: 'ผ่อนหนี้', amount: 1000 },
    ]),
  );
  replace(
    table('debt_survey', [
      {
        survey_date: '15/6/2569',
        household_id: 'H1',
        creditor: 'ธ.ก.ส.',
        creditor_type: 'ธ.ก.ส.',
        outstanding: 50000,
        interest_rate: 7,
        rate_period: 'ต่อปี',
        monthly_payment: 2000,
      },
    ]),
  );
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
