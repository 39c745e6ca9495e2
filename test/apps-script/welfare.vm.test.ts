/// <reference types="google-apps-script" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildScript } from '../../apps-script/build.ts';
import { reliefBook } from '../helpers/relief-book.ts';
import { edit, loadScript } from './vm-script.ts';

/**
 * Issue 21, in the sheet: a welfare payout is judged by the group's table as it is typed, through
 * the same simple onEdit trigger (AuthMode.LIMITED) the sheet runs, on the built bundle.
 */
const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'apps-script/dist');
let bundle: string;
beforeAll(async () => {
  bundle = readFileSync(await buildScript(), 'utf8');
});

/** 26 November 2569, ten in the morning in Bangkok. */
const NOW = Date.UTC(2026, 10, 26, 3);
/** The relief book in the sheet after a full check (the money checks on edit rest on it), and the row to type into. */
function typing() {
  const s = loadScript(bundle, DIST, reliefBook(), NOW);
  s.call('sajjaCheckAll');
  const tab = s.ss.getSheets().find((x) => x.getName().endsWith('(welfare)'))!;
  return { s, tab, row: tab.getLastRow() + 1 };
}

describe('welfare payouts checked as they are typed (issue 21)', () => {
  it('notes a payout to a member who joined last month, at the member cell, Thai first', () => {
    const { s, tab: sheet, row } = typing();
    // M3 joined 1 October; the table's sickness benefit needs 180 days of membership
    edit(s, 'welfare', row, 1, [['21/10/2569', 'M3', 'จ่ายสวัสดิการ', 'เจ็บป่วย', 200, '', '', '20/10/2569', 1]]);
    const note = sheet.getRange(row, 2).getNote();
    expect(note).toMatch(/^.*M3 เป็นสมาชิกมา 19 วัน/m);
    expect(note).toContain('180 days');
    expect(note.indexOf('เป็นสมาชิก')).toBeLessThan(note.indexOf('had been a member'));
  });

  it('notes a stay above its cap at the amount, and a fixed row loses its note', () => {
    const { s, tab: sheet, row } = typing();
    edit(s, 'welfare', row, 1, [['10/10/2569', 'M1', 'จ่ายสวัสดิการ', 'เจ็บป่วย', 800, '', '', '3/10/2569', 4]]);
    expect(sheet.getRange(row, 5).getNote()).toContain('600.00');
    edit(s, 'welfare', row, 5, [[600]]);
    expect(sheet.getRange(row, 5).getNote()).toBe('');
  });

  it('says nothing of a good payout, nor of other members behind with contributions', () => {
    const { s, tab: sheet, row } = typing();
    edit(s, 'welfare', row, 1, [['10/10/2569', 'M1', 'จ่ายสวัสดิการ', 'เจ็บป่วย', 400, '', '', '3/10/2569', 2]]);
    expect(sheet.getRange(row, 1, 1, 10).getNotes()[0]!.join('')).toBe('');
  });
});
