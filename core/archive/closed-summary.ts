import { placeOf } from '../check/check-row.ts';
import { columnName } from '../check/messages.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import { type Finding, type FindingPlace, finding } from '../model/finding.ts';
import type { DataTabKey } from '../model/records.ts';
import { SETTING_SPECS } from '../model/settings.ts';
import { TABS, tabSpec } from '../model/tabs.ts';
import { formatBaht, type Satang } from '../money.ts';
import { FIGURES, type Figure, figuresOf, showFigure } from '../summary/figures.ts';
import { summariseMonth } from '../summary/monthly-summary.ts';
import { thaiMonth } from '../thai-date.ts';
import { canonicalJson } from './canonical.ts';
import { showCell, showRow } from './closed-period.ts';
import { diffRows } from './diff-rows.ts';
import { figureHeld, rowsHeld, schemaOf, settingHeld } from './schema.ts';
import type { SnapshotContent } from './snapshot-content.ts';
import { referenceOf } from './snapshot-content.ts';

/** A figure that moved: where it is, and `label before → after` in Thai and in English. */
export interface FigureChange {
  path: string;
  th: string;
  en: string;
}

/** A figure's label for one value of it: the sub-group or category its path names, no raw keys. */
function labelOf(path: string, figure: Figure): { th: string; en: string } {
  const subgroup = /^subgroups\[(.*)\]\./.exec(path)?.[1];
  if (subgroup !== undefined) return { th: `${figure.th} ${subgroup}`, en: `${figure.en} ${subgroup}` };
  const category = /^households\.by_category\.(.*)$/.exec(path)?.[1];
  if (category !== undefined) return { th: `${figure.th} "${category}"`, en: `${figure.en} "${category}"` };
  return { th: figure.th, en: figure.en };
}

/** `sheet.column` of every reference column and setting that can move a month's figures (`figures: true`). */
const FEEDS_FIGURES: ReadonlySet<string> = new Set([
  ...TABS.flatMap((t) => t.columns.filter((c) => c.figures).map((c) => `${t.key}.${c.key}`)),
  ...SETTING_SPECS.filter((s) => s.figures).map((s) => `settings.${s.key}`),
]);

const columnNamed = (sheet: DataTabKey, key: string) => {
  const column = tabSpec(sheet).columns.find((c) => c.key === key);
  return column ? columnName(column) : { th: key, en: key };
};

/**
 * The figures of a month that differ, each `label before → after` (money in baht) in Thai and in
 * English. Only the figures the archived snapshot's schema held are compared: a figure added later
 * never wakes an old month; nor does a look ahead (a projection) moved by a rule changed since.
 */
export function changedFigures(
  before: unknown,
  after: unknown,
  schema: number,
  catalogue: readonly Figure[] = FIGURES,
): FigureChange[] {
  const known = (list: ReturnType<typeof figuresOf>) => {
    const out = new Map<string, { figure: Figure; value: unknown }>();
    for (const { path, figure, value } of list)
      if (figure && !figure.projection && figureHeld(figure, schema)) out.set(path, { figure, value });
    return out;
  };
  const a = known(figuresOf(before, catalogue));
  const b = known(figuresOf(after, catalogue));
  const changed: FigureChange[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const was = a.get(path);
    const is = b.get(path);
    if (canonicalJson(was?.value) === canonicalJson(is?.value)) continue;
    const { figure } = (was ?? is)!;
    const label = labelOf(path, figure);
    const moved = `${showFigure(figure.unit, was?.value, formatBaht)} → ${showFigure(figure.unit, is?.value, formatBaht)}`;
    changed.push({ path, th: `${label.th} ${moved}`, en: `${label.en} ${moved}` });
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
    const list = (lang: 'th' | 'en') =>
      changed
        .slice(0, 4)
        .map((c) => c[lang])
        .join('; ') + (changed.length > 4 ? ` … (+${changed.length - 4})` : '');
    const because = { th: list('th'), en: list('en') };
    const before = out.length;
    const reference = snapshot.reference;
    if (reference) {
      for (const key of new Set([...Object.keys(reference.settings), ...Object.keys(now.settings)])) {
        // only a setting that can move figures is named: a changed group name never is
        if (!settingHeld(key, schema) || !FEEDS_FIGURES.has(`settings.${key}`)) continue;
        const was = reference.settings[key];
        const is = now.settings[key];
        if (canonicalJson(was) === canonicalJson(is)) continue;
        const place = book.settingCells.get(key) ?? { sheet: 'settings', row: null, column: key, cell: null };
        const spec = SETTING_SPECS.find((s) => s.key === key);
        const what = spec ? columnName(spec) : { th: key, en: key };
        out.push(referenceFinding(place, month, what, showSetting(key, was), showSetting(key, is), because));
      }
      for (const change of diffRows(rowsHeld(reference.rows, schema), rowsHeld(now.rows, schema))) {
        const sheet = change.sheet as DataTabKey;
        const layout = book.context.layouts.get(sheet);
        const at = (column: string | null): FindingPlace =>
          layout && change.kind !== 'removed'
            ? placeOf(layout, change.row, column)
            : { sheet, row: change.row, column, cell: null };
        if (change.kind === 'changed') {
          // a phone or a name edited in the same save moves no figure: only cells that can are named
          for (const cell of change.cells.filter((c) => FEEDS_FIGURES.has(`${sheet}.${c.column}`)))
            out.push(
              referenceFinding(
                at(cell.column),
                month,
                columnNamed(sheet, cell.column),
                showCell(sheet, cell.column, cell.before, 'en'),
                showCell(sheet, cell.column, cell.after, 'en'),
                because,
              ),
            );
        } else {
          const added = change.kind === 'added';
          const held = (lang: 'th' | 'en') =>
            showRow(sheet, (added ? change.after : change.before) ?? {}, lang);
          const what = added
            ? { th: `แถว ${change.row} ที่เพิ่ม (${held('th')})`, en: `row ${change.row} added (${held('en')})` }
            : {
                th: `แถว ${change.row} ที่ลบ (${held('th')})`,
                en: `row ${change.row} removed (${held('en')})`,
              };
          out.push(referenceFinding(at(null), month, what, '', '', because));
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
            th: `ยอดสรุปของเดือน ${thaiMonth(month)} ที่ปิดบัญชีแล้วเปลี่ยนไป: ${because.th}`,
            en: `the figures of closed month ${month} changed: ${because.en}`,
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
  what: { th: string; en: string },
  before: string,
  after: string,
  because: { th: string; en: string },
): Finding {
  const change = before || after ? ` ${before} → ${after}` : '';
  return finding(
    'W_CLOSED_PERIOD_CHANGED',
    place,
    {
      th: `เดือน ${thaiMonth(month)} ปิดบัญชีแล้ว แต่ ${what.th} เปลี่ยน${change} ทำให้ยอดของเดือนนั้นเปลี่ยน: ${because.th}`,
      en: `month ${month} is closed, but ${what.en} changed${change}, which changes its figures: ${because.en}`,
    },
    { month, ...(before || after ? { before, after } : {}) },
  );
}
