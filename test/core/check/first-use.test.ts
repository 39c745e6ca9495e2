import { describe, expect, it } from 'vitest';
import { checkBooks, checkWorkbook } from '../../../core/index.ts';
import { bilingualLabel, thaiLabel } from '../../../core/model/labels.ts';
import { parseCategory } from '../../../core/parse/scalars.ts';
import { summariseMonth } from '../../../core/summary/monthly-summary.ts';
import { addRow, setCell, smallBook } from '../../helpers/small-book.ts';

const AS_OF = '2026-11-26';

describe('a tab that matches nothing (issue 7, class 17)', () => {
  it('names the closest known tab for a renamed tab instead of leaving its rows out in silence', () => {
    const wb = smallBook();
    wb.tabs.find((t) => t.name.endsWith('(remittances)'))!.name = 'นำส่ง';
    wb.tabs.push({ name: 'บันทึกประชุม', rows: [['วาระ', 'มติ']] }); // the committee's own tab: not a finding
    const findings = checkWorkbook(wb, { asOf: AS_OF }).findings;
    const unknown = findings.filter((f) => f.code === 'W_SHEET_UNKNOWN');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ sheet: 'remittances', value: 'นำส่ง' });
    expect(unknown[0]!.message.th).toContain('หมายถึง "นำส่งเงิน (remittances)" หรือไม่');
  });

  it('recognises a renamed required tab by its headers and says so in E_SHEET_MISSING', () => {
    const wb = smallBook();
    wb.tabs.find((t) => t.name.endsWith('(members)'))!.name = 'รายชื่อ';
    const missing = checkWorkbook(wb, { asOf: AS_OF }).findings.filter((f) => f.code === 'E_SHEET_MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message.en).toContain('"รายชื่อ" matches no known tab');
    expect(missing[0]!.message.en).toContain('did you mean "สมาชิก (members)"');
  });

  it('reads a tab whose name .xlsx cut to 31 characters', () => {
    const wb = smallBook();
    const tab = wb.tabs.find((t) => t.name.endsWith('(household_accounts)'))!;
    tab.name = tab.name.slice(0, 31);
    const checked = checkBooks(wb, { asOf: AS_OF });
    expect(checked.findings).toEqual([]);
    expect(summariseMonth(checked, '2026-08').households.reporting).toBe(1);
  });
});

describe('Thai labels and words (issue 7, classes 14 and 15)', () => {
  it('gives every category and enumeration a Thai label', () => {
    expect(thaiLabel('expense_category', 'alcohol_tobacco')).toBe('เหล้าบุหรี่');
    expect(bilingualLabel('category', 'lottery_gambling')).toBe('หวย (lottery_gambling)');
    expect(thaiLabel('loan_purpose', 'debt_refinance')).toBe('แก้หนี้');
    expect(bilingualLabel('category', 'ค่าเครื่องเขียน')).toBe('ค่าเครื่องเขียน');
    expect(thaiLabel('category', 'constructor')).toBe('constructor');
  });

  it.each([
    ['ค่ารักษาพยาบาล', 'health'],
    ['ค่าเดินทาง', 'transport'],
    ['ค่าเทอม', 'education'],
    ['ค่าอาหาร', 'food'],
    ['ค่าไฟฟ้า', 'utilities'],
    ['ค่าปุ๋ย', 'farming_inputs'],
    ['ค่าเครื่องเขียน', 'ค่าเครื่องเขียน'],
  ])('maps the common word %s to %s', (word, key) => {
    expect(parseCategory(word, 'expense')).toEqual({ ok: true, value: key });
  });

  it('names what a dropdown allows when a value is outside it', () => {
    const wb = smallBook();
    setCell(wb, 'savings', 2, 'type', 'ฝากประจำ');
    const [f] = checkWorkbook(wb, { asOf: AS_OF }).findings.filter((x) => x.code === 'E_VALUE');
    expect(f).toMatchObject({ cell: 'C2', allowed: ['deposit', 'withdrawal'] });
    expect(f!.message.th).toContain('เลือกได้: ฝาก (deposit), ถอน (withdrawal)');
    expect(f!.message.en).toContain('allowed: ฝาก (deposit), ถอน (withdrawal)');
  });

  it('names the allowed values of a settings dropdown too', () => {
    const wb = smallBook();
    wb.tabs[0]!.rows.push(['calendar', 'จันทรคติ']);
    const [f] = checkWorkbook(wb, { asOf: AS_OF }).findings;
    expect(f).toMatchObject({ code: 'E_VALUE', column: 'calendar', allowed: ['buddhist', 'gregorian'] });
  });
});

