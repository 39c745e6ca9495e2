import ExcelJS from 'exceljs';
import {
  CATEGORIES,
  type ColumnSpec,
  ENUMERATIONS,
  findTab,
  shownDefault,
  TABS,
  type TabSpec,
  templateTabName,
  type Workbook,
} from '../../core/index.ts';

/** Printed landscape, each tab as wide as one page: committees print the sheets for meetings. */
const PRINT: Partial<ExcelJS.PageSetup> = {
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

/**
 * Rows the dropdowns and money rules cover (formats cover whole columns). Not the sheet's last row:
 * a validation over a whole column is expanded cell by cell by exceljs when it reads the file, and
 * the template took 235 s to open (issue 17); with 100,000 rows it takes about 2 s. That is four
 * years of daily savings for 60 members on the busiest tab; below it Sajja still checks every
 * cell (a dropdown is only a help), and the formats still cover whole columns.
 */
export const VALIDATED_ROWS = 100_000;

interface DataValidationsApi {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/**
 * Writes a workbook as `.xlsx` in the template's layout: `Thai (key)` headers, a frozen and
 * bold header row, dropdowns for every enumeration, date and money formats, an instructions tab.
 * With no workbook given, writes the empty template.
 */
export async function writeXlsx(workbook: Workbook | undefined): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Sajja';
  addInstructions(book);
  for (const spec of TABS) {
    const source = workbook ? findTab(workbook, spec) : undefined;
    const sheet = book.addWorksheet(source?.name ?? templateTabName(spec), {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: PRINT,
    });
    if (source) for (const row of source.rows) sheet.addRow(row.map((cell) => cell ?? null));
    // a book that lacks the tab gets it with its keys but no values: bylaws nobody wrote stay unwritten
    else sheet.addRows(templateRows(spec, workbook === undefined));
    styleSheet(sheet, spec);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function templateRows(spec: TabSpec, defaults: boolean): (string | number | null)[][] {
  const header = spec.columns.map((c) => `${c.th} (${c.key})`);
  if (!spec.entries) return [header];
  // a key/value tab (settings, the bylaws): each entry with its default, from the one list of them
  const value = (e: (typeof spec.entries)[number]) =>
    defaults || spec.key === 'settings' ? shownDefault(e) : null;
  return [header, ...spec.entries.map((e) => [`${e.th} (${e.key})`, value(e)])];
}

function styleSheet(sheet: ExcelJS.Worksheet, spec: TabSpec): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0E0' } };
  const headerCells = (header.values as unknown[]).slice(1);
  const validations = (sheet as unknown as { dataValidations: DataValidationsApi }).dataValidations;
  spec.columns.forEach((column, fallback) => {
    const found = headerCells.findIndex((h) => typeof h === 'string' && h.endsWith(`(${column.key})`));
    const index = (found >= 0 ? found : fallback) + 1;
    const col = sheet.getColumn(index);
    col.width = Math.max(14, Math.min(40, column.th.length + column.key.length + 6));
    if (spec.entries) return;
    // Thai locale, Buddhist calendar (LCID 107041E): a date shows as 1/7/2569, as committees write it
    if (column.kind === 'date') col.numFmt = '[$-107041E]d/m/yyyy';
    if (column.kind === 'money') col.numFmt = '#,##0.00';
    const letter = col.letter;
    const range = `${letter}2:${letter}${VALIDATED_ROWS + 1}`;
    const validation = validationOf(column);
    if (validation) validations.add(range, validation);
  });
  if (spec.entries) {
    const entries = spec.entries;
    sheet.getColumn(1).width = 62;
    sheet.getColumn(2).width = 40;
    // the entries that are enumerations get their dropdown on the value cell
    sheet.eachRow((row, number) => {
      const setting = entries.find(
        (s) =>
          s.kind === 'enum' && s.enumeration && String(row.getCell(1).value ?? '').endsWith(`(${s.key})`),
      );
      const validation = setting && validationOf(setting);
      if (validation) validations.add(`B${number}`, validation);
    });
  }
  header.eachCell((cell) => {
    cell.note = noteOf(spec, headerCells.indexOf(cell.value));
  });
}

function validationOf(column: ColumnSpec): ExcelJS.DataValidation | undefined {
  const message = { showErrorMessage: true, errorStyle: 'warning', errorTitle: 'Sajja' } as const;
  if (column.kind === 'enum' && column.enumeration) {
    const words = Object.values(ENUMERATIONS[column.enumeration]).map((thai) => thai[0]);
    return {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`"${words.join(',')}"`],
      ...message,
      error: `เลือกจากรายการ: ${words.join(', ')} / choose from the list`,
    };
  }
  if (column.kind === 'category') {
    // the groups name their own categories too: offer the known words, accept any text
    const words = [...Object.values(CATEGORIES.expense), ...Object.values(CATEGORIES.income)]
      .map((thai) => thai[0])
      .filter((word, i, all) => all.indexOf(word) === i);
    return {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`"${words.join(',')}"`],
      showErrorMessage: false,
      errorStyle: 'information',
    };
  }
  // no rule on money cells: the instructions invite Thai digits (๑๒๓), which a sheet's number rule
  // would warn on; Sajja reads them, and says in Thai and English at the cell when an amount is
  // negative or has three decimals (issue 17)
  return undefined;
}

