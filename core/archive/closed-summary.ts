import { placeOf } from '../check/check-row.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import { type Finding, type FindingPlace, finding } from '../model/finding.ts';
import type { DataTabKey } from '../model/records.ts';
import { formatBaht, type Satang } from '../money.ts';
import { FIGURES, type Figure, type FigureUnit, figuresOf, showFigure } from '../summary/figures.ts';
import { summariseMonth } from '../summary/monthly-summary.ts';
import { thaiMonth } from '../thai-date.ts';
import { canonicalJson } from './canonical.ts';
import { showCell } from './closed-period.ts';
import { diffRows } from './diff-rows.ts';
import { figureHeld, rowsHeld, schemaOf, settingHeld } from './schema.ts';
import type { SnapshotContent } from './snapshot-content.ts';
import { referenceOf } from './snapshot-content.ts';

/**
 * The figures of a month that differ, each `path before → after` (money in baht). Only the figures
 * the archived snapshot's schema held are compared: a figure added later never wakes an old month.
 */
export function changedFigures(
  before: unknown,
  after: unknown,
  schema: number,
  catalogue: readonly Figure[] = FIGURES,
): string[] {
  const known = (list: ReturnType<typeof figuresOf>) => {
    const out = new Map<string, { unit: FigureUnit; value: unknown }>();
    for (const { path, figure, value } of list)
      if (figure && figureHeld(figure, schema)) out.set(path, { unit: figure.unit, value });
    return out;
  };
  const a = known(figuresOf(before, catalogue));
  const b = known(figuresOf(after, catalogue));
  const changed: string[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const was = a.get(path);
    const is = b.get(path);
    if (canonicalJson(was?.value) === canonicalJson(is?.value)) continue;
    const unit = (was ?? is)!.unit;
    changed.push(
      `${path} ${showFigure(unit, was?.value, formatBaht)} → ${showFigure(unit, is?.value, formatBaht)}`,
    );
  }
  return changed;
}

/**
 * W_CLOSED_PERIOD_CHANGED for a closed month whose figures changed although its rows did not all
 * change: the month's summary is recomputed and compared with the archived one; when it differs,
 * each setting, sub-group, household or member cell that changed since is named (moving a
 * household to another sub-group, changing `opening_cash`), or else the month's figures that moved.
 */
export function closedSummaryFindings(
  checked: CheckedBooks,
  archived: SnapshotContent[],
  rowsChanged: ReadonlySet<string>,
): Finding[] {
  const { book } = checked;
  const closedThrough = book.settings.closed_through;
  if (closedThrough === undefined) return [];
  const now = referenceOf(checked);
  const out: Finding[] = [];
  for (const snapshot of archived) {
    const month = snapshot.month;
    if (month > closedThrough) continue;
    const schema = schemaOf(snapshot);
    const changed = changedFigures(snapshot.summary, summariseMonth(checked, month), schema);
    if (changed.length === 0) continue;
    const because =
      changed.slice(0, 4).join('; ') + (changed.length > 4 ? ` … (+${changed.length - 4})` : '');
    const before = out.length;
    const reference = snapshot.reference;
    if (reference) {
      for (const key of new Set([...Object.keys(reference.settings), ...Object.keys(now.settings)])) {
        if (!settingHeld(key, schema)) continue;
        const was = reference.settings[key];
        const is = now.settings[key];
        if (canonicalJson(was) === canonicalJson(is)) continue;
        const place = book.settingCells.get(key) ?? { sheet: 'settings', row: null, column: key, cell: null };
        out.push(referenceFinding(place, month, key, showSetting(key, was), showSetting(key, is), because));
      }
      for (const change of diffRows(rowsHeld(reference.rows, schema), rowsHeld(now.rows, schema))) {
        const sheet = change.sheet as DataTabKey;
        const layout = book.context.layouts.get(sheet);
        const at = (column: string | null): FindingPlace =>
          layout && change.kind !== 'removed'
            ? placeOf(layout, change.row, column)
            : { sheet, row: change.row, column, cell: null };
        if (change.kind === 'changed') {
          for (const cell of change.cells)
            out.push(
              referenceFinding(
                at(cell.column),
                month,
                cell.column,
                showCell(sheet, cell.column, cell.before, 'en'),
                showCell(sheet, cell.column, cell.after, 'en'),
                because,
              ),
            );
        } else {
          const what = change.kind === 'added' ? 'added' : 'removed';
          out.push(referenceFinding(at(null), month, `row ${change.row} ${what}`, '', '', because));
        }
      }
    }
    if (out.length === before && !rowsChanged.has(month)) {
      // nothing archived explains it (an older snapshot, or an earlier month's rows): say what moved
      out.push(
        finding(
          'W_CLOSED_PERIOD_CHANGED',
          { sheet: null, row: null, column: null, cell: null },
          {
            th: `ยอดสรุปของเดือน ${thaiMonth(month)} ที่ปิดบัญชีแล้วเปลี่ยนไป: ${because}`,
            en: `the figures of closed month ${month} changed: ${because}`,
          },
          { month },
        ),
      );
    }
  }
  return out;
}

const showSetting = (key: string, value: unknown) =>
  value === undefined
    ? '(empty)'
    : (key === 'opening_cash' || key === 'opening_bank') && Number.isSafeInteger(value)
      ? formatBaht(value as Satang)
      : typeof value === 'string'
        ? `"${value}"`
        : JSON.stringify(value);

function referenceFinding(
  place: FindingPlace,
  month: string,
  what: string,
  before: string,
  after: string,
  because: string,
): Finding {
  const change = before || after ? ` ${before} → ${after}` : '';
  return finding(
    'W_CLOSED_PERIOD_CHANGED',
    place,
    {
      th: `เดือน ${thaiMonth(month)} ปิดบัญชีแล้ว แต่ ${what} เปลี่ยน${change} ทำให้ยอดของเดือนนั้นเปลี่ยน: ${because}`,
      en: `month ${month} is closed, but ${what} changed${change}, which changes its figures: ${because}`,
    },
    { month, ...(before || after ? { before, after } : {}) },
  );
}
