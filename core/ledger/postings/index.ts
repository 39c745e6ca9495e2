import type { DataTabKey, RecordOf } from '../../model/records.ts';
import type { Rules } from '../../model/rules.ts';
import type { Entry } from '../entry.ts';
import { postLoans } from './loans.ts';
import { postOther } from './other.ts';
import { postRemittances } from './remittances.ts';
import { postRepayments } from './repayments.ts';
import { postSavings } from './savings.ts';
import { postWelfare } from './welfare.ts';
import { postYearEnd } from './year-end.ts';

/** A tab's posting rule: one valid row to its journal entry, or none (a deposit whose sub-group is unknown). */
export type PostingRule<K extends DataTabKey> = (
  record: RecordOf<K>,
  row: number,
  subgroupOf: ReadonlyMap<string, string>,
  /** The group's bylaws: how a year-end share is paid, which funds pay which expenses. */
  rules?: Rules,
) => Entry | undefined;

/** The posting rule of every tab whose rows post money (`roles.posts` in core/model/tabs.ts). */
export const POSTING_RULES: { [K in DataTabKey]?: PostingRule<K> } = {
  savings: postSavings,
  remittances: postRemittances,
  loans: postLoans,
  repayments: postRepayments,
  welfare: postWelfare,
  other: postOther,
  year_end: postYearEnd,
};
