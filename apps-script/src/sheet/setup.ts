import {
  CATEGORIES,
  ENUMERATIONS,
  type EntrySpec,
  shownDefault,
  TABS,
  type TabSpec,
  templateTabName,
} from '../../../core/index.ts';
import { setUpActions } from './actions.ts';
import { ACTIONS_TAB, sheetOf } from './book.ts';

const HEADER_NOTE = 'Sajja header';
const INSTRUCTIONS = 'วิธีใช้ (instructions)';

/**
 * "Set up sheets" (SPEC §12): missing tabs and missing columns (at the right) with the template's
 * headers, dropdowns and number formats on whole columns, a frozen header row protected with a
 * warning only, the instructions tab. Running it again changes nothing; nothing a user entered is
 * moved, renamed or deleted.
 */
export function setUpSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  added_tabs: string[];
  added_columns: string[];
} {
  const added_tabs: string[] = [];
  const added_columns: string[] = [];
  if (!ss.getSheetByName(INSTRUCTIONS)) {
    const sheet = ss.insertSheet(INSTRUCTIONS, 0);
    sheet
      .getRange(1, 1, 5, 1)
      .setValues([
        ['Sajja (สัจจะ) — สมุดบัญชีกลุ่มออมทรัพย์แก้หนี้ / savings group workbook'],
        ['กรอกแท็บ ตั้งค่า (settings) ก่อน / fill in settings first'],
        ['ชื่อแท็บและหัวคอลัมน์ต้องคงไว้ สลับลำดับคอลัมน์ได้ / keep tab names and headers; columns may move'],
        ['เมนู สัจจะ: ตรวจทั้งหมด ดูผลการตรวจ ปิดเดือน / menu Sajja: check, findings, close month'],
        [
          'แท็บ ระเบียบกลุ่ม (rules): ประเภทเงินออม ราคาหุ้น การถอน และการจัดสรรกำไรสิ้นปี (รวม 100%) / the rules tab: the bylaws (products, share price, withdrawals, the year-end allocation adding up to 100 %)',
        ],
      ]);
    added_tabs.push(INSTRUCTIONS);
  }
  // a new book gets the bylaws' defaults; a book kept before the rules tab gets its keys only (unwritten)
  const fresh = TABS.every((spec) => sheetOf(ss, spec.key) === undefined);
  for (const spec of TABS) {
    let sheet = sheetOf(ss, spec.key);
    if (!sheet) {
      sheet = ss.insertSheet(templateTabName(spec));
      added_tabs.push(sheet.getName());
    }
    const width = Math.max(1, sheet.getLastColumn());
    const header =
      sheet.getLastColumn() > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]) : [];
    const has = (key: string, th: string) =>
      header.some(
        (h) =>
          typeof h === 'string' && (h.trim() === key || h.trim() === th || h.trim().endsWith(`(${key})`)),
      );
    let next = header.filter((h) => h !== '').length === 0 ? 1 : width + 1;
    for (const column of spec.columns) {
      if (has(column.key, column.th)) continue;
      sheet.getRange(1, next, 1, 1).setValues([[`${column.th} (${column.key})`]]);
      added_columns.push(`${spec.key}.${column.key}`);
      next++;
    }
    if (spec.entries) addEntries(sheet, spec.entries, fresh || spec.key === 'settings');
    else formatColumns(sheet, spec);
    if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
    const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    if (!protections.some((p) => p.getDescription() === HEADER_NOTE))
      sheet
        .getRange(1, 1, 1, Math.max(1, sheet.getLastColumn()))
        .protect()
        .setDescription(HEADER_NOTE)
        .setWarningOnly(true);
  }
  // the phone's way to the menu (SPEC §15): a checkbox an action
  if (setUpActions(ss)) added_tabs.push(ACTIONS_TAB);
  return { added_tabs, added_columns };
}

/** A key/value tab's missing entries (settings, bylaws) at its end, each with its default. */
function addEntries(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  entries: readonly EntrySpec[],
  defaults: boolean,
): void {
  const rows =
    sheet.getLastRow() > 1
      ? sheet
          .getRange(2, 1, sheet.getLastRow() - 1, 1)
          .getValues()
          .map((r) => String(r[0]))
      : [];
  let next = Math.max(2, sheet.getLastRow() + 1);
  for (const s of entries) {
    if (rows.some((k) => k.trim() === s.key || k.trim() === s.th || k.trim().endsWith(`(${s.key})`)))
      continue;
    sheet
      .getRange(next, 1, 1, 2)
      .setValues([[`${s.th} (${s.key})`, defaults ? (shownDefault(s) ?? '') : '']]);
    next++;
  }
}

/** Dropdowns and number formats on whole columns (row 2 to the sheet's last row). */
function formatColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: TabSpec): void {
  const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] as unknown[];
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  for (const column of spec.columns) {
    const index = header.findIndex((h) => typeof h === 'string' && h.trim().endsWith(`(${column.key})`));
    if (index < 0) continue;
    const range = sheet.getRange(2, index + 1, rows, 1);
    if (column.kind === 'money') range.setNumberFormat('#,##0.00');
    if (column.kind === 'date') range.setNumberFormat('d/m/yyyy');
    const words =
      column.kind === 'enum' && column.enumeration
        ? Object.values(ENUMERATIONS[column.enumeration]).map((w) => w[0]!)
        : column.kind === 'category'
          ? [...Object.values(CATEGORIES.expense), ...Object.values(CATEGORIES.income)].map((w) => w[0]!)
          : undefined;
    if (!words) continue;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...new Set(words)], true)
      // a category accepts the group's own words; an enumeration warns but keeps what was typed
      .setAllowInvalid(true)
      .setHelpText(`เลือกจากรายการ / choose from the list: ${[...new Set(words)].join(', ')}`)
      .build();
    range.setDataValidation(rule);
  }
}
