import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue, Workbook } from '../../core/index.ts';

/**
 * A plain `.xlsx` of a workbook's cells (no template dropdowns), with number formats on chosen
 * cells: what a group's own spreadsheet looks like when it was not made from the template.
 */
export async function plainXlsx(
  workbook: Workbook,
  formats: { tab: string; cell: string; numFmt: string }[] = [],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const tab of workbook.tabs) {
    const sheet = book.addWorksheet(tab.name);
    for (const row of tab.rows) sheet.addRow(row.map((cell: CellValue) => cell ?? null));
  }
  for (const { tab, cell, numFmt } of formats) {
    const sheet = book.worksheets.find((s) => s.name === tab || s.name.endsWith(`(${tab})`))!;
    sheet.getCell(cell).numFmt = numFmt;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The XML of each worksheet of an `.xlsx`, by tab name: to look at what exceljs would expand. */
export async function sheetXml(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    if (target) out.set(m[1]!, await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string'));
  }
  return out;
}
