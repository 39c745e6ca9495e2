import {
  type CellValue,
  canonicalString,
  checkForSnapshot,
  daysInMonth,
  KEY_ID,
  parseMonth,
  previousMonth,
  SETTING_SPECS,
  snapshot,
  TABS,
  utf8,
  workbookFromBatchGet,
} from '../../../core/index.ts';
import { hexOf } from '../shell/hex.ts';
import { installActionTrigger } from './actions.ts';
import { dropContext, readWorkbook, sheetOf } from './book.ts';
import { type ApiCompare, checkEverything } from './check-all.ts';
import { todayHere } from './edit.ts';
import { setUpSheets } from './setup.ts';
import { AUTOMATION, automationHolder, BUSY, getCached, withDocumentLock } from './store.ts';

/** The menu สัจจะ (Sajja): the five items of SPEC §12, and where the API is set. */
export function addMenu(): void {
  SpreadsheetApp.getUi()
    .createMenu('สัจจะ (Sajja)')
    .addItem('ตั้งค่าแผ่นงาน / Set up sheets', 'sajjaSetUp')
    .addItem('ตรวจทั้งหมด / Check everything', 'sajjaCheckAll')
    .addItem('ผลการตรวจ / Findings', 'sajjaShowFindings')
    .addItem('ปิดเดือน / Close month', 'sajjaCloseMonth')
    .addItem('ปันผลสิ้นปี / Year-end', 'sajjaYearEnd')
    .addItem('สมุดบัญชีสมาชิก / Passbook', 'sajjaPassbook')
    .addItem('ติดตั้งการทำงานอัตโนมัติ / Install automation', 'sajjaInstall')
    .addItem('ใช้แท็บสั่งงานจากโทรศัพท์ / Use the actions tab from my phone', 'sajjaMyActions')
    .addSeparator()
    .addItem('ตั้งค่า API / API settings', 'sajjaApiSettings')
    .addToUi();
}

export function setUp(): void {
  const { added_tabs, added_columns } = setUpSheets(SpreadsheetApp.getActiveSpreadsheet());
  SpreadsheetApp.getUi().alert(
    `ตั้งค่าแผ่นงานแล้ว / sheets set up: ${added_tabs.length} แท็บใหม่ / new tabs, ${added_columns.length} คอลัมน์ใหม่ / new columns`,
  );
}

export function checkAll(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (withDocumentLock(() => checkEverything(ss, compareThroughApi(ss))) === undefined)
    SpreadsheetApp.getUi().alert(BUSY);
  else showFindings();
}

/** "Use the actions tab from my phone": this person's own actions trigger (it asks for authorization once). */
export function installMyActions(): void {
  const me = installActionTrigger(SpreadsheetApp.getActiveSpreadsheet());
  SpreadsheetApp.getUi().alert(
    `ใช้แท็บ สั่งงาน ได้แล้ว: ติ๊กช่องบนโทรศัพท์ คำสั่งจะทำในนามของ ${me} / the actions tab is yours: tick a box on your phone and it runs as ${me}`,
  );
}

/**
 * With the API set up (this person's key), Check everything also compares the closed months
 * with the archive through POST /v1/check (SPEC §9), and shows W_CLOSED_PERIOD_CHANGED and
 * W_CLOSED_THROUGH_BEHIND at their cells; without it, the sidebar says the comparison was not made.
 */
