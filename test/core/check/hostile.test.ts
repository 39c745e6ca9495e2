import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlank } from '../../../core/cell.ts';
import {
  a1,
  type CellValue,
  checkWorkbook,
  FINDING_CODES,
  nameMatches,
  TABS,
  type Workbook,
} from '../../../core/index.ts';
import { readCell } from '../../../core/model/read-cell.ts';
import { setCell, smallBook } from '../../helpers/small-book.ts';

const AS_OF = '2026-11-26';
const DATES = { calendar: 'buddhist', timeZone: 'Asia/Bangkok' } as const;

const HOSTILE: [string, CellValue][] = [
  ['a formula as text', '=HYPERLINK("http://evil.example","click")'],
  ['a 50 KB string', 'ก'.repeat(50_000)],
  ['control characters', 'M1\u0000\u0007\u001b[31m'],
  ['bidi overrides', '\u202eM1\u202c'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['1e308', 1e308],
  ['-0', -0],
  ['an invalid Date', new Date(Number.NaN)],
  ['a boolean', true],
  ['a lone surrogate', '\ud800'],
];

describe('hostile input gives findings, never a crash', () => {
  const columns = ['date', 'member_id', 'type', 'amount', 'via', 'account', 'receipt_no', 'note'];
  it.each(HOSTILE)('%s in every savings column', (_name, value) => {
    for (const column of columns) {
      const wb = smallBook();
      setCell(wb, 'savings', 2, column, value);
      const result = checkWorkbook(wb, { asOf: AS_OF });
      for (const f of result.findings) {
        expect(f.sheet).toBe('savings');
        expect(f.cell).toMatch(/^[A-H]2$/);
        expect(f.message.th.length).toBeGreaterThan(0);
        expect(f.message.en.length).toBeGreaterThan(0);
        expect(JSON.stringify(f).length).toBeLessThan(2000);
      }
    }
  });

  it('takes __proto__ as an ordinary id', () => {
    const wb = smallBook();
    setCell(wb, 'members', 2, 'member_id', '__proto__');
    setCell(wb, 'subgroups', 2, 'head_member_id', '__proto__');
    setCell(wb, 'savings', 2, 'member_id', '__proto__');
    setCell(wb, 'welfare', 2, 'member_id', '__proto__');
    setCell(wb, 'loans', 2, 'guarantor_ids', '__proto__');
    const result = checkWorkbook(wb, { asOf: AS_OF });
    expect(result.findings).toEqual([]);
    expect(({} as Record<string, unknown>).member_id).toBeUndefined();
  });

  it('marks a 50 KB note as too long and echoes only its start', () => {
    const wb = smallBook();
    setCell(wb, 'savings', 2, 'note', 'x'.repeat(50_000));
    const [finding] = checkWorkbook(wb, { asOf: AS_OF }).findings;
    expect(finding).toMatchObject({ code: 'E_VALUE', cell: 'H2', reason: 'text_too_long' });
    expect(String(finding!.value).length).toBeLessThan(200);
  });

  it('survives a workbook with no tabs, and tabs with no rows', () => {
    expect(checkWorkbook({ tabs: [] }, { asOf: AS_OF }).counts.error).toBe(4);
    const empty: Workbook = {
      tabs: ['settings', 'subgroups', 'households', 'members'].map((name) => ({ name, rows: [] })),
    };
    const result = checkWorkbook(empty, { asOf: AS_OF });
    expect(result.findings.every((f) => f.code === 'E_COLUMN_MISSING')).toBe(true);
  });
});

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.stringMatching(/^[0-9๐-๙,.฿ -]{0,12}$/),
  // prototype keys: user text becomes a key in maps (categories, months), never an object's property
  fc.constantFrom('constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'),
  fc.constantFrom(
    'ฝาก',
    'ถอน',
    'เงินสด',
    '14 ก.ย. 69',
    '31/02/2569',
    '__proto__',
    '=SUM(A1)',
    'M1',
    'H1',
    'SG1',
    'L1',
  ),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
);

describe('no cell value makes the checker throw (property)', () => {
  it('holds for random cells planted anywhere in a book', () => {
    const base = smallBook();
    const targets = base.tabs.flatMap((tab, t) =>
      tab.rows.flatMap((row, r) => row.map((_c, c) => [t, r, c] as const)),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...targets), cellValue), { minLength: 1, maxLength: 12 }),
        (plants) => {
          const wb = smallBook();
          const planted = new Map<string, { t: number; r: number; c: number; value: CellValue }>();
          for (const [[t, r, c], value] of plants) {
            wb.tabs[t]!.rows[r]![c] = value;
            planted.set(`${t}:${r}:${c}`, { t, r, c, value });
          }
          const result = checkWorkbook(wb, { asOf: AS_OF });
          // every finding is whole: a known code with its severity, both messages, a cell on its row
          for (const f of result.findings) {
            expect(FINDING_CODES[f.code]).toBe(f.severity);
            expect(f.message.th.length * f.message.en.length).toBeGreaterThan(0);
            if (f.cell !== null) expect(f.cell.replace(/^[A-Z]+/, '')).toBe(String(f.row));
          }
          // every planted value its column refuses is named at its own cell (the rest of the sheet still checked)
          const headerPlanted = new Set([...planted.values()].filter((p) => p.r === 0).map((p) => p.t));
          const at = new Set(result.findings.map((f) => `${f.sheet}:${f.cell}`));
          for (const { t, r, c, value } of planted.values()) {
            const tab = wb.tabs[t]!;
            const spec = TABS.find((x) => nameMatches(tab.name, x.key, x.th));
            if (!spec || spec.key === 'settings' || r === 0 || headerPlanted.has(t) || isBlank(value))
              continue;
            const header = tab.rows[0]![c];
            const column = spec.columns.find(
              (x) => typeof header === 'string' && nameMatches(header, x.key, x.th),
            );
            if (!column || readCell(column, value, DATES).ok) continue;
            expect(at).toContain(`${spec.key}:${a1(c, r + 1)}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds for random whole rows appended to every tab', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellValue, { maxLength: 12 }), { maxLength: 4 }), (rows) => {
        const wb = smallBook();
        for (const tab of wb.tabs) tab.rows.push(...rows.map((row) => [...row]));
        expect(() => checkWorkbook(wb, { asOf: AS_OF })).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });
});

describe('prototype keys as categories (issue 9, class 12)', () => {
  it('counts `constructor`, `valueOf`, `toString` and `__proto__` as ordinary categories', async () => {
    const { summariseMonth } = await import('../../../core/summary/monthly-summary.ts');
    const { checkBooks } = await import('../../../core/index.ts');
    const { addRow } = await import('../../helpers/small-book.ts');
    const wb = smallBook();
    for (const category of ['constructor', 'valueOf', 'toString', '__proto__', 'อาหาร'])
      addRow(wb, 'household_accounts', {
        date: '3/8/2569',
        household_id: 'H1',
        type: 'รายจ่าย',
        category,
        amount: 10,
      });
    const s = summariseMonth(checkBooks(wb, { asOf: AS_OF }), '2026-08');
    const json = JSON.parse(JSON.stringify(s.households.by_category));
    // (an object literal's `__proto__:` would set a prototype: compare the entries)
    expect(Object.entries(json).sort()).toEqual([
      ['__proto__', 1_000],
      ['constructor', 1_000],
      ['food', 1_000],
      ['lottery_gambling', 20_000],
      ['toString', 1_000],
      ['valueOf', 1_000],
    ]);
    expect(s.households.expense).toBe(25_000);
  });
});
