import type { RecordOf } from '../../model/records.ts';
import * as acct from '../accounts.ts';
import { type Entry, makeEntry, two } from '../entry.ts';

/** The journal entry of a valid `remittances` row (SPEC §4). */
export function postRemittances(
  r: RecordOf<'remittances'>,
  row: number,
  _subgroupOf: ReadonlyMap<string, string>,
): Entry | undefined {
  const sheet = 'remittances';
  return makeEntry(
    sheet,
    row,
    r.date,
    'remittance',
    'amount',
    two(r.account, acct.transit(r.subgroup_id), r.amount),
    {
      subgroup: r.subgroup_id,
    },
  );
}
