import { describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../cli/generate/generate-workbook.ts';
import {
  checkBooks,
  ENUMERATIONS,
  RECORD_PARTS,
  SETTING_SPECS,
  SettingsSchema,
  TABS,
} from '../../core/index.ts';
import { loanSchedule } from '../../core/ledger/loan-schedule.ts';
import { satang } from '../../core/money.ts';

describe('one source for each fact (issue 8, class 8)', () => {
  it('every enumeration column of every tab accepts exactly the keys of its enumeration', () => {
    for (const tab of TABS) {
      if (tab.entries) continue;
      const fields = RECORD_PARTS[tab.key as keyof typeof RECORD_PARTS].fields as Record<
        string,
        { safeParse(v: unknown): { success: boolean } }
      >;
      for (const column of tab.columns.filter((c) => c.kind === 'enum')) {
        const keys = Object.keys(ENUMERATIONS[column.enumeration!]);
        for (const key of keys) expect(fields[column.key]!.safeParse(key).success).toBe(true);
        expect(fields[column.key]!.safeParse(`${keys[0]}_not`).success).toBe(false);
      }
    }
  });

  it('marks a column required exactly when its record field refuses a blank', () => {
    for (const tab of TABS) {
      if (tab.entries) continue;
      const fields = RECORD_PARTS[tab.key as keyof typeof RECORD_PARTS].fields as Record<
        string,
        { safeParse(v: unknown): { success: boolean } }
      >;
      for (const column of tab.columns)
        expect([tab.key, column.key, !!column.required]).toEqual([
          tab.key,
          column.key,
          !fields[column.key]!.safeParse(undefined).success,
        ]);
    }
  });

  it('gives every setting the default its spec declares', () => {
    const settings = SettingsSchema.parse({ group_id: 'g', group_name: 'G' }) as unknown as Record<
      string,
      unknown
    >;
    for (const spec of SETTING_SPECS.filter((s) => s.key !== 'group_id' && s.key !== 'group_name'))
      expect([spec.key, settings[spec.key]]).toEqual([spec.key, spec.default]);
  });

  it('generates repayments on the core’s own schedule (no loan of the generator falls behind)', () => {
    const wb = generateWorkbook({
      groupId: 'g',
      groupName: 'g',
      households: 40,
      months: 12,
      start: '2026-01',
      seed: 3,
    });
    const checked = checkBooks(wb, { asOf: '2026-12-31' });
    expect(checked.findings.filter((f) => f.code === 'W_LOAN_OVERDUE')).toEqual([]);
    expect(
      loanSchedule({ principal: satang(100_000), term_months: 12, disbursed_on: '2026-01-31' })[0]!.due,
    ).toBe('2026-02-28');
  });
});
