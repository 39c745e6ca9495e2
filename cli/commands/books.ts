import {
  type CheckedBooks,
  exportLedger,
  householdView,
  type LedgerFormat,
  type PaperSize,
  parseId,
  passbook,
  renderHouseholdPage,
  renderPassbook,
  summarise,
  UnusableWorkbookError,
} from '../../core/index.ts';
import { formatCheck, formatChecks } from '../format-check.ts';
import { formatHousehold, formatPassbook, formatSummary } from '../format-reports.ts';
import { writeOutput } from '../output.ts';
import {
  type Bilingual,
  booksExit,
  CliError,
  type Command,
  openBooks,
  readMonth,
  UsageError,
} from './command.ts';

const ARCHIVE = { 'data-dir': { type: 'string' }, endpoint: { type: 'string' } } as const;

/** Commands that read a group's books: check, summary, passbook, household, export. */
export const BOOK_COMMANDS: Record<string, Command> = {
  check: {
    summary: 'ตรวจสมุด / check workbooks, every wrong cell named',
    arguments: '<workbooks...>',
    help:
      'ตรวจสมุดทุกแท็บ บอกทุกช่องที่ผิดพร้อมที่อยู่ช่อง / Checks every tab and names every wrong cell.\n' +
      'Several workbooks: each is checked, then a line for all of them.\n' +
      'Exit 0: no errors · 1: errors found · 2: unusable file or usage (the worst of all files).\n' +
      '--json: the SPEC §7 JSON {group_id, ok, as_of, counts, findings, books}; several files: a list.',
    options: { 'as-of': { type: 'string' }, json: { type: 'boolean' }, ...ARCHIVE },
    async run(paths, values, io) {
      if (paths.length === 0) throw new UsageError({ th: 'ต้องระบุไฟล์สมุด', en: 'check needs a workbook' });
      if (paths.length === 1) {
        const checked = await openBooks(paths[0], values);
        io.out(values.json ? JSON.stringify(checkJson(checked), null, 2) : formatCheck(checked));
        return booksExit(checked, io);
      }
      // several workbooks: each checked on its own, nothing ignored, the worst status wins
      const results: {
        file: string;
        checked?: CheckedBooks;
        error?: { code: string; message: Bilingual };
      }[] = [];
      for (const file of paths) {
        try {
          results.push({ file, checked: await openBooks(file, values) });
        } catch (error) {
          if (error instanceof UsageError) throw error;
          const message =
            error instanceof CliError
              ? error.text
              : error instanceof UnusableWorkbookError
                ? { th: `ใช้ไฟล์นี้ไม่ได้: ${error.text.th}`, en: `unusable workbook: ${error.text.en}` }
                : {
                    th: `ใช้ไฟล์นี้ไม่ได้: ${(error as Error).message}`,
                    en: `unusable workbook: ${(error as Error).message}`,
                  };
          results.push({
            file,
            error: { code: error instanceof CliError ? error.code : 'unusable_workbook', message },
          });
        }
      }
      if (values.json)
        io.out(
          JSON.stringify(
            results.map((r) =>
              r.checked ? { file: r.file, ...checkJson(r.checked) } : { file: r.file, error: r.error },
            ),
            null,
            2,
          ),
        );
      else io.out(formatChecks(results));
      const status = Math.max(...results.map((r) => (r.error ? 2 : r.checked!.result.ok ? 0 : 1)));
      if (status === 1) io.err('สถานะ 1: มีสมุดที่มีข้อผิดพลาด / exit 1: some books have errors');
      if (status === 2) io.err('สถานะ 2: มีไฟล์ที่ใช้ไม่ได้ / exit 2: some files are unusable');
      return status;
    },
  },
  summary: {
    summary: 'สรุปประจำเดือน / a month of the group (SPEC §6)',
    arguments: '<workbook>',
    help:
      'สรุปประจำเดือนของกลุ่ม / A month of the group (SPEC §6): balances, savings, loans, welfare, members,\n' +
      'households and sub-groups. --json gives every money field in satang.',
    options: {
      month: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      ...ARCHIVE,
    },
    async run([path], values, io) {
      const month = readMonth(values.month, 'summary');
      const checked = await openBooks(path, values);
      const summary = summarise(checked, month);
      io.out(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
      return booksExit(checked, io);
    },
  },
  passbook: viewCommand({
    name: 'passbook',
    idOption: 'member',
    tab: { th: 'สมาชิก', en: 'members' },
    summary: 'สมุดบัญชีสมาชิก / a member’s passbook (text, JSON, HTML or PDF to print)',
    help:
      "สมุดบัญชีสมาชิก / A member's statement: savings with running balance, welfare, loans and repayments.\n" +
      '--format html|pdf [--paper A5|A4] [--out FILE]: the page to print (PDF through Chromium).',
    view: passbook,
    format: formatPassbook,
    page: renderPassbook,
  }),
  household: viewCommand({
    name: 'household',
    idOption: 'household',
    tab: { th: 'ครัวเรือน', en: 'households' },
    summary: 'บัญชีครัวเรือน / a household’s book, debts and way out',
    help:
      'บัญชีครัวเรือน / A household: income and expense by month, savings rate, reducible spending,\n' +
      'debt-to-income, debts in payoff order (highest rate first), months to debt-free, each family plan\n' +
      'followed and a suggested pledge. --format html|pdf [--paper A4|A5] [--out FILE]: the page to print.',
    view: householdView,
    format: formatHousehold,
    page: renderHouseholdPage,
    paper: 'A4',
  }),
  export: {
    summary: 'ส่งออกให้ hledger / beancount / the journal for hledger or beancount',
    arguments: '<workbook>',
    help:
      'ส่งออกสมุดรายวัน / Writes the journal for hledger or beancount, each cash and bank count as a\n' +
      'balance assertion, so an auditor can run `hledger check -f FILE` or `bean-check FILE`.',
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      'as-of': { type: 'string' },
      ...ARCHIVE,
    },
    async run([path], values, io) {
      const format = values.format;
      if (format !== 'hledger' && format !== 'beancount')
        throw new UsageError({
          th: 'export ต้องมี --format hledger หรือ beancount',
          en: 'export needs --format hledger|beancount',
        });
      const checked = await openBooks(path, values);
      const text = exportLedger(checked, format as LedgerFormat);
      if (typeof values.out === 'string') {
        await writeOutput(values.out, text, { force: values.force === true, inputs: [path!] });
        io.out(`เขียนแล้ว / written: ${values.out} (${checked.journal.entries.length} รายการ / entries)`);
      } else io.out(text);
      return booksExit(checked, io);
    },
  },
};

