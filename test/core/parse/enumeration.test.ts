import { describe, expect, it } from 'vitest';
import { ENUMERATIONS, type EnumerationName, enumKeys, parseEnum } from '../../../core/index.ts';

describe('parseEnum', () => {
  it.each([
    ['savings_type', 'deposit', 'deposit'],
    ['savings_type', 'Deposit ', 'deposit'],
    ['savings_type', 'ฝาก', 'deposit'],
    ['savings_type', 'ถอน', 'withdrawal'],
    ['savings_type', 'ฝาก (deposit)', 'deposit'],
    ['account', 'เงินสด', 'cash'],
    ['account', 'ธนาคาร', 'bank'],
    ['account', 'BANK', 'bank'],
    ['via', 'หัวหน้ากลุ่มย่อย', 'subgroup_head'],
    ['role', 'ประธาน', 'chair'],
    ['member_status', 'ลาออก', 'left'],
    ['loan_purpose', 'แก้หนี้', 'debt_refinance'],
    ['loan_purpose', 'อื่น ๆ', 'other'],
    ['request_status', 'ไม่อนุมัติ', 'rejected'],
    ['welfare_type', 'สมทบ', 'contribution'],
    ['benefit', 'คลอดบุตร', 'birth'],
    ['other_type', 'โอน', 'transfer'],
    ['household_entry_type', 'รายได้', 'income'],
    ['creditor_type', 'ธ.ก.ส.', 'baac'],
    ['creditor_type', 'หนี้นอกระบบ', 'informal'],
    ['creditor_type', 'การเคหะ', 'housing_authority'],
    ['rate_period', 'ต่อเดือน', 'month'],
    ['calendar', 'พ.ศ.', 'buddhist'],
  ] as [EnumerationName, string, string][])('%s: reads %j as %s', (name, input, key) => {
    expect(parseEnum(input, name)).toEqual({ ok: true, value: key });
  });

  it.each([
    ['savings_type', 'deposits', 'enum'],
    ['account', 'wallet', 'enum'],
    ['account', 5, 'enum'],
    ['account', true, 'wrong_type'],
    ['account', '__proto__', 'enum'],
    ['account', 'constructor', 'enum'],
  ] as [EnumerationName, string, string][])('%s: refuses %j', (name, input, reason) => {
    expect(parseEnum(input, name)).toEqual({ ok: false, reason });
  });

  it('gives every key of every enumeration at least one Thai word that reads back to it', () => {
    for (const name of Object.keys(ENUMERATIONS) as EnumerationName[]) {
      const words = ENUMERATIONS[name] as Record<string, readonly string[]>;
      for (const key of enumKeys(name)) {
        expect(words[key]!.length).toBeGreaterThan(0);
        expect(/[\u0e00-\u0e7f]/.test(words[key]![0]!)).toBe(true);
        expect(parseEnum(words[key]![0]!, name)).toEqual({ ok: true, value: key });
        expect(parseEnum(key, name)).toEqual({ ok: true, value: key });
      }
    }
  });
});
