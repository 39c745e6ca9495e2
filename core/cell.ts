/** A value as a spreadsheet cell holds it, whatever the source (Sheets API, xlsx, Apps Script). */
export type CellValue = string | number | boolean | Date | null | undefined;

/** True for a cell with nothing in it: null, undefined, or only white space. */
export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === 'string' && value.trim() === '';
}

/** Column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of a cell: 0-based column, 1-based sheet row. */
export function a1(columnIndex: number, row: number): string {
  return columnLetters(columnIndex) + row;
}

/** 0-based column index of column letters (A → 0); -1 when not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
