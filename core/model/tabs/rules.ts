import { RULE_SPECS, RULES_SINCE } from '../rules.ts';
import type { TabSpec } from '../tab-spec.ts';

/** The bylaws tab (ระเบียบกลุ่ม): one bylaw a row, key and value, like settings (the bylaws: model/rules.ts). */
export const rules: TabSpec = {
  key: 'rules',
  th: 'ระเบียบกลุ่ม',
  en: 'Rules',
  required: false,
  money: false,
  since: RULES_SINCE,
  roles: { posts: false, books: false, referenced: false, snapshotReference: false },
  columns: [
    { key: 'key', th: 'รายการ', kind: 'text', required: true },
    { key: 'value', th: 'ค่า', kind: 'text' },
  ],
  entries: RULE_SPECS,
};