/** The check result as JSON: SPEC §7 with `as_of`, `books` (rows left out or marked) and `closed_check`. */
function checkJson(checked: CheckedBooks) {
  return { ...checked.result, closed_check: checked.closedCheck ?? 'not_needed' };
}

/** A command that shows one member's or household's view of the books. */
function viewCommand<V>(spec: {
  name: string;
  idOption: string;
  tab: Bilingual;
  summary: string;
  help: string;
  view: (checked: CheckedBooks, id: string) => V | undefined;
  format: (view: V) => string;
  /** The view as a page to print (html, pdf), when it has one. */
  page?: (view: V, paper: PaperSize) => string;
  /** The paper it prints on unless --paper says (a passbook A5, a household A4). */
  paper?: PaperSize;
}): Command {
  return {
    summary: spec.summary,
    arguments: '<workbook>',
    help: spec.help,
    options: {
      [spec.idOption]: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      ...(spec.page
        ? {
            format: { type: 'string' },
            paper: { type: 'string' },
            out: { type: 'string' },
            force: { type: 'boolean' },
          }
        : {}),
      ...ARCHIVE,
    },
    async run([path], values, io) {
      const typed = values[spec.idOption];
      if (typeof typed !== 'string')
        throw new UsageError({
          th: `${spec.name} ต้องมี --${spec.idOption} รหัส`,
          en: `${spec.name} needs --${spec.idOption} ID`,
        });
      // the id is read like the ids it is matched with: trimmed, Thai digits as ASCII
      const parsed = parseId(typed);
      const id = parsed.ok ? parsed.value : typed;
      const checked = await openBooks(path, values);
      const view = spec.view(checked, id);
      if (view === undefined)
        throw new UsageError({
          th: `ไม่มีรหัส "${id}" ในแท็บ ${spec.tab.th} (${spec.tab.en})`,
          en: `no ${spec.idOption} "${id}" in the ${spec.tab.en} tab`,
        });
      if (spec.page && values.format !== undefined)
        await printPage((paper) => spec.page!(view, paper), spec.paper ?? 'A5', values, path!, io);
      else io.out(values.json ? JSON.stringify(view, null, 2) : spec.format(view));
      return booksExit(checked, io);
    },
  };
}

/** A view as a page to print: HTML (to --out or standard output) or PDF (to --out, through Chromium). */
async function printPage(
  render: (paper: PaperSize) => string,
  paperByDefault: PaperSize,
  values: Record<string, string | boolean | undefined>,
  input: string,
  io: { out: (text: string) => void },
): Promise<void> {
  const paper = values.paper ?? paperByDefault;
  if (paper !== 'A5' && paper !== 'A4')
    throw new UsageError({ th: '--paper ต้องเป็น A5 หรือ A4', en: '--paper must be A5 or A4' });
  const page = render(paper);
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (values.format === 'html') {
    if (out) await writeOutput(out, page, { force: values.force === true, inputs: [input] });
    else io.out(page);
  } else if (values.format === 'pdf') {
    if (!out) throw new UsageError({ th: 'PDF ต้องมี --out ไฟล์', en: 'a PDF needs --out FILE' });
    const { printPdf } = await import('../browser.ts');
    await writeOutput(out, await printPdf(page, paper), { force: values.force === true, inputs: [input] });
  } else throw new UsageError({ th: '--format ต้องเป็น html หรือ pdf', en: '--format must be html or pdf' });
  if (out) io.out(`เขียนแล้ว / written: ${out}`);
}
