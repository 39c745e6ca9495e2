import { SETTING_SPECS } from '../settings.ts';
import type { TabSpec } from '../tab-spec.ts';

/** The settings tab: one setting a row, key and value (the settings themselves: model/settings.ts). */
export const settings: TabSpec = {
  key: 'settings',
  th: 'ตั้งค่า',
  en: 'Settings',
  required: true,
  money: false,
  roles: { posts: false, books: false, referenced: false, snapshotReference: false },
  columns: [
    { key: 'key', th: 'รายการ', kind: 'text', required: true },
    { key: 'value', th: 'ค่า', kind: 'text' },
  ],
  entries: SETTING_SPECS,
};
