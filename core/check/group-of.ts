import { layoutWorkbook } from '../model/layout.ts';
import { TABS } from '../model/tabs.ts';
import { findTab, type Workbook } from '../workbook.ts';
import { readSettings } from './read-settings.ts';

const SETTINGS = TABS.find((tab) => tab.key === 'settings')!;

/**
 * The group a workbook says it is (settings' group_id, read as the full check reads it), from its
 * settings tab alone: what the API compares with the signer before it checks anything.
 */
export function groupIdOf(workbook: Workbook): string | null {
  const tab = findTab(workbook, SETTINGS);
  if (!tab) return null;
  const { settings } = readSettings(layoutWorkbook({ tabs: [tab] }).get('settings'), []);
  return settings.group_id;
}