export function compareThroughApi(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ApiCompare | undefined {
  const api = apiOfUser();
  if (!api) return undefined;
  return (workbook) => {
    const body = JSON.stringify({ workbook, as_of: todayHere(ss) });
    if (utf8(body).length > MAX_API_BODY)
      return {
        ok: false,
        text: 'สมุดใหญ่เกินกว่าจะส่งตรวจกับคลัง (5 MB): ใช้ sajja check หรือรอผลตรวจรายเดือน / the book is too large to compare through the API (5 MB): use sajja check or the monthly job',
      };
    const answer = signedPost(ss, api, '/v1/check', body);
    if (!answer.ok) return answer;
    const data = answer.data as { findings?: { code: string }[]; closed_check?: string };
    return {
      ok: true,
      text: 'เทียบเดือนที่ปิดแล้วกับคลังแล้ว / closed months compared with the archive',
      findings: (data.findings ?? []).filter((f) => CLOSED_CODES.includes(f.code)) as never,
    };
  };
}

const CLOSED_CODES = ['W_CLOSED_PERIOD_CHANGED', 'W_CLOSED_THROUGH_BEHIND'];
/** The API's limit on a body (app/api/handler.ts MAX_BODY_BYTES). */
const MAX_API_BODY = 5 * 1024 * 1024;

/** The findings sidebar (HtmlService): it asks for its data through google.script.run. */
export function showFindings(): void {
  SpreadsheetApp.getUi().showSidebar(
    HtmlService.createHtmlOutputFromFile('sidebar').setTitle('สัจจะ / Sajja'),
  );
}

/** The sidebar's data: the last full check's findings, and whether a full check is due. */
export function findingsForSidebar(): string {
  const tabs = TABS.map((t) => ({ key: t.key, th: t.th }));
  return JSON.stringify({
    check: JSON.parse(getCached('sajja:findings') ?? 'null'),
    due: getCached('sajja:check-due') ?? null,
    tabs,
  });
}

/** A click in the sidebar: selects the finding's cell. */
export function selectCell(sheetKey: string, a1: string): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = sheetOf(ss, sheetKey as never);
  if (sheet) sheet.getRange(a1).activate();
}

export function apiSettings(): void {
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutputFromFile('settings').setWidth(460).setHeight(420),
    'สัจจะ API',
  );
}

/** This person's API address and key, from their own user properties (no other editor can read them). */
export function apiOfUser(): { url: string; keyId: string | null; secret: string } | undefined {
  const mine = PropertiesService.getUserProperties();
  const url = mine.getProperty('SAJJA_API_URL');
  const secret = mine.getProperty('SAJJA_API_SECRET');
  if (!url || !secret) return undefined;
  return { url, keyId: mine.getProperty('SAJJA_KEY_ID') || null, secret };
}

