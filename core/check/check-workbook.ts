import type { IsoDate } from '../calendar.ts';
import { a1 } from '../cell.ts';
import { type Finding, finding } from '../model/finding.ts';
import { layoutWorkbook, type TableLayout } from '../model/layout.ts';
import { placeOf, type RowResult, type Tables } from '../model/place.ts';
import type { DataTabKey } from '../model/records.ts';
import { TABS, type TabKey } from '../model/tabs.ts';
import { otherTabs, type Workbook } from '../workbook.ts';
import type { Book, BooksStatus, CheckOptions, CheckResult } from './book.ts';
import { checkRow } from './check-row.ts';
import { buildContext } from './context.ts';
import { columnName } from './messages.ts';
import { readRules } from './read-rules.ts';
import { readSettings } from './read-settings.ts';
import { checkEmptyMonths } from './rules/empty-months.ts';
import { checkMembershipDates } from './rules/membership-dates.ts';
import { checkPossibleDuplicates } from './rules/possible-duplicates.ts';
import { checkSavingsProducts } from './rules/savings-products.ts';
import { checkSubgroupSizes } from './rules/subgroup-size.ts';
import { checkUnusualAmounts } from './rules/unusual-amounts.ts';
import { sortFindings } from './sort-findings.ts';
import { unknownTabFindings } from './unknown-tabs.ts';

const REQUIRED_TABS = TABS.filter((tab) => tab.required);
const DATA_TABS = TABS.filter((tab) => !tab.entries);

/**
 * Reads and checks a whole workbook: structure, settings, every cell of every row, references,
 * repeated ids, dates and the tab rules of SPEC §5. Never throws on what a sheet holds.
 */
export function readBook(workbook: Workbook, options: CheckOptions): Book {
  const findings: Finding[] = [];
  const layouts = layoutWorkbook(workbook);
  const guessed = unknownTabFindings(workbook, layouts);
  checkStructure(workbook, layouts, findings, new Set(guessed.map((f) => f.sheet)));
  findings.push(...guessed);
  const { settings, dates, usable, cells: settingCells } = readSettings(layouts.get('settings'), findings);
  const { rules, cells: ruleCells } = readRules(layouts.get('rules'), dates, findings);
  const asOf = typeof options.asOf === 'function' ? options.asOf(settings.timezone) : options.asOf;
  const context = buildContext(
    new Map(
      [...layouts].map(([key, layout]) => [key, { header: layout.tab.rows[0] ?? [], rows: layout.tab.rows }]),
    ),
    settings,
    dates,
    asOf,
  );
  const tables = new Map<DataTabKey, RowResult[]>() as Tables;
  for (const spec of DATA_TABS) {
    const layout = context.layouts.get(spec.key);
    const source = layouts.get(spec.key)?.tab.rows;
    if (!layout || !source) continue;
    const rows: RowResult[] = [];
    for (let r = 1; r < source.length; r++) {
      const result = checkRow(context, layout, r + 1, source[r], findings);
      if (result) rows.push(result);
    }
    tables.set(spec.key as DataTabKey, rows);
  }
  checkSubgroupSizes(context, tables, findings);
  checkPossibleDuplicates(context, tables, findings);
  checkUnusualAmounts(context, tables, findings);
  checkMembershipDates(context, tables, findings);
  checkEmptyMonths(context, tables, findings);
  checkSavingsProducts(context, rules, tables, findings);
  return {
    settings,
    rules,
    identified: usable,
    context,
    tables,
    settingCells,
    ruleCells,
    findings: sortFindings(findings),
  };
}

/** Counts findings into the shape of SPEC §7. */
export function resultOf(
  groupId: string | null,
  asOf: IsoDate,
  findings: Finding[],
  books: BooksStatus = { left_out: [], posted_with_errors: [] },
): CheckResult {
  let error = 0;
  let warning = 0;
  for (const f of findings) {
    if (f.severity === 'error') error++;
    else warning++;
  }
  return { group_id: groupId, ok: error === 0, as_of: asOf, counts: { error, warning }, findings, books };
}

function checkStructure(
  workbook: Workbook,
  layouts: Map<TabKey, TableLayout>,
  out: Finding[],
  guessed: Set<TabKey | null>,
): void {
  // two tabs or two columns for one thing: an error naming both, never a silent choice
  for (const [key, layout] of layouts) {
    for (const other of otherTabs(workbook, layout.spec)) {
      out.push(
        finding(
          'E_TAB_REPEATED',
          { sheet: key, row: null, column: null, cell: null },
          {
            th: `มีสองแท็บสำหรับ ${layout.spec.th} (${key}): "${layout.tab.name}" (ที่อ่าน) และ "${other.name}" — ลบหรือเปลี่ยนชื่อแท็บที่ไม่ใช้`,
            en: `two tabs for ${key}: "${layout.tab.name}" (the one read) and "${other.name}" — delete or rename the one not in use`,
          },
          { value: other.name },
        ),
      );
    }
    for (const { key: column, index, others } of layout.repeated) {
      for (const second of others) {
        const name = columnName(layout.spec.columns.find((c) => c.key === column)!);
        out.push(
          finding(
            'E_COLUMN_REPEATED',
            { sheet: key, row: 1, column, cell: a1(second, 1) },
            {
              th: `มีคอลัมน์ ${name.th} สองคอลัมน์: ${a1(index, 1)} (ที่อ่าน) และ ${a1(second, 1)} — ลบหรือเปลี่ยนหัวคอลัมน์ที่ไม่ใช้`,
              en: `two ${name.en} columns: ${a1(index, 1)} (the one read) and ${a1(second, 1)} — delete or rename the one not in use`,
            },
          ),
        );
      }
    }
  }
  for (const spec of REQUIRED_TABS) {
    // a required tab found under another name has its finding already, naming that tab
    if (layouts.has(spec.key) || guessed.has(spec.key)) continue;
    out.push(
      finding(
        'E_SHEET_MISSING',
        { sheet: spec.key, row: null, column: null, cell: null },
        {
          th: `ไม่พบแท็บ "${spec.th} (${spec.key})"`,
          en: `the "${spec.key}" tab (${spec.th}) is missing`,
        },
      ),
    );
  }
  for (const layout of layouts.values()) {
    for (const column of layout.missing) {
      if (!column.required) continue;
      const name = columnName(column);
      out.push(
        finding('E_COLUMN_MISSING', placeOf(layout, 1, null), {
          th: `แท็บ ${layout.spec.th} ไม่มีคอลัมน์ "${name.th}" ในแถวหัวตาราง`,
          en: `the ${layout.spec.key} tab has no "${name.en}" column in its header row`,
        }),
      );
      out[out.length - 1]!.column = column.key;
    }
  }
}
