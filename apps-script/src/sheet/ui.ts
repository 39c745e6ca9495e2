import {
  type CellValue,
  canonicalString,
  checkForSnapshot,
  daysInMonth,
  parseMonth,
  previousMonth,
  SETTING_SPECS,
  snapshot,
  TABS,
  workbookFromBatchGet,
} from '../../../core/index.ts';
import { hexOf } from '../shell/hex.ts';
import { readBatchGet, sheetOf } from './book.ts';
import { checkEverything } from './check-all.ts';
import { todayHere } from './edit.ts';
import { setUpSheets } from './setup.ts';
import { BUSY, getCached, scriptProperty, setScriptProperty, withDocumentLock } from './store.ts';

/** The menu สัจจะ (Sajja): the five items of SPEC §12, and where the API is set. */
export function addMenu(): void {
  SpreadsheetApp.getUi()
    .createMenu('สัจจะ (Sajja)')
    .addItem('ตั้งค่าแผ่นงาน / Set up sheets', 'sajjaSetUp')
    .addItem('ตรวจทั้งหมด / Check everything', 'sajjaCheckAll')
    .addItem('ผลการตรวจ / Findings', 'sajjaShowFindings')
    .addItem('ปิดเดือน / Close month', 'sajjaCloseMonth')
    .addItem('ติดตั้งการทำงานอัตโนมัติ / Install automation', 'sajjaInstall')
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
  if (withDocumentLock(() => checkEverything(ss)) === undefined) SpreadsheetApp.getUi().alert(BUSY);
  else showFindings();
}

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
    HtmlService.createHtmlOutputFromFile('settings').setWidth(420).setHeight(300),
    'สัจจะ API',
  );
}

/** Keeps the API's address and the group's secret in Script Properties; the secret is never shown again. */
export function saveApiSettings(form: { url: string; secret: string }): string {
  if (!/^https?:\/\/\S+$/.test(form.url ?? '')) return 'ที่อยู่ API ไม่ถูกต้อง / not an API address';
  setScriptProperty('SAJJA_API_URL', form.url.replace(/\/+$/, ''));
  if (form.secret) setScriptProperty('SAJJA_API_SECRET', form.secret);
  return 'บันทึกแล้ว / saved';
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
  const url = scriptProperty('SAJJA_API_URL');
  const secret = scriptProperty('SAJJA_API_SECRET');
  let result: { ok: boolean; text: string };
  if (!parsed.ok) result = { ok: false, text: 'เดือนไม่ถูกต้อง / not a month' };
  else if (!url || !secret)
    result = { ok: false, text: 'ยังไม่ได้ตั้งค่า API (เมนู ตั้งค่า API) / the API is not set (menu: API settings)' };
  else {
    const month = parsed.value;
    result = withDocumentLock(() => archive(ss, url, secret, month)) ?? { ok: false, text: BUSY };
  }
  ui?.alert(result.text);
  return result;
}

/**
 * The month's snapshot is made here, where the whole sheet is, by the same core the server runs,
 * and sent gzip-compressed: only the month's rows and what its figures rest on travel, so a
 * group's request stays far below the API's 6 MB however many years its sheet holds (issue 17).
 */
function archive(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, url: string, secret: string, month: string) {
  const group = settingValue(ss, 'group_id');
  const made = snapshot(checkForSnapshot(workbookFromBatchGet(readBatchGet(ss)), month), month);
  const zipped = Utilities.gzip(Utilities.newBlob(made.canonical, 'application/json'));
  const body = JSON.stringify({
    month,
    snapshot: { gzip_base64: Utilities.base64Encode(zipped.getBytes()), content_hash: made.content_hash },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = Utilities.getUuid().replace(/-/g, '');
  const signature = signRequest(
    { group, timestamp, nonce, method: 'POST', path: '/v1/archive', body },
    secret,
  );
  const response = UrlFetchApp.fetch(`${url}/v1/archive`, {
    method: 'post',
    contentType: 'application/json',
    payload: body,
    headers: {
      'X-Sajja-Group': group,
      'X-Sajja-Timestamp': timestamp,
      'X-Sajja-Nonce': nonce,
      'X-Sajja-Signature': signature,
    },
    muteHttpExceptions: true,
  });
  const answer = JSON.parse(response.getContentText() || '{}') as {
    version?: number;
    hash?: string;
    created?: boolean;
    error?: { message: { th: string; en: string } };
  };
  if (response.getResponseCode() !== 200)
    return {
      ok: false,
      text: `ปิดเดือนไม่สำเร็จ: ${answer.error?.message.th ?? response.getResponseCode()}\n${answer.error?.message.en ?? ''}`,
    };
  setSetting(ss, 'closed_through', month);
  return {
    ok: true,
    text: `ปิดเดือน ${month} แล้ว / month closed: v${answer.version} ${answer.created ? '' : '(มีอยู่แล้ว / unchanged) '}\n${answer.hash}`,
  };
}

/**
 * SPEC §9's signature with Apps Script's own HMAC (Utilities.computeHmacSha256Signature) over the
 * core's canonical string: the shared vectors test it.
 */
export function signRequest(
  request: { group: string; timestamp: string; nonce: string; method: string; path: string; body: string },
  secret: string,
): string {
  const bodySha256 = hexOf(
    Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, request.body, Utilities.Charset.UTF_8),
  );
  const canonical = canonicalString({ ...request, bodySha256 });
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

/** "Install automation": a nightly full check and a daily reminder (installable triggers, full authority). */
export function install(): void {
  for (const t of ScriptApp.getProjectTriggers())
    if (['sajjaNightly', 'sajjaReminder'].includes(t.getHandlerFunction())) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger('sajjaNightly').timeBased().everyDays(1).atHour(2).create();
  ScriptApp.newTrigger('sajjaReminder').timeBased().everyDays(1).atHour(8).create();
  SpreadsheetApp.getUi().alert(
    'ติดตั้งแล้ว: ตรวจทุกคืน และเตือนนับเงินและปิดเดือน / installed: a nightly check, reminders to count and to close',
  );
}

/** The nightly check; if another run holds the book, tonight's is skipped (the next runs tomorrow). */
export function nightly(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  withDocumentLock(() => checkEverything(ss));
}

/**
 * The reminder: three days before a month ends, count the cash; in the first days of a month, close
 * the month before (if it is not closed). Mail to whoever installed it, within the day's quota.
 */
export function reminder(): string | undefined {
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