/** Why an address cannot be the API's: only https, and never this computer or a private network. */
export function apiUrlProblem(url: string): string | undefined {
  const m = /^(https?):\/\/([^/?#:\s]+)(:\d+)?(\/[^\s?#]*)?$/i.exec(url);
  if (!m)
    return 'ที่อยู่ API ไม่ถูกต้อง: ต้องเป็น https://… ที่ผู้ประสานงานให้มา / not an API address: use the https://… address the coordinator gave you';
  if (m[1]!.toLowerCase() !== 'https')
    return "ต้องเป็น https:// เท่านั้น: ข้อมูลของกลุ่มต้องเข้ารหัสระหว่างทาง / https:// only: the group's data must be encrypted on the way";
  if (/^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[?::1\]?$|0\.0\.0\.0)/i.test(m[2]!))
    return "ใช้ที่อยู่ในเครื่องหรือในวงแลนไม่ได้: คำขอออกจากเครื่องของ Google ไม่ใช่จากเครื่องนี้ ให้ใช้ที่อยู่ https ของ API บนอินเทอร์เน็ต (เช่น Lambda Function URL) / a local or private address cannot work: the request leaves from Google's servers, not this computer; use the API's public https address (e.g. its Lambda Function URL)";
  return undefined;
}

/**
 * Keeps this person's API address, key id and secret in their own user properties (the secret is
 * never shown again). A changed address asks for the key again: a key is never sent to an address
 * its holder did not type it for. A secret an older version kept in the script's properties
 * (which every editor can read) is removed.
 */
export function saveApiSettings(form: { url: string; key_id?: string; secret: string }): string {
  const url = String(form.url ?? '')
    .trim()
    .replace(/\/+$/, '');
  const problem = apiUrlProblem(url);
  if (problem) return problem;
  const keyId = String(form.key_id ?? '').trim();
  if (keyId && !KEY_ID.test(keyId))
    return 'รหัสกุญแจไม่ถูกต้อง (เช่น k-3f9a1c2b7d10) / not a key id (e.g. k-3f9a1c2b7d10)';
  const mine = PropertiesService.getUserProperties();
  const secret = String(form.secret ?? '').trim();
  if (!secret && mine.getProperty('SAJJA_API_URL') !== url)
    return 'เปลี่ยนที่อยู่ API แล้วต้องใส่กุญแจอีกครั้ง / a new API address needs your key typed again';
  if (!secret && !mine.getProperty('SAJJA_API_SECRET')) return "ใส่รหัสลับของกุญแจของคุณ / type your key's secret";
  const next: Record<string, string> = { SAJJA_API_URL: url };
  if (secret) {
    next.SAJJA_API_SECRET = secret;
    next.SAJJA_KEY_ID = keyId;
  }
  mine.setProperties(next);
  const shared = PropertiesService.getScriptProperties();
  for (const key of ['SAJJA_API_URL', 'SAJJA_API_SECRET']) shared.deleteProperty(key);
  return 'บันทึกแล้ว (เฉพาะของคุณ) / saved (for you only)';
}

/**
 * "Close month": archives a month through POST /v1/archive, signed (SPEC §9) with the group's
 * secret by Utilities.computeHmacSha256Signature; shows the version and hash, then sets
 * closed_through. The API's errors are shown in Thai with English.
 */
export function closeMonth(month?: string): { ok: boolean; text: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ui = month === undefined ? SpreadsheetApp.getUi() : undefined;
  if (ui) {
    const answer = ui.prompt(
      'ปิดเดือน / Close month',
      'เดือน (เช่น 2569-10) / month (e.g. 2026-10)',
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return { ok: false, text: '' };
    month = answer.getResponseText();
  }
  const parsed = parseMonth(month ?? '');
  const api = apiOfUser();
  let result: { ok: boolean; text: string };
  if (!parsed.ok) result = { ok: false, text: 'เดือนไม่ถูกต้อง / not a month' };
  else if (!api)
    result = {
      ok: false,
      text: 'ยังไม่ได้ตั้งค่า API ของคุณ (เมนู ตั้งค่า API: ที่อยู่และกุญแจที่ผู้ประสานงานให้คุณ) / your API is not set (menu API settings: the address and the key the coordinator gave you)',
    };
  else {
    const month = parsed.value;
    result = withDocumentLock(() => archive(ss, api, month)) ?? { ok: false, text: BUSY };
  }
  ui?.alert(result.text);
  return result;
}

/**
 * The month's snapshot is made here, where the whole sheet is, by the same core the server runs,
 * and sent gzip-compressed: only the month's rows and what its figures rest on travel, so a
 * group's request stays far below the API's 6 MB however many years its sheet holds (issue 17).
 * closed_through only ever moves forward (the archive, not the cell, says what is closed).
 */
function archive(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  api: { url: string; keyId: string | null; secret: string },
  month: string,
) {
  const made = snapshot(checkForSnapshot(workbookFromBatchGet(readWorkbook(ss)), month), month);
  const zipped = Utilities.gzip(Utilities.newBlob(made.canonical, 'application/json'));
  const body = JSON.stringify({
    month,
    snapshot: { gzip_base64: Utilities.base64Encode(zipped.getBytes()), content_hash: made.content_hash },
  });
  const answer = signedPost(ss, api, '/v1/archive', body);
  if (!answer.ok) return { ok: false, text: `ปิดเดือนไม่สำเร็จ / the month was not closed: ${answer.text}` };
  const data = answer.data as {
    version?: number;
    hash?: string;
    created?: boolean;
    closed_by?: { holder: string };
  };
  const closed = parseMonth(settingCell(ss, 'closed_through'));
  if (!closed.ok || closed.value < month) setSetting(ss, 'closed_through', month);
  return {
    ok: true,
    text: `ปิดเดือน ${month} แล้ว / month closed: v${data.version} ${data.created ? '' : '(มีอยู่แล้ว / unchanged) '}${data.closed_by ? `โดย ${data.closed_by.holder} / by ${data.closed_by.holder}` : ''}\n${data.hash}`,
  };
}

/** What a signed request came to: the answer's JSON, or why not in Thai and English. */
export type Answer = { ok: true; data: unknown } | { ok: false; text: string };

/**
 * A signed POST (SPEC §9) with this person's key: the body sent as the exact UTF-8 bytes that were
 * signed; every failure — the address unreachable, an answer that is not JSON, the API's own
 * errors — said in Thai and English, never Apps Script's raw exception.
 */
export function signedPost(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  api: { url: string; keyId: string | null; secret: string },
  path: string,
  body: string,
): Answer {
  const group = settingValue(ss, 'group_id');
  const bytes = Utilities.newBlob(body).getBytes();
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = Utilities.getUuid().replace(/-/g, '');
  const signature = signBytes({ group, timestamp, nonce, method: 'POST', path }, bytes, api.secret);
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(`${api.url}${path}`, {
      method: 'post',
      contentType: 'application/json; charset=utf-8',
      payload: bytes,
      headers: {
        'X-Sajja-Group': group,
        ...(api.keyId ? { 'X-Sajja-Key': api.keyId } : {}),
        'X-Sajja-Timestamp': timestamp,
        'X-Sajja-Nonce': nonce,
        'X-Sajja-Signature': signature,
      },
      muteHttpExceptions: true,
      followRedirects: false,
    });
  } catch (error) {
    const why = String((error as Error)?.message ?? error).slice(0, 200);
    return {
      ok: false,
      text: `ติดต่อ API ที่ ${api.url} ไม่ได้: ตรวจที่อยู่ในเมนู ตั้งค่า API และอินเทอร์เน็ต\ncannot reach the API at ${api.url}: check the address in API settings (${why})`,
    };
  }
  const status = response.getResponseCode();
  let data: { error?: { message?: { th?: string; en?: string } } } | undefined;
  try {
    data = JSON.parse(response.getContentText('UTF-8')) as typeof data;
  } catch {
    data = undefined;
  }
  if (data === undefined || typeof data !== 'object' || data === null)
    return {
      ok: false,
      text: `คำตอบจาก ${api.url} ไม่ใช่ของ Sajja API (รหัส ${status}): ตรวจที่อยู่\nthe answer from ${api.url} is not Sajja's API (status ${status}): check the address`,
    };
  if (status !== 200)
    return {
      ok: false,
      text: `${data.error?.message?.th ?? `รหัส ${status}`}\n${data.error?.message?.en ?? `status ${status}`}`,
    };
  return { ok: true, data };
}

/**
 * SPEC §9's signature with Apps Script's own HMAC (Utilities.computeHmacSha256Signature) over the
 * core's canonical string: the shared vectors test it.
 */
export function signRequest(
  request: { group: string; timestamp: string; nonce: string; method: string; path: string; body: string },
  secret: string,
): string {
  return signBytes(request, Utilities.newBlob(request.body).getBytes(), secret);
}

/** The signature over the exact bytes that are sent (the body's hash is of those bytes). */
function signBytes(
  request: { group: string; timestamp: string; nonce: string; method: string; path: string },
  bytes: GoogleAppsScript.Byte[],
  secret: string,
): string {
  const bodySha256 = hexOf(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, bytes));
  const { group, timestamp, nonce, method, path } = request;
  const canonical = canonicalString({ group, timestamp, nonce, method, path, bodySha256 });
  return `v1=${hexOf(Utilities.computeHmacSha256Signature(canonical, secret, Utilities.Charset.UTF_8))}`;
}

function settingRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, key: string): number {
  const keys = sheet.getLastRow() > 1 ? sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues() : [];
  const i = keys.findIndex(
    ([k]) => typeof k === 'string' && (k.trim() === key || k.trim().endsWith(`(${key})`)),
  );
  return i < 0 ? -1 : i + 2;
}

/** A setting's cell as Sheets gives it (a Date, a number or text), '' when the row is missing. */
function settingCell(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string): CellValue {
  const sheet = sheetOf(ss, 'settings');
  const row = sheet ? settingRow(sheet, key) : -1;
  return row < 0 ? '' : (sheet!.getRange(row, 2).getValue() as CellValue);
}

function settingValue(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string): string {
  return String(settingCell(ss, key)).trim();
}

function setSetting(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string, value: string): void {
  const sheet = sheetOf(ss, 'settings')!;
  let row = settingRow(sheet, key);
  if (row < 0) {
    row = sheet.getLastRow() + 1;
    const th = SETTING_SPECS.find((spec) => spec.key === key)?.th ?? key;
    sheet.getRange(row, 1).setValue(`${th} (${key})`);
  }
  // as text: Sheets would otherwise read 2026-10 as the date 1 Oct 2026
  sheet.getRange(row, 2).setNumberFormat('@').setValue(value);
}

/** The handlers of the spreadsheet's one set of automation (the actions trigger is each person's own). */
const HANDLERS = ['sajjaNightly', 'sajjaReminder', 'sajjaChange'];

