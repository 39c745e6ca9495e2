import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { UnusableWorkbookError, type Workbook, workbookFromBatchGet } from '../../core/index.ts';

/** Loads a workbook from an `.xlsx` file or a `.json` Sheets API batchGet response. */
export async function loadWorkbook(path: string): Promise<Workbook> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UnusableWorkbookError(`cannot read ${path}`, { cause: error });
  }
  const kind = extname(path).toLowerCase();
  if (kind === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new UnusableWorkbookError(`${path} is not valid JSON`, { cause: error });
    }
    return workbookFromBatchGet(json);
  }
  if (kind === '.xlsx') return (await import('./xlsx.ts')).readXlsx(bytes);
  throw new UnusableWorkbookError(`${path}: a workbook is an .xlsx file or a Sheets batchGet .json file`);
}
