import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { UnusableWorkbookError, type Workbook, workbookFromBatchGet } from '../../core/index.ts';

/** Loads a workbook from an `.xlsx` file or a `.json` Sheets API batchGet response. */
export async function loadWorkbook(path: string): Promise<Workbook> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnusableWorkbookError(
      code === 'ENOENT'
        ? { th: `ไม่พบไฟล์ ${path}`, en: `${path} not found` }
        : code === 'EISDIR'
          ? { th: `${path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์`, en: `${path} is a folder, not a file` }
          : code === 'EACCES' || code === 'EPERM'
            ? { th: `ไม่มีสิทธิ์อ่านไฟล์ ${path}`, en: `no permission to read ${path}` }
            : { th: `อ่านไฟล์ ${path} ไม่ได้`, en: `cannot read ${path}` },
      { cause: error },
    );
  }
  const kind = extname(path).toLowerCase();
  if (kind === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new UnusableWorkbookError(
        { th: `${path} ไม่ใช่ JSON ที่อ่านได้`, en: `${path} is not valid JSON` },
        { cause: error },
      );
    }
    return workbookFromBatchGet(json);
  }
  if (kind === '.xlsx') return (await import('./xlsx.ts')).readXlsx(bytes);
  throw new UnusableWorkbookError({
    th: `${path}: สมุดต้องเป็นไฟล์ .xlsx หรือไฟล์ .json จาก batchGet ของ Google Sheets`,
    en: `${path}: a workbook is an .xlsx file or a Sheets batchGet .json file`,
  });
}
