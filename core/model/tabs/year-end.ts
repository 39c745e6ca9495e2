import * as z from 'zod';
import { date, id, satangOrZero, text } from '../fields.ts';
import { RULES_SINCE } from '../rules.ts';
import { col, defineTab } from '../tab-spec.ts';

/**
 * The year-end tab (ปันผลและเฉลี่ยคืน, SPEC §13): the annual meeting's decision, one row per member —
 * the fiscal year (the year the period ends in, either calendar: 2569 is 2026), the date paid,
 * the dividend and the interest refund. Written by `sajja year-end --out` or the sheet's menu, then
 * checked against the bylaws like any other money row.
 */
export const yearEndTab = defineTab(
  {
    key: 'year_end',
    th: 'ปันผลและเฉลี่ยคืน',
    en: 'Year-end',
    required: false,
    money: true,
    since: RULES_SINCE,
    roles: { posts: true, dated: 'date', books: true, referenced: false, snapshotReference: false },
  },
  {
    fiscal_year: col(
      'ปีบัญชี',
      'int',
      z.number().int().min(1900, { error: 'fiscal_year' }).max(3000, { error: 'fiscal_year' }),
    ),
    date: col('วันที่จ่าย', 'date', date),
    member_id: col('รหัสสมาชิก', 'id', id, { ref: 'members' }),
    dividend: col('เงินปันผล', 'money', satangOrZero),
    interest_refund: col('เงินเฉลี่ยคืน', 'money', satangOrZero),
    note: col('หมายเหตุ', 'text', text.optional()),
  },
  [{ error: 'year_end_empty', path: 'dividend', test: (r) => r.dividend + r.interest_refund > 0 }],
  // the fiscal year in the Common Era, whichever calendar it was typed in
  (r) => {
    if (r.fiscal_year > 2400) r.fiscal_year -= 543;
    return r;
  },
);
