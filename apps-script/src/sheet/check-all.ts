import {
  type CheckedBooks,
  checkBooks,
  contextToJson,
  ledgerStateToJson,
  workbookFromBatchGet,
} from '../../../core/index.ts';
import { readBatchGet } from './book.ts';
import { todayHere } from './edit.ts';
import { dropCached, putCached } from './store.ts';

/**
 * "Check everything": every tab in one advanced-service batchGet, the full check as of today, and
 * what the next edits need kept: the findings (for the sidebar), the context, and the ledger state
 * with each member's sub-group (money checks on edit).
 */
export function checkEverything(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CheckedBooks {
  const workbook = workbookFromBatchGet(readBatchGet(ss));
  const checked = checkBooks(workbook, { asOf: todayHere(ss) });
  putCached('sajja:context', contextToJson(checked.book.context));
  putCached('sajja:ledger:v2', ledgerStateToJson(checked.ledger));
  putCached('sajja:subgroups', JSON.stringify([...checked.journal.subgroupOf]));
  putCached(
    'sajja:findings',
    JSON.stringify({
      as_of: checked.result.as_of,
      counts: checked.result.counts,
      findings: checked.findings,
      books: checked.result.books,
    }),
  );
  dropCached('sajja:check-due');
  return checked;
}
