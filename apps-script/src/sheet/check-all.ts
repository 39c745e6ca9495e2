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
 * Findings the sidebar is given, errors first: a book with thousands of them (a tab pasted twice)
 * must not fill the cache (100 KB a value, 1,000 entries) and push out the context the edits need.
 * The counts are always whole; the sidebar says how many more there are.
 */
export const SIDEBAR_FINDINGS = 1_000;

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
  const errorsFirst = [
    ...checked.findings.filter((f) => f.severity === 'error'),
    ...checked.findings.filter((f) => f.severity !== 'error'),
  ];
  const { left_out, posted_with_errors } = checked.result.books;
  putCached(
    'sajja:findings',
    JSON.stringify({
      as_of: checked.result.as_of,
      counts: checked.result.counts,
      findings: errorsFirst.slice(0, SIDEBAR_FINDINGS),
      more: Math.max(0, errorsFirst.length - SIDEBAR_FINDINGS),
      books: {
        left_out: left_out.slice(0, SIDEBAR_FINDINGS),
        posted_with_errors: posted_with_errors.slice(0, SIDEBAR_FINDINGS),
      },
    }),
  );
  dropCached('sajja:check-due');
  return checked;
}
