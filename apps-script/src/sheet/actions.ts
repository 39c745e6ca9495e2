import { ACTIONS_TAB, sheetOf } from './book.ts';
import { todayHere } from './edit.ts';
import { automationHolder, withDocumentLock } from './store.ts';

/** The handler of the actions tab's installable edit trigger (one per person who uses it). */
export const ACTION_HANDLER = 'sajjaAction';
/** Who has an actions trigger of their own: their ticks run as them, with their own API key. */
const ACTION_USERS = 'SAJJA_ACTION_USERS';

export type ActionKey = 'check' | 'close_month' | 'year_end';

/** What the menu item does, as the actions tab lists it; the value column is its input when it has one. */
const ACTIONS: { key: ActionKey; th: string; en: string; input: string }[] = [
  { key: 'check', th: 'ตรวจทั้งหมด', en: 'Check everything', input: '' },
  {
    key: 'close_month',
    th: 'ปิดเดือน (เว้นว่าง = เดือนที่แล้ว)',
    en: 'Close month (blank: last month)',
    input: 'เดือน เช่น 2569-10 / month',
  },
  {
    key: 'year_end',
    th: 'ดูปันผลสิ้นปี (เว้นว่าง = ปีที่เพิ่งจบ)',
    en: 'Year-end preview (blank: the year just ended)',
    input: 'ปีบัญชี เช่น 2569 / fiscal year',
  },
];

const HEADER = [
  'ทำ (do)',
  'คำสั่ง (action)',
  'ค่า (value)',
  'ผล (outcome)',
  'เมื่อ (when)',
  'โดย (by)',
  'รหัส (key)',
];
const COLUMN = { box: 1, value: 3, outcome: 4, when: 5, by: 6, key: 7 } as const;

/**
 * The actions tab, made or completed: a row an action with a checkbox, the year-end's row only
 * when the book has its bylaws (the rules tab, which the year-end is worked from). Rows already
 * there keep their value and last outcome; nothing else of the tab is touched.
 */
export function setUpActions(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  let sheet = ss.getSheetByName(ACTIONS_TAB);
  const made = !sheet;
  if (!sheet) {
    sheet = ss.insertSheet(ACTIONS_TAB, 0);
    sheet.getRange(1, 1, 1, HEADER.length).setValues([HEADER]);
    sheet.setFrozenRows(1);
  }
  const keys = keysOf(sheet);
  const wanted = ACTIONS.filter((a) => a.key !== 'year_end' || sheetOf(ss, 'rules') !== undefined);
  for (const action of wanted) {
    if (keys.includes(action.key)) continue;
    const row = Math.max(2, sheet.getLastRow() + 1);
    sheet
      .getRange(row, 1, 1, HEADER.length)
      .setValues([
        ['', `${action.th} / ${action.en}`, '', action.input ? `(${action.input})` : '', '', '', action.key],
      ]);
    sheet.getRange(row, COLUMN.box).insertCheckboxes();
    // the month or year as text: Sheets would read 2569-10 as a date
    sheet.getRange(row, COLUMN.value).setNumberFormat('@');
    keys.push(action.key);
  }
  return made;
}

function keysOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): string[] {
  const last = sheet.getLastRow();
  return last < 2
    ? []
    : sheet
        .getRange(2, COLUMN.key, last - 1, 1)
        .getValues()
        .map(([k]) => String(k));
}

/** The actions trigger for the person running this (a second one is never made). */
export function installActionTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const me = Session.getEffectiveUser().getEmail();
  for (const t of ScriptApp.getProjectTriggers())
    if (t.getHandlerFunction() === ACTION_HANDLER) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger(ACTION_HANDLER).forSpreadsheet(ss).onEdit().create();
  const props = PropertiesService.getDocumentProperties();
  const users = new Set<string>(JSON.parse(props.getProperty(ACTION_USERS) ?? '[]') as string[]);
  if (me) users.add(me);
  props.setProperty(ACTION_USERS, JSON.stringify([...users]));
  setUpActions(ss);
  return me;
}