function noteOf(spec: TabSpec, index: number): string {
  const column = spec.columns[index];
  if (!column) return '';
  return `${column.th} (${column.key})${column.required ? ' — ต้องกรอก / required' : ''}`;
}

const INSTRUCTIONS: string[][] = [
  ['Sajja (สัจจะ) — สมุดบัญชีกลุ่มออมทรัพย์แก้หนี้ / savings group workbook'],
  [''],
  ['1. กรอกแท็บ ตั้งค่า (settings) ก่อน: รหัสกลุ่ม ชื่อกลุ่ม และวันเริ่มบัญชี / Fill in settings first.'],
  ['2. ชื่อแท็บและหัวคอลัมน์ต้องคงไว้ตามเดิม สลับลำดับคอลัมน์ได้ / Keep tab names and headers; columns may move.'],
  ['3. วันที่พิมพ์ได้หลายแบบ: 14/9/2569, 14 ก.ย. 69, 2026-09-14 / Dates: 14/9/2569, 14 ก.ย. 69, 2026-09-14.'],
  [
    '4. จำนวนเงินเป็นบาท ไม่ติดลบ ทศนิยมไม่เกิน 2 ตำแหน่ง ใช้เลขไทย ๑๒๓ ได้ หลักพันใช้จุลภาค (1,000 ไม่ใช่ 1.000) / Money in baht, never negative, at most 2 decimals; Thai digits are fine; thousands take a comma (1,000, not 1.000).',
  ],
  [
    '5. ฝากผ่านหัวหน้ากลุ่มย่อย แล้วบันทึกการนำส่งในแท็บ นำส่งเงิน / Deposits go via the sub-group head, then remittances.',
  ],
  ['6. ตรวจสมุดด้วยคำสั่ง sajja check / Check the workbook with `sajja check`.'],
  [
    '7. แท็บ ระเบียบกลุ่ม (rules): ข้อตกลงของกลุ่ม — ประเภทเงินออม ราคาหุ้น การถอนเงินสัจจะ และการจัดสรรกำไรสิ้นปี (รวมกันต้องได้ 100%) หรือเลือกแบบ สหกรณ์ / พระสุบิน; ปันผลสิ้นปีด้วย sajja year-end / The rules tab holds the bylaws: savings products, the share price, sajja withdrawals and the year-end allocation (adding up to 100 %, or a preset); the share-out: `sajja year-end`.',
  ],
];

function addInstructions(book: ExcelJS.Workbook): void {
  const sheet = book.addWorksheet('วิธีใช้ (instructions)', { pageSetup: PRINT });
  sheet.addRows(INSTRUCTIONS);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getColumn(1).width = 110;
  sheet.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
}
