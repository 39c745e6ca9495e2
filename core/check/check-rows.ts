import type { DataTabKey } from '../model/records.ts';
import type { TableLayout } from '../workbook.ts';
import { checkRow, type RowResult } from './check-row.ts';
import type { CheckContext } from './context.ts';
import type { Finding } from './finding.ts';
import { sortFindings } from './sort-findings.ts';

export interface RowsCheck {
  rows: RowResult[];
  findings: Finding[];
}

/**
 * Checks just some rows of one tab against a context built once for the workbook (on-edit
 * validation): the cost is the edited rows, not the sheet. Row numbers are 1-based sheet rows;
 * header and empty rows are passed over.
 */
export function checkRows(ctx: CheckContext, sheet: DataTabKey, rows: readonly number[]): RowsCheck {
  const layout: TableLayout | undefined = ctx.layouts.get(sheet);
  const findings: Finding[] = [];
  const results: RowResult[] = [];
  if (!layout) return { rows: results, findings };
  for (const row of rows) {
    if (row < 2) continue;
    const result = checkRow(ctx, layout, row - 1, findings);
    if (result) results.push(result);
  }
  return { rows: results, findings: sortFindings(findings) };
}