/** How long the holder's trigger waits for a ticker's own trigger to take their tick first. */
export const OWN_TRIGGER_FIRST_MS = 4_000;

/**
 * The actions tab's installable edit trigger. Every person's trigger runs on every edit, each as
 * its owner; a tick is taken by the trigger of the person who ticked it (Apps Script tells a
 * trigger who edited only when that is its owner), so the action runs as them — closing a month
 * with their own API key. A tick by someone with no trigger of their own (or whom Google does not
 * name) is taken, after a short wait, by the automation holder's trigger: it checks everything and
 * previews the year-end as the holder, and says that closing a month needs the ticker's own
 * trigger. The box is taken under the document lock and cleared at once, so a tick is done once
 * however many triggers see it; the outcome is written beside it (Thai, then English) with when
 * and by whom.
 */
export function handleAction(e: GoogleAppsScript.Events.SheetsOnEdit, run: RunAction): string | undefined {
  const range = e.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== ACTIONS_TAB) return undefined;
  if (range.getNumRows() !== 1 || range.getNumColumns() !== 1) return undefined;
  if (range.getColumn() !== COLUMN.box || range.getRow() < 2 || String(e.value).toUpperCase() !== 'TRUE')
    return undefined;
  const row = range.getRow();
  const me = Session.getEffectiveUser().getEmail();
  const editor = e.user?.getEmail?.() ?? '';
  const mine = editor !== '' && editor === me;
  if (!mine) {
    const users = JSON.parse(
      PropertiesService.getDocumentProperties().getProperty(ACTION_USERS) ?? '[]',
    ) as string[];
    // someone else's tick: only the holder's trigger stands in, and only if no own trigger took it
    if (automationHolder()?.by !== me || (editor !== '' && users.includes(editor))) return undefined;
    Utilities.sleep(OWN_TRIGGER_FIRST_MS);
  }
  const ss = sheet.getParent();
  const taken = withDocumentLock(() => {
    const box = sheet.getRange(row, COLUMN.box);
    if (box.getValue() !== true) return undefined;
    const [key, value] = [
      String(sheet.getRange(row, COLUMN.key).getValue()).trim(),
      String(sheet.getRange(row, COLUMN.value).getValue()).trim(),
    ];
    box.setValue(false);
    sheet.getRange(row, COLUMN.outcome).setValue('กำลังทำ… / working…');
    SpreadsheetApp.flush();
    return { key, value };
  });
  if (!taken) return undefined;
  const who = mine ? editor : `${me} (แทนผู้กด / for the person who ticked)`;
  const outcome = runSafely(run, taken.key, taken.value, mine);
  sheet
    .getRange(row, COLUMN.outcome, 1, 3)
    .setValues([[`${outcome.ok ? '✓' : '✗'} ${outcome.text}`, `${todayHere(ss)} ${clock(ss)}`, who]]);
  return outcome.text;
}

/** The time now in the spreadsheet's zone, `HH:mm`. */
const clock = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: ss.getSpreadsheetTimeZone(),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date());

/** What an action came to: done or not, and what to say (Thai, then English). */
export type Outcome = { ok: boolean; text: string };
/** Runs an action by its key with the value typed beside it; `mine` when it runs as the person who ticked. */
export type RunAction = (key: ActionKey, value: string, mine: boolean) => Outcome;

const isAction = (key: string): key is ActionKey => ACTIONS.some((a) => a.key === key);

function runSafely(run: RunAction, key: string, value: string, mine: boolean): Outcome {
  if (!isAction(key)) return { ok: false, text: `ไม่รู้จักคำสั่ง "${key}" / unknown action "${key}"` };
  try {
    return run(key, value, mine);
  } catch (error) {
    return {
      ok: false,
      text: `ทำไม่สำเร็จ / failed: ${String((error as Error)?.message ?? error).slice(0, 200)}`,
    };
  }
}
