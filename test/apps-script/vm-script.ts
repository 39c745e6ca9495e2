/**
 * The built Apps Script bundle in a fresh V8 context with no Node globals, the in-memory Apps
 * Script world around it: what the tests, `npm run bench:script` and the sidebar screenshot run.
 */
import { createContext, runInContext } from 'node:vm';
import type { CellValue, Workbook } from '../../core/index.ts';
import { appsScriptWorld, type FakeSheet, FakeSpreadsheet, type FakeTrigger } from './fake-apps-script.ts';

/** Date columns of the template: their cells hold Dates, as Sheets gives them to Apps Script. */
export const DATE_HEADER = /\((date|joined_on|left_on|disbursed_on|decided_on|survey_date|target_date)\)$/;

/** Functions Apps Script runs as simple triggers (AuthMode.LIMITED). */
const SIMPLE = new Set(['onOpen', 'onEdit']);

export function loadScript(
  bundle: string,
  htmlDir: string,
  workbook: Workbook | undefined,
  now = Date.UTC(2026, 10, 1, 3),
  options: { timeZone?: string } = {},
) {
  let ss: FakeSpreadsheet | undefined;
  const clock = { ms: now };
  const env = appsScriptWorld(() => ss!, { htmlDir, now: () => clock.ms });
  const context = createContext({ ...env.world, __clock: () => clock.ms });
  // the script's clock is the world's: new Date() and Date.now() read it
  runInContext(
    `(() => { const Real = Date; class ClockDate extends Real { constructor(...a) { if (a.length === 0) super(__clock()); else super(...a); } static now() { return __clock(); } } globalThis.Date = ClockDate; })();`,
    context,
  );
  runInContext(bundle, context);
  const VmDate = runInContext('Date', context) as DateConstructor;
  const zone = options.timeZone ?? 'Asia/Bangkok';
  ss = workbook
    ? FakeSpreadsheet.from(workbook, (_tab, header) => DATE_HEADER.test(header), VmDate, zone)
    : new FakeSpreadsheet('spreadsheet-1', 'กลุ่มทดสอบ', zone);
  /** Runs a function as Apps Script would: a simple trigger LIMITED, anything else FULL, as the session's user. */
  const call = <T>(fn: string, ...args: unknown[]): T => {
    const before = env.session.authMode;
    env.session.authMode = SIMPLE.has(fn) ? 'LIMITED' : 'FULL';
    try {
      context.__args = args;
      return runInContext(`${fn}.apply(null, __args)`, context) as T;
    } finally {
      env.session.authMode = before;
    }
  };
  /** Fires an installable trigger as Apps Script does: as its owner, with full authority. */
  const fire = <T>(trigger: FakeTrigger, event: unknown = {}): T => {
    const user = env.session.user;
    env.session.user = trigger.owner;
    env.session.ui = false;
    try {
      return call<T>(trigger.fn, event);
    } finally {
      env.session.user = user;
      env.session.ui = true;
    }
  };
  return { env, ss: ss!, call, fire, context, VmDate, clock };
}

export type VmScript = ReturnType<typeof loadScript>;

const sheetOfTab = (s: VmScript, tab: string) =>
  s.ss.getSheets().find((x) => x.getName().endsWith(`(${tab})`))!;

/**
 * An edit as the simple onEdit trigger receives it (Google's event object): `range` over the
 * edited cells, `source`, `authMode` LIMITED, and for a single cell `value` (as text) and
 * `oldValue` (when it held one) — none for a paste, and no `value` for a cleared cell. Counts from zero.
 */
export function edit(s: VmScript, tab: string, row: number, column: number, values: CellValue[][]) {
  const sheet = sheetOfTab(s, tab);
  const range = sheet.getRange(row, column, values.length, values[0]!.length);
  const single = values.length === 1 && values[0]!.length === 1;
  const old = single ? sheet.cell(row, column).value : undefined;
  range.setValues(values);
  s.ss.counts.reads = 0;
  s.ss.counts.writes = 0;
  s.call('onEdit', editEvent(s, range, single, old, values[0]![0]));
  return sheet;
}

/** A person typing into one cell: Sheets parses it (numbers, percentages), then onEdit fires. */
export function typeInto(s: VmScript, tab: string, row: number, column: number, typed: string) {
  const sheet = sheetOfTab(s, tab);
  const old = sheet.cell(row, column).value;
  const value = sheet.type(row, column, typed);
  s.ss.counts.reads = 0;
  s.ss.counts.writes = 0;
  s.call('onEdit', editEvent(s, sheet.getRange(row, column), true, old, value));
  return sheet;
}

function editEvent(
  s: VmScript,
  range: ReturnType<FakeSheet['getRange']>,
  single: boolean,
  old: unknown,
  value: unknown,
) {
  const text = (v: unknown) => (v === '' || v === null || v === undefined ? undefined : String(v));
  return {
    authMode: 'LIMITED',
    range,
    source: s.ss,
    user: { getEmail: () => '' },
    ...(single && text(value) !== undefined ? { value: text(value) } : {}),
    ...(single && text(old) !== undefined ? { oldValue: text(old) } : {}),
  };
}

/**
 * A person ticking (or typing into) one cell, as Sheets delivers it: the simple onEdit runs LIMITED
 * as the editor, then every installable edit trigger of the project — whoever made it — runs as
 * its owner with full authority, in `order` (Apps Script promises none). Each gets `user`: the
 * editor's address only in the editor's own trigger; in anyone else's it is blank, as Google
 * documents for consumer accounts and other domains (conservative: never relied on).
 */
export function tick(
  s: VmScript,
  editor: string,
  tab: string,
  row: number,
  column: number,
  value: CellValue,
  order: (triggers: FakeTrigger[]) => FakeTrigger[] = (t) => t,
) {
  const sheet = s.ss.getSheets().find((x) => x.getName().endsWith(`(${tab})`))!;
  const old = sheet.cell(row, column).value;
  const range = sheet.getRange(row, column);
  range.setValue(value);
  const base = editEvent(s, range, true, old, value);
  const before = s.env.session.user;
  s.env.session.user = editor;
  try {
    s.call('onEdit', base);
  } finally {
    s.env.session.user = before;
  }
  // the triggers run side by side: while one sleeps, those not yet started run
  const queue = order(s.env.triggers.filter((t) => t.kind === 'edit'));
  const started = new Set<FakeTrigger>();
  const outcomes = new Map<FakeTrigger, unknown>();
  const start = (trigger: FakeTrigger) => {
    started.add(trigger);
    outcomes.set(
      trigger,
      s.fire(trigger, {
        ...base,
        authMode: 'FULL',
        triggerUid: trigger.id,
        user: { getEmail: () => (trigger.owner === editor ? editor : '') },
      }),
    );
  };
  const rest = () => {
    for (const trigger of queue) if (!started.has(trigger)) start(trigger);
  };
  s.env.meanwhile.run = rest;
  try {
    rest();
  } finally {
    s.env.meanwhile.run = undefined;
  }
  return queue.map((t) => ({ owner: t.owner, said: outcomes.get(t) }));
}

/** A structural change (Insert column, Remove column …) as the installable onChange trigger gets it. */
export function change(s: VmScript, changeType: string) {
  const trigger = s.env.triggers.find((t) => t.kind === 'change');
  if (!trigger) return undefined;
  return s.fire(trigger, { authMode: 'FULL', changeType, source: s.ss, triggerUid: trigger.id });
}