/**
 * "Install automation": a nightly full check, a daily reminder and the structural-change trigger
 * (installable triggers: they run as the person who installs them, with full authority). Triggers
 * belong to a person, so one set per spreadsheet: who installed it is recorded; a second person is
 * told who holds it, and may take it over (the first person's triggers then stand down).
 */
export function install(): void {
  const ui = SpreadsheetApp.getUi();
  const me = Session.getEffectiveUser().getEmail();
  const holder = automationHolder();
  if (holder && holder.by !== me) {
    const take = ui.alert(
      'การทำงานอัตโนมัติ / Automation',
      `${holder.by} ติดตั้งการทำงานอัตโนมัติของแผ่นงานนี้ไว้แล้ว (${holder.at.slice(0, 10)}) จะรับมาเป็นของคุณหรือไม่? การตรวจทุกคืนและการเตือนจะส่งถึงคุณแทน\n${holder.by} holds this spreadsheet's automation (since ${holder.at.slice(0, 10)}). Take it over? The nightly check and the reminders will be yours instead.`,
      ui.ButtonSet.YES_NO,
    );
    if (take !== ui.Button.YES) return;
  }
  for (const t of ScriptApp.getProjectTriggers())
    if (HANDLERS.includes(t.getHandlerFunction())) ScriptApp.deleteTrigger(t);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger('sajjaNightly').timeBased().everyDays(1).atHour(2).create();
  ScriptApp.newTrigger('sajjaReminder').timeBased().everyDays(1).atHour(8).create();
  ScriptApp.newTrigger('sajjaChange').forSpreadsheet(ss).onChange().create();
  PropertiesService.getDocumentProperties().setProperty(
    AUTOMATION,
    JSON.stringify({ by: me, at: new Date().toISOString() }),
  );
  // the holder's actions trigger: their own ticks, and the ticks of those without one
  installActionTrigger(ss);
  ui.alert(
    `ติดตั้งแล้ว (ของ ${me}): ตรวจทุกคืน และเตือนนับเงินและปิดเดือน / installed (held by ${me}): a nightly check, reminders to count and to close`,
  );
}

/**
 * A trigger that is no longer the spreadsheet's (someone took the automation over) removes its
 * owner's triggers and does nothing: one nightly check, one reminder.
 */
function standsDown(): boolean {
  const holder = automationHolder();
  const me = Session.getEffectiveUser().getEmail();
  if (!holder || holder.by === me) return false;
  for (const t of ScriptApp.getProjectTriggers())
    if (HANDLERS.includes(t.getHandlerFunction())) ScriptApp.deleteTrigger(t);
  return true;
}

/** The nightly check; if another run holds the book, tonight's is skipped (the next runs tomorrow). */
export function nightly(): void {
  if (standsDown()) return;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  withDocumentLock(() => checkEverything(ss, compareThroughApi(ss)));
}

/** The installable onChange trigger: a column or row inserted or removed moves the columns, so the kept layout goes. */
export function changed(e: GoogleAppsScript.Events.SheetsOnChange): void {
  if (standsDown()) return;
  if (e.changeType !== 'EDIT' && e.changeType !== 'FORMAT') dropContext();
}

/**
 * The reminder: three days before a month ends, count the cash; in the first days of a month, close
 * the month before (if it is not closed). Mail to whoever installed it, within the day's quota.
 */
export function reminder(): string | undefined {
  if (standsDown()) return undefined;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const today = todayHere(ss);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const monthEnd = daysInMonth(y, m);
  const previous = previousMonth(today.slice(0, 7));
  // closed_through as typed: 2026-10, 2569-10 (Buddhist Era) or a date cell
  const closed = parseMonth(settingCell(ss, 'closed_through'));
  let text: string | undefined;
  if (monthEnd - d === 3)
    text =
      'อีก 3 วันสิ้นเดือน: นับเงินสดและขอรายการเดินบัญชีธนาคาร / three days to the month end: count the cash, get the bank statement';
  else if (d <= 5 && !(closed.ok && closed.value >= previous))
    text = `ปิดเดือน ${previous} (เมนู สัจจะ → ปิดเดือน) / close the month ${previous} (menu Sajja → Close month)`;
  const to = Session.getEffectiveUser().getEmail();
  if (!text || !to || MailApp.getRemainingDailyQuota() < 1) return undefined;
  MailApp.sendEmail(to, `สัจจะ / Sajja: ${ss.getName()}`, text);
  return text;
}