describe('the welfare fund below zero (issue 7, class 7)', () => {
  it('is an error, one finding per episode', () => {
    const wb = smallBook();
    // 30 contributed on 1 Aug; 50 paid out on 5 Aug, 10 more on 6 Aug: one episode
    addRow(wb, 'welfare', {
      date: '5/8/2569',
      member_id: 'M2',
      type: 'จ่ายสวัสดิการ',
      benefit: 'เจ็บป่วย',
      amount: 50,
    });
    addRow(wb, 'welfare', {
      date: '6/8/2569',
      member_id: 'M2',
      type: 'จ่ายสวัสดิการ',
      benefit: 'เจ็บป่วย',
      amount: 10,
    });
    const negative = checkWorkbook(wb, { asOf: AS_OF }).findings.filter(
      (f) => f.code === 'E_NEGATIVE_BALANCE' && f.account === 'welfare',
    );
    expect(negative).toHaveLength(1);
    expect(negative[0]).toMatchObject({ sheet: 'welfare', row: 3, date: '2026-08-05', balance: -2_000 });
    expect(negative[0]!.message.th).toContain('กองทุนสวัสดิการติดลบ 20.00 บาท ณ สิ้นวันที่ 5 ส.ค. 2569');
  });
});

describe('finding fields mean one thing across codes (issue 7, class 26)', () => {
  it('keeps ids, money, days, dates and months each in their own field', () => {
    const wb = smallBook();
    setCell(wb, 'savings', 2, 'member_id', 'M9'); // E_UNKNOWN_REF
    setCell(wb, 'repayments', 3, 'receipt_no', 'R1'); // E_DUPLICATE_ID
    setCell(wb, 'savings', 3, 'date', '1/1/2570'); // E_DATE_RANGE
    setCell(wb, 'loans', 2, 'monthly_rate', 3); // W_RATE_ABOVE_LEGAL
    setCell(wb, 'loans', 2, 'term_months', 2); // W_LOAN_OVERDUE: 1,000 due by 10 Sep, 400 repaid
    setCell(wb, 'counts', 3, 'balance', 5); // E_COUNT_MISMATCH
    addRow(wb, 'savings', { date: '21/7/2569', member_id: 'M2', type: 'ถอน', amount: 900, receipt_no: 'S9' }); // overdrawn, cash < 0
    addRow(wb, 'savings', { date: '1/10/2569', member_id: 'M1', type: 'ฝาก', amount: 5 }); // still held: W_NOT_REMITTED
    addRow(wb, 'welfare', {
      date: '2/8/2569',
      member_id: 'M1',
      type: 'จ่ายสวัสดิการ',
      benefit: 'เจ็บป่วย',
      amount: 99,
    });
    const findings = checkWorkbook(wb, { asOf: AS_OF }).findings;
    const codes = new Set(findings.map((f) => f.code));
    for (const code of [
      'E_UNKNOWN_REF',
      'E_DUPLICATE_ID',
      'E_DATE_RANGE',
      'E_SAVINGS_OVERDRAWN',
      'E_NEGATIVE_BALANCE',
      'E_COUNT_MISMATCH',
      'W_NOT_REMITTED',
      'W_RATE_ABOVE_LEGAL',
      'W_LOAN_OVERDUE',
    ])
      expect(codes).toContain(code);
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    for (const f of findings) {
      if (f.ref !== undefined) expect(['E_UNKNOWN_REF', 'E_DUPLICATE_ID']).toContain(f.code);
      for (const money of [f.amount, f.balance, f.expected, f.actual, f.difference, f.carried])
        if (money !== undefined) expect(Number.isInteger(money)).toBe(true);
      if (f.limit !== undefined) expect(typeof f.limit).toBe('number');
      if (f.days !== undefined) expect(Number.isInteger(f.days)).toBe(true);
      if (f.date !== undefined) expect(f.date).toMatch(iso);
      if (f.limit_date !== undefined) expect(f.limit_date).toMatch(iso);
      if (f.month !== undefined) expect(f.month).toMatch(/^\d{4}-\d{2}$/);
      if (f.account !== undefined) expect(['cash', 'bank', 'welfare']).toContain(f.account);
    }
    const about = (code: string) => findings.find((f) => f.code === code)!;
    expect(about('E_SAVINGS_OVERDRAWN')).toMatchObject({ member_id: 'M2' });
    expect(about('W_LOAN_OVERDUE')).toMatchObject({ loan_id: 'L1' });
    expect(about('W_NOT_REMITTED')).toMatchObject({ subgroup_id: 'SG1' });
  });
});
