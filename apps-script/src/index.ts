/**
 * The Apps Script entry: only the functions Apps Script calls, wired to the shell. The build's
 * footer declares each as a top-level function (triggers, menu items, sidebar callbacks).
 */
import { handleAction } from './sheet/actions.ts';
import { handleEdit } from './sheet/edit.ts';
import { showPassbook } from './sheet/passbook.ts';
import { runAction } from './sheet/run-action.ts';
import {
  addMenu,
  apiSettings,
  changed,
  checkAll,
  closeMonth,
  findingsForSidebar,
  install,
  installMyActions,
  nightly,
  reminder,
  saveApiSettings,
  selectCell,
  setUp,
  showFindings,
  signRequest,
} from './sheet/ui.ts';
import { yearEndPreview, yearEndWrite } from './sheet/year.ts';

/** The signer, for the shared SPEC §9 vectors (not a function Apps Script calls). */
export { signRequest };

export const onOpen = () => addMenu();
export const onEdit = (e: GoogleAppsScript.Events.SheetsOnEdit) => handleEdit(e);
export const sajjaSetUp = () => setUp();
export const sajjaCheckAll = () => checkAll();
export const sajjaShowFindings = () => showFindings();
export const sajjaFindings = () => findingsForSidebar();
export const sajjaSelect = (sheet: string, a1: string) => selectCell(sheet, a1);
export const sajjaCloseMonth = (month?: string) => closeMonth(month);
export const sajjaApiSettings = () => apiSettings();
export const sajjaSaveApiSettings = (form: { url: string; key_id?: string; secret: string }) =>
  saveApiSettings(form);
export const sajjaInstall = () => install();
export const sajjaMyActions = () => installMyActions();
export const sajjaAction = (e: GoogleAppsScript.Events.SheetsOnEdit) => handleAction(e, runAction);
export const sajjaNightly = () => nightly();
export const sajjaReminder = () => reminder();
export const sajjaChange = (e: GoogleAppsScript.Events.SheetsOnChange) => changed(e);
export const sajjaYearEnd = (year?: string) => yearEndPreview(year);
export const sajjaPassbook = (member?: string) => showPassbook(member);
export const sajjaYearEndWrite = (year: string) => yearEndWrite(year);
