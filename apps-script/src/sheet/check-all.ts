import {
  type BatchGetResponse,
  type CheckedBooks,
  checkBooks,
  contextToJson,
  type Finding,
  ledgerStateToJson,
  previousMonth,
  summariseMonth,
  workbookFromBatchGet,
} from '../../../core/index.ts';
import { readWorkbook } from './book.ts';
import { todayHere } from './edit.ts';
import { writeFindingsTab } from './findings-tab.ts';
import { dropCached, putCached, putKept } from './store.ts';

/**
 * Findings the sidebar is given, errors first: a book with thousands of them (a tab pasted twice)
 * must not fill the cache (100 KB a value, 1,000 entries) and push out the context the edits need.
 * The counts are always whole; the sidebar says how many more there are.
 */
export const SIDEBAR_FINDINGS = 1_000;

/**
 * The sub-group scorecard of the month just ended (SPEC §15), for the sidebar: each sub-group's
 * score by the bylaws' weights and its five measures, and the visit threshold. Null before the
 * books' first month has ended.
 */
function scorecardOf(checked: CheckedBooks) {
  const month = previousMonth(checked.book.context.asOf.slice(0, 7));
  const opening = checked.book.settings.opening_date?.slice(0, 7);
  if (opening && month < opening) return null;
  const summary = summariseMonth(checked, month);
  return {
    month,
    visit_below: checked.book.rules.score_visit_below,
    subgroups: summary.subgroups.map((g) => ({
      subgroup_id: g.subgroup_id,
      score: g.score,
      measures: g.measures,
    })),
  };
}

/** The comparison of the closed months with the archive (through the API), given the book as read. */
export type ApiCompare = (workbook: BatchGetResponse) => { ok: boolean; text: string; findings?: Finding[] };

/**
 * "Check everything": every tab read (values and number formats), the full check as of today, and
 * what the next edits need kept: the findings (for the sidebar), the context, and the ledger state
 * with each member's sub-group (money checks on edit). The findings tab is replaced with them.
 */
export function checkEverything(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  compare?: ApiCompare,
): CheckedBooks {
  const read = readWorkbook(ss);
  const checked = checkBooks(workbookFromBatchGet(read), { asOf: todayHere(ss) });
  const compared = compare?.(read);
  const closed = compared?.ok ? (compared.findings ?? []) : [];
  putCached('sajja:context', contextToJson(checked.book.context));
  putKept({
    ledger: ledgerStateToJson(checked.ledger),
    subgroups: JSON.stringify([...checked.journal.subgroupOf]),
  });
  const all = [...checked.findings, ...closed];
  const errorsFirst = [
    ...all.filter((f) => f.severity === 'error'),
    ...all.filter((f) => f.severity !== 'error'),
  ];
  const counts = {
    error: checked.result.counts.error,
    warning: checked.result.counts.warning + closed.length,
  };
  const { left_out, posted_with_errors } = checked.result.books;
  putCached(
    'sajja:findings',
    JSON.stringify({
      as_of: checked.result.as_of,
      counts,
      findings: errorsFirst.slice(0, SIDEBAR_FINDINGS),
      // whether the closed months were compared with the archive, and how that went
      archive: compared ? { ok: compared.ok, text: compared.text } : null,
      more: Math.max(0, errorsFirst.length - SIDEBAR_FINDINGS),
      books: {
        left_out: left_out.slice(0, SIDEBAR_FINDINGS),
        posted_with_errors: posted_with_errors.slice(0, SIDEBAR_FINDINGS),
      },
      scorecard: scorecardOf(checked),
    }),
  );
  dropCached('sajja:check-due');
  // the phone's view of the same check: the findings tab, replaced
  writeFindingsTab(ss, errorsFirst, counts, checked.result.as_of);
  return checked;
}
