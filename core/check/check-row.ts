import { type CellValue, isBlank } from '../cell.ts';
import { echo, type Finding, finding } from '../model/finding.ts';
import { allowedText } from '../model/labels.ts';
import type { Columns } from '../model/layout.ts';
import { type CheckMode, placeOf, type RowResult } from '../model/place.ts';
import { readCell } from '../model/read-cell.ts';
import type { DataTabKey, RecordOf } from '../model/records.ts';
import type { ColumnSpec } from '../model/tabs.ts';
import { enumKeys } from '../parse/enumeration.ts';
import { firstInvisible } from '../thai-text.ts';
import { isEmptyRow } from '../workbook.ts';
import type { CheckContext } from './context.ts';
import { columnName, quoted, reasonText } from './messages.ts';
import { checkRowRules } from './rules/row-rules.ts';
import { validateRecord } from './validate-record.ts';

export { type CheckMode, placeOf, type RowResult } from '../model/place.ts';

/**
 * Checks one row of a data tab against the context: every cell, the tab's rules, references,
 * repeated ids and dates. `cells` are the row's cells (column A first) and `row` its 1-based sheet
 * row. Appends findings to `out`; returns undefined for an empty row.
 */
export function checkRow(
  ctx: CheckContext,
  layout: Columns,
  row: number,
  cells: readonly CellValue[] | undefined,
  out: Finding[],
  mode: CheckMode = 'book',
): RowResult | undefined {
  if (!cells) return undefined;
  const key = layout.spec.key as DataTabKey;
  // column keys come from the spec, never from the sheet: a plain object is safe and fast
  const values: Record<string, unknown> = {};
  let refused: string[] | undefined;
  let filled = 0;
  const before = out.length;

  for (const { column, index } of layout.present) {
    const cell = cells[index];
    if (isBlank(cell)) {
      if (column.required) {
        // a blank required cell is the first sign of an empty row: look at the whole row only then
        if (refused === undefined && out.length === before && isEmptyRow(cells)) return undefined;
        refused = refuse(refused, column.key);
        out.push(requiredFinding(layout, row, column));
      }
      continue;
    }
    filled++;
    const parsed = readCell(
      column,
      cell,
      ctx.dates,
      column.kind === 'category' ? (values.type as string | undefined) : undefined,
    );
    if (parsed.ok) values[column.key] = parsed.value;
    else {
      refused = refuse(refused, column.key);
      out.push(valueFinding(layout, row, column, cell, parsed.reason));
    }
  }

  // no known cell filled: empty unless an unknown column (a note, a formula) holds something
  if (filled === 0 && out.length === before && isEmptyRow(cells)) return undefined;
  const result: RowResult = { row, values };
  const checked = validateRecord(key, values);
  if (checked.ok) {
    if (refused === undefined && !layout.incomplete) {
      // the record holds every value read (and the defaults): keep one object per row, not two
      // validated by the tab's own schema: the one place a record gets its type
      result.record = checked.record as RecordOf<typeof key>;
      result.values = checked.record;
    }
  } else {
    for (const issue of checked.issues) {
      const column = layout.spec.columns.find((c) => c.key === issue.column);
      // a refused cell has its finding already; a missing required column has E_COLUMN_MISSING
      if (
        !column ||
        refused?.includes(issue.column) ||
        (column.required && !layout.columns.has(issue.column))
      )
        continue;
      refused = refuse(refused, issue.column);
      const index = layout.columns.get(issue.column);
      // a rule across cells that makes a blank cell required (a member's welfare row names the member)
      out.push(
        issue.error === 'required'
          ? requiredFinding(layout, row, column)
          : valueFinding(layout, row, column, index === undefined ? undefined : cells[index], issue.error),
      );
    }
  }
  checkRowRules(ctx, layout, result, out, mode);
  for (let i = before; i < out.length; i++) if (out[i]!.severity === 'error') delete result.record;
  return result;
}

/** Notes a refused column; the list is made only for rows that have one. */
function refuse(refused: string[] | undefined, column: string): string[] {
  if (!refused) return [column];
  refused.push(column);
  return refused;
}

function requiredFinding(layout: Columns, row: number, column: ColumnSpec): Finding {
  const name = columnName(column);
  return finding('E_REQUIRED', placeOf(layout, row, column.key), {
    th: `ต้องกรอก ${name.th}`,
    en: `${name.en} is required`,
  });
}

/** E_VALUE for a cell that was refused, with the reason in Thai and English. */
export function valueFinding(
  layout: Columns,
  row: number,
  column: ColumnSpec,
  cell: CellValue,
  reason: string,
): Finding {
  const name = columnName(column);
  const hidden = reason === 'id_invisible' && typeof cell === 'string' ? firstInvisible(cell) : undefined;
  const why = hidden
    ? { th: `${reasonText(reason).th}: ${hidden}`, en: `${reasonText(reason).en}: ${hidden}` }
    : reasonText(reason, cell);
  const typed = cell === undefined ? '' : ` ${quoted(cell)}`;
  if (column.kind === 'enum' && reason === 'enum') {
    // a value outside a dropdown: say what the dropdown allows
    const allowed = allowedText(column.enumeration!);
    return finding(
      'E_VALUE',
      placeOf(layout, row, column.key),
      {
        th: `${name.th}${typed}: ${why.th} — เลือกได้: ${allowed}`,
        en: `${name.en}${typed}: ${why.en} — allowed: ${allowed}`,
      },
      { value: echo(cell), reason, allowed: enumKeys(column.enumeration!) },
    );
  }
  return finding(
    'E_VALUE',
    placeOf(layout, row, column.key),
    { th: `${name.th}${typed}: ${why.th}`, en: `${name.en}${typed}: ${why.en}` },
    { value: echo(cell), reason },
  );
}
