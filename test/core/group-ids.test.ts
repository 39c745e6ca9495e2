import { describe, expect, it } from 'vitest';
import { checkWorkbook, isGroupId, readRegistryItems } from '../../core/index.ts';
import { setCell, smallBook } from '../helpers/small-book.ts';

/** Issue 18, point 7: one bad registry item never stops the others; one rule for group ids everywhere. */
describe('the registry, item by item', () => {
  const group = (extra: Record<string, unknown>) => ({ spreadsheet_id: '1AbCdEfGhIjKlMnOp', ...extra });

  it('reports a bad item and runs the others; a repeated id is reported, not sent twice', () => {
    const { registry, problems } = readRegistryItems({
      network: { coordinators: ['net@example.org'] },
      groups: [
        group({ group_id: 'good', coordinators: ['c@example.org'] }),
        group({ group_id: 'mistyped', coordinators: ['c@example'] }),
        group({ group_id: '../../X' }),
        group({ group_id: 'good' }),
        group({ group_id: 'กลุ่มหนึ่ง' }),
        group({ group_id: 'second' }),
      ],
    });
    expect(registry.groups.map((g) => g.group_id)).toEqual(['good', 'second']);
    expect(problems.map((p) => [p.index, p.group_id])).toEqual([
      [1, 'mistyped'],
      [2, '../../X'],
      [3, 'good'],
      [4, 'กลุ่มหนึ่ง'],
    ]);
    expect(problems[0]!.reason.en).toContain('not an email address');
    expect(problems[2]!.reason.en).toContain('already registered');
    expect(problems[3]!.reason.th).toContain('อักษรอังกฤษ');
  });

  it('takes a spreadsheet’s address as its id', () => {
    const { registry } = readRegistryItems({
      network: {},
      groups: [
        {
          group_id: 'g',
          spreadsheet_id:
            'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit#gid=0',
        },
      ],
    });
    expect(registry.groups[0]!.spreadsheet_id).toBe('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789');
  });

  it('refuses a Thai or path-like group id in the sheet too, with the same rule', () => {
    expect(['kamlon-m11', 'g1', 'A_b-9'].every(isGroupId)).toBe(true);
    expect(['', '-x', '../x', 'กลุ่ม', 'a b', 'a'.repeat(65)].some(isGroupId)).toBe(false);
    const wb = smallBook();
    setCell(wb, 'settings', 2, 'value', 'กลุ่มบ้านกำโลน');
    const found = checkWorkbook(wb, { asOf: '2026-11-26' }).findings.find((f) => f.column === 'group_id');
    expect(found).toMatchObject({
      code: 'E_VALUE',
      sheet: 'settings',
      cell: 'B2',
      reason: 'group_id_format',
    });
    expect(found!.message.en).toContain('web addresses');
  });
});
