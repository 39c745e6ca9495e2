import type { Finding } from '../model/finding.ts';
import type { DataTabKey } from '../model/records.ts';
import { checkRow, type RowResult } from './check-row.ts';
import type { CheckContext, EditedRow } from './context.ts';
import { sortFindings } from './sort-findings.ts';

export interface RowsCheck {
  rows: RowResult[];
  findings: Finding[];
}

/**
 * Checks just the edited rows of one tab against a context built once (on-edit validation): the
 * cost is the rows given, never the sheet. Each row comes with its own cells, as the shell read
 * them (Apps Script's `e.range.getValues()`, Date cells included); row numbers are 1-based sheet
 * rows; the header and empty rows are passed over. A repeated id is flagged on the edited row
 * whichever of the rows holding it that is — update the context first when the edit is to an id
 * (updateContext).
 */
export function checkRows(ctx: CheckContext, sheet: DataTabKey, rows: readonly EditedRow[]): RowsCheck {
  const layout = ctx.layouts.get(sheet);
  const findings: Finding[] = [];
  const results: RowResult[] = [];
  if (!layout) return { rows: results, findings };
  for (const { row, cells } of rows) {
    if (row < 2) continue;
    const result = checkRow(ctx, layout, row, cells, findings, 'edit');
    if (result) results.push(result);
  }
  return { rows: results, findings: sortFindings(findings) };
}
