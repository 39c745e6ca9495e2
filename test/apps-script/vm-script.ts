/**
 * The built Apps Script bundle in a fresh V8 context with no Node globals, the in-memory Apps
 * Script world around it: what the tests, `npm run bench:script` and the sidebar screenshot run.
 */
import { createContext, runInContext } from 'node:vm';
import type { CellValue, Workbook } from '../../core/index.ts';
import { appsScriptWorld, FakeSpreadsheet } from './fake-apps-script.ts';

/** Date columns of the template: their cells hold Dates, as Sheets gives them to Apps Script. */
export const DATE_HEADER = /\((date|joined_on|left_on|disbursed_on|decided_on|survey_date|target_date)\)$/;

export function loadScript(
  bundle: string,
  htmlDir: string,
  workbook: Workbook | undefined,
  now = Date.UTC(2026, 10, 1, 3),
) {
  let ss: FakeSpreadsheet | undefined;
  const env = appsScriptWorld(() => ss!, { htmlDir, now: () => now });
  const context = createContext({ ...env.world });
  runInContext(bundle, context);
  const VmDate = runInContext('Date', context) as DateConstructor;
  ss = workbook
    ? FakeSpreadsheet.from(workbook, (_tab, header) => DATE_HEADER.test(header), VmDate)
    : new FakeSpreadsheet();
  const call = <T>(fn: string, ...args: unknown[]): T => {
    context.__args = args;
    return runInContext(`${fn}.apply(null, __args)`, context) as T;
  };
  return { env, ss: ss!, call, context, VmDate };
}

export type VmScript = ReturnType<typeof loadScript>;

/** An edit as the simple trigger receives it: `e.range` over the edited cells; counts from zero. */
export function edit(s: VmScript, tab: string, row: number, column: number, values: CellValue[][]) {
  const sheet = s.ss.getSheets().find((x) => x.getName().endsWith(`(${tab})`))!;
  const range = sheet.getRange(row, column, values.length, values[0]!.length);
  range.setValues(values);
  s.ss.counts.reads = 0;
  s.ss.counts.writes = 0;
  s.call('onEdit', { range });
  return sheet;
}
