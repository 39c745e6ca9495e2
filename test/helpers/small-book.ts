import { type CellValue, nameMatches, TABS, type TabKey, type Workbook } from '../../core/index.ts';

/** Header cells of a tab in the template's `Thai (key)` form. */
function header(key: TabKey): string[] {
  const spec = TABS.find((t) => t.key === key)!;
  return spec.columns.map((c) => `${c.th} (${c.key})`);
}

export function table(
  key: TabKey,
  records: Record<string, CellValue>[],
): { name: string; rows: CellValue[][] } {
  const spec = TABS.find((t) => t.key === key)!;
  return {
    name: `${spec.th} (${spec.key})`,
    rows: [header(key), ...records.map((r) => spec.columns.map((c) => r[c.key] ?? null))],
  };
}

/**
 * A small, clean group book (two households, two members, one loan) to plant mistakes in.
 * Every money row is consistent: it passes `check` with no findings as of 2026-11-26.
 * Cash: 5,000 opening + 150.50 remitted − 1,000 lent − 20 withdrawn − 150 expense − 1,000 to
 * the bank = 2,980.50 on 31 July; + 30 welfare + 110, 109, 108 repaid → 3,120.50, 3,229.50,
 * 3,337.50 at the ends of August, September and October; the bank holds 1,000.
 */
export function smallBook(): Workbook {
  return {
    tabs: [
      {
        name: 'ตั้งค่า (settings)',
        rows: [
          ['รายการ (key)', 'ค่า (value)'],
          ['รหัสกลุ่ม (group_id)', 'g1'],
          ['ชื่อกลุ่ม (group_name)', 'กลุ่มทดสอบ'],
          ['วันเริ่มบัญชี (opening_date)', '1/7/2569'],
          ['เงินสดยกมา (opening_cash)', '5,000'],
          ['max_households_per_subgroup', 5],
        ],
      },
      table('subgroups', [{ subgroup_id: 'SG1', name: 'กลุ่มย่อย 1', head_member_id: 'M1' }]),
      table('households', [
        { household_id: 'H1', subgroup_id: 'SG1', head_name: 'สมชาย ทองคำ', size: 4 },
        { household_id: 'H2', subgroup_id: 'SG1', head_name: 'มาลี ศรีสุข', size: 3 },
      ]),
      table('members', [
        {
          member_id: 'M1',
          name: 'สมชาย ทองคำ',
          household_id: 'H1',
          role: 'หัวหน้ากลุ่มย่อย',
          joined_on: '1/7/2569',
        },
        { member_id: 'M2', name: 'มาลี ศรีสุข', household_id: 'H2', joined_on: '1 ก.ค. 69' },
      ]),
      table('savings', [
        { date: '2/7/2569', member_id: 'M1', type: 'ฝาก', amount: 100 },
        { date: '2/7/2569', member_id: 'M2', type: 'ฝาก', amount: '50.50' },
        { date: '20/7/2569', member_id: 'M2', type: 'ถอน', amount: 20, receipt_no: 'S1' },
      ]),
      table('remittances', [{ date: '5/7/2569', subgroup_id: 'SG1', amount: '150.50' }]),
      table('loan_requests', [
        {
          request_id: 'REQ1',
          date: '5/7/2569',
          member_id: 'M2',
          amount: 1000,
          purpose: 'แก้หนี้',
          status: 'อนุมัติ',
        },
      ]),
      table('loans', [
        {
          loan_id: 'L1',
          member_id: 'M2',
          disbursed_on: '10/7/2569',
          principal: 1000,
          monthly_rate: 1,
          term_months: 10,
          request_id: 'REQ1',
          guarantor_ids: 'M1',
        },
      ]),
      table('repayments', [
        { date: '10/8/2569', loan_id: 'L1', principal: 100, interest: 10, receipt_no: 'R1' },
        { date: '10/9/2569', loan_id: 'L1', principal: 100, interest: 9, receipt_no: 'R2' },
        { date: '10/10/2569', loan_id: 'L1', principal: 100, interest: 8, receipt_no: 'R3' },
        { date: '10/11/2569', loan_id: 'L1', principal: 100, interest: 7, receipt_no: 'R4' },
      ]),
      table('welfare', [{ date: '1/8/2569', member_id: 'M1', type: 'สมทบ', amount: 30 }]),
      table('other', [
        { date: '25/7/2569', type: 'รายจ่าย', category: 'ค่าเครื่องเขียน', amount: 150 },
        {
          date: '26/7/2569',
          type: 'โอน',
          category: 'ฝากธนาคาร',
          amount: 1000,
          account: 'เงินสด',
          to_account: 'ธนาคาร',
        },
      ]),
      table('counts', [
        { date: '31/7/2569', account: 'เงินสด', balance: '2,980.50' },
        { date: '31/7/2569', account: 'ธนาคาร', balance: '1,000' },
        { date: '31/8/2569', account: 'เงินสด', balance: '3,120.50' },
        { date: '30/9/2569', account: 'เงินสด', balance: '3,229.50' },
        { date: '31/10/2569', account: 'เงินสด', balance: '3,337.50' },
      ]),
      table('household_accounts', [
        { date: '1/8/2569', household_id: 'H1', type: 'รายรับ', category: 'รับจ้าง', amount: 6000 },
        { date: '2/8/2569', household_id: 'H1', type: 'รายจ่าย', category: 'หวย', amount: 200 },
      ]),
      table('debt_survey', [
        {
          survey_date: '15/6/2569',
          household_id: 'H1',
          creditor: 'ธ.ก.ส.',
          creditor_type: 'ธ.ก.ส.',
          outstanding: 50000,
          interest_rate: 7,
          rate_period: 'ต่อปี',
        },
      ]),
      table('family_plans', [
        { household_id: 'H1', goal: 'ปลดหนี้', target_amount: 50000, target_date: '1/7/2571' },
      ]),
    ],
  };
}

/** The rows of the tab matching a key. */
export function rowsOf(workbook: Workbook, key: TabKey): CellValue[][] {
  const spec = TABS.find((t) => t.key === key)!;
  const tab = workbook.tabs.find((t) => nameMatches(t.name, spec.key, spec.th));
  if (!tab) throw new Error(`no ${key} tab`);
  return tab.rows;
}

/** Sets a cell by tab key, 1-based sheet row and column key (found by header). */
export function setCell(
  workbook: Workbook,
  key: TabKey,
  row: number,
  column: string,
  value: CellValue,
): void {
  const rows = rowsOf(workbook, key);
  const index = rows[0]!.findIndex((h) => typeof h === 'string' && nameMatches(h, column, '\u0000'));
  if (index < 0) throw new Error(`no ${column} column in ${key}`);
  rows[row - 1] ??= [];
  rows[row - 1]![index] = value;
}

/** Appends a row to a tab from a record keyed by column key. */
export function addRow(workbook: Workbook, key: TabKey, record: Record<string, CellValue>): number {
  const rows = rowsOf(workbook, key);
  const row: CellValue[] = [];
  for (const [column, value] of Object.entries(record)) {
    const index = rows[0]!.findIndex((h) => typeof h === 'string' && nameMatches(h, column, '\u0000'));
    if (index < 0) throw new Error(`no ${column} column in ${key}`);
    row[index] = value;
  }
  rows.push(row);
  return rows.length;
}
