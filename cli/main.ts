import { writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { archiveMonth } from '../core/archive/archive-month.ts';
import { diffRows } from '../core/archive/diff-rows.ts';
import { buildSnapshot, monthRows } from '../core/archive/snapshot.ts';
import { verifyChain } from '../core/archive/verify-chain.ts';
import { exportLedger, type LedgerFormat } from '../core/export/plain-ledger.ts';
import {
  a1,
  type CheckedBooks,
  checkBooks,
  type IsoDate,
  isMonth,
  monthBounds,
  parseDate,
} from '../core/index.ts';
import { householdView } from '../core/reports/household-view.ts';
import { passbook } from '../core/reports/passbook.ts';
import { summariseMonth } from '../core/summary/monthly-summary.ts';
import { ARCHIVE_OPTIONS } from './archive/options.ts';
import { todayIn } from './clock.ts';
import { formatCheck } from './format-check.ts';
import { formatHousehold, formatPassbook, formatSummary } from './format-reports.ts';
import { generateWorkbook } from './generate/generate-workbook.ts';
import { batchGetFromWorkbook, UnusableWorkbookError } from './sources/batchget-json.ts';
import { loadWorkbook } from './sources/load-workbook.ts';

/** The AWS SDK and the embedded engine take a while to load: only archive work pays for them. */
const archiveCommands = () => import('./archive/archive-commands.ts');
const withArchive: typeof import('./archive/archive-commands.ts').withArchive = async (values, work) =>
  (await archiveCommands()).withArchive(values, work);
const readSnapshot: typeof import('./archive/archive-commands.ts').readSnapshot = async (archive, commit) =>
  (await archiveCommands()).readSnapshot(archive, commit);

/** exceljs takes a while to load: only commands that write .xlsx pay for it. */
const writeXlsx = async (...args: Parameters<typeof import('./sources/write-xlsx.ts').writeXlsx>) =>
  (await import('./sources/write-xlsx.ts')).writeXlsx(...args);

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {
  override name = 'UsageError';
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLE_WORKBOOK = join(ROOT, 'examples', 'kamlon-m11.xlsx');
/** The example's books run July–October 2026: the demo reads them as of the next morning. */
const DEMO_AS_OF = '2026-11-01';
const DEMO_MONTH = '2026-10';
const DEMO_MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10'];

interface Command {
  usage: string;
  help: string;
  options: NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  run: (args: string[], values: Record<string, string | boolean | undefined>, io: Io) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  check: {
    usage: 'sajja check <workbook.xlsx|batchget.json> [--as-of YYYY-MM-DD] [--json]',
    help:
      'ตรวจสมุดทุกแท็บ บอกทุกช่องที่ผิดพร้อมที่อยู่ช่อง / Checks every tab and names every wrong cell.\n' +
      'Exit 0: no errors · 1: errors found · 2: unusable file or usage.\n' +
      '--as-of  "today" for date checks (default: today in the group\'s time zone); BE dates accepted\n' +
      '--json   the SPEC §7 JSON: {group_id, ok, counts, findings}',
    options: { 'as-of': { type: 'string' }, json: { type: 'boolean' }, ...ARCHIVE_OPTIONS },
    async run([path], values, io) {
      if (!path) throw new UsageError('check needs a workbook');
      const { result } = await openBooks(path, values);
      io.out(values.json ? JSON.stringify(result, null, 2) : formatCheck(result));
      return result.ok ? 0 : 1;
    },
  },
  summary: {
    usage: 'sajja summary <workbook> --month YYYY-MM [--as-of YYYY-MM-DD] [--json]',
    help:
      'สรุปประจำเดือนของกลุ่ม / A month of the group (SPEC §6): balances, savings, loans, welfare, members,\n' +
      'households and sub-groups. --json gives every money field in satang.',
    options: { month: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } },
    async run([path], values, io) {
      const month = String(values.month ?? '');
      if (!isMonth(month)) throw new UsageError('summary needs --month YYYY-MM');
      const checked = await openBooks(path, values);
      const summary = summariseMonth(checked, month);
      io.out(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
      return checked.result.ok ? 0 : 1;
    },
  },
  passbook: viewCommand({
    name: 'passbook',
    idOption: 'member',
    tab: 'members',
    help: "สมุดบัญชีสมาชิก / A member's statement: savings with running balance, welfare, loans and repayments.",
    view: passbook,
    format: formatPassbook,
  }),
  household: viewCommand({
    name: 'household',
    idOption: 'household',
    tab: 'households',
    help:
      'บัญชีครัวเรือน / A household: income and expense by month, savings rate, reducible spending,\n' +
      'debt-to-income, debts in payoff order (highest rate first) and months to debt-free.',
    view: householdView,
    format: formatHousehold,
  }),
  export: {
    usage: 'sajja export <workbook> --format hledger|beancount [--out FILE] [--as-of YYYY-MM-DD]',
    help:
      'ส่งออกสมุดรายวัน / Writes the journal for hledger or beancount, each cash and bank count as a\n' +
      'balance assertion, so an auditor can run `hledger check -f FILE` or `bean-check FILE`.',
    options: { format: { type: 'string' }, out: { type: 'string' }, 'as-of': { type: 'string' } },
    async run([path], values, io) {
      const format = values.format;
      if (format !== 'hledger' && format !== 'beancount')
        throw new UsageError('export needs --format hledger|beancount');
      const checked = await openBooks(path, values);
      const text = exportLedger(checked, format as LedgerFormat);
      if (typeof values.out === 'string') {
        await writeFile(values.out, text);
        io.out(`เขียนแล้ว / written: ${values.out} (${checked.journal.entries.length} entries)`);
      } else io.out(text);
      return checked.result.ok ? 0 : 1;
    },
  },
  archive: {
    usage: 'sajja archive <workbook> --month YYYY-MM [--json] [--data-dir DIR | --endpoint URL]',
    help:
      'เก็บสแนปช็อตของเดือน / Archives a month as an immutable, hash-chained snapshot. Identical content\n' +
      'creates nothing; changed content becomes a new version. Embedded DynamoDB under --data-dir\n' +
      '(default .sajja/, or SAJJA_DATA_DIR); --endpoint URL for real DynamoDB.',
    options: { month: { type: 'string' }, json: { type: 'boolean' }, ...ARCHIVE_OPTIONS },
    async run([path], values, io) {
      const month = String(values.month ?? '');
      if (!isMonth(month)) throw new UsageError('archive needs --month YYYY-MM');
      if (!path) throw new UsageError('archive needs a workbook');
      const snapshot = buildSnapshot(await loadWorkbook(path), month);
      if (!snapshot.content.group_id) throw new UsageError('the workbook has no group_id in its settings');
      const result = await withArchive(values, (archive) =>
        archiveMonth(archive.store, snapshot, new Date().toISOString()),
      );
      const c = result.commit;
      const out = {
        group_id: c.group_id,
        month: c.month,
        version: c.version,
        hash: c.hash,
        prev_hash: c.prev_hash,
        created: result.created,
        bytes_raw: c.bytes_raw,
        bytes_stored: c.bytes_stored,
        items: result.items,
      };
      io.out(
        values.json
          ? JSON.stringify(out, null, 2)
          : `${result.created ? 'เก็บแล้ว / archived' : 'มีอยู่แล้ว ไม่เปลี่ยน / already archived, unchanged'}: ${c.group_id} ${c.month} v${c.version} ` +
              `${c.hash.slice(0, 12)}… (${c.bytes_raw} → ${c.bytes_stored} bytes, ${result.items} items)`,
      );
      return 0;
    },
  },
  history: {
    usage: 'sajja history <group_id> [--json] [--data-dir DIR | --endpoint URL]',
    help: "ประวัติสแนปช็อต / Lists a group's archived snapshots in chain order.",
    options: { json: { type: 'boolean' }, ...ARCHIVE_OPTIONS },
    async run([groupId], values, io) {
      if (!groupId) throw new UsageError('history needs a group_id');
      const commits = await withArchive(values, (archive) => archive.store.history(groupId));
      if (values.json) io.out(JSON.stringify(commits, null, 2));
      else {
        io.out(`ประวัติ / history — ${groupId}: ${commits.length} สแนปช็อต / snapshots`);
        for (const c of commits) {
          io.out(
            `  #${c.seq}  ${c.month} v${c.version}  ${c.hash.slice(0, 16)}…  ← ${c.prev_hash?.slice(0, 16) ?? '—'}  ${c.created}`,
          );
        }
      }
      return 0;
    },
  },
  verify: {
    usage: 'sajja verify <group_id> [--json] [--data-dir DIR | --endpoint URL]',
    help: 'ตรวจสายโซ่ / Re-reads every snapshot, recomputes hashes and the chain, and names any break (exit 1).',
    options: { json: { type: 'boolean' }, ...ARCHIVE_OPTIONS },
    async run([groupId], values, io) {
      if (!groupId) throw new UsageError('verify needs a group_id');
      const report = await withArchive(values, (archive) => verifyChain(archive.store, groupId));
      if (values.json) io.out(JSON.stringify(report, null, 2));
      else {
        io.out(
          report.ok
            ? `✓ สายโซ่ครบถ้วน / chain intact: ${report.snapshots} snapshots`
            : `✗ สายโซ่ขาด / chain broken: ${report.breaks.length} of ${report.snapshots}`,
        );
        for (const b of report.breaks)
          io.out(`  #${b.seq} ${b.month} v${b.version}: ${b.message.th} / ${b.message.en}`);
      }
      return report.ok ? 0 : 1;
    },
  },
  diff: {
    usage: 'sajja diff <workbook> --month YYYY-MM [--json] [--data-dir DIR | --endpoint URL]',
    help: 'เทียบกับสแนปช็อต / Rows added, removed and changed (with cells) since the month was archived; exit 1 when any.',
    options: { month: { type: 'string' }, json: { type: 'boolean' }, ...ARCHIVE_OPTIONS },
    async run([path], values, io) {
      const month = String(values.month ?? '');
      if (!isMonth(month)) throw new UsageError('diff needs --month YYYY-MM');
      // the rows read do not depend on "today": read them as of the month's end
      const checked = await openBooks(path, { ...values, 'as-of': monthBounds(month).last });
      const groupId = checked.book.settings.group_id;
      const archived = await withArchive(values, async (archive) => {
        const versions = await archive.store.versions(groupId, month);
        const last = versions[versions.length - 1];
        return last ? { commit: last, content: await readSnapshot(archive, last) } : undefined;
      });
      if (!archived) throw new UsageError(`${groupId} ${month} has not been archived`);
      const changes = diffRows(archived.content.rows, monthRows(checked.book.tables, month)).map((change) => {
        const layout = checked.book.context.layouts.get(change.sheet as never);
        const cellOf = (column: string) => {
          const index = layout?.columns.get(column);
          return change.kind === 'removed' || index === undefined ? null : a1(index, change.row);
        };
        return { ...change, cells: change.cells.map((c) => ({ ...c, cell: cellOf(c.column) })) };
      });
      const out = {
        group_id: groupId,
        month,
        version: archived.commit.version,
        hash: archived.commit.hash,
        changes,
      };
      if (values.json) io.out(JSON.stringify(out, null, 2));
      else {
        io.out(
          `เทียบกับสแนปช็อต / diff — ${groupId} ${month} v${archived.commit.version}: ${changes.length} แถว / rows`,
        );
        for (const c of changes) {
          const what = { added: 'เพิ่ม / added', removed: 'ลบ / removed', changed: 'แก้ / changed' }[c.kind];
          io.out(`  ${c.sheet} row ${c.row}: ${what}`);
          for (const cell of c.cells)
            io.out(
              `    ${cell.cell ?? cell.column}: ${JSON.stringify(cell.before)} → ${JSON.stringify(cell.after)}`,
            );
        }
      }
      return changes.length === 0 ? 0 : 1;
    },
  },
  template: {
    usage: 'sajja template <out.xlsx>',
    help: 'เขียนสมุดเปล่าตามแม่แบบ / Writes the empty template workbook (Thai tabs and headers, dropdowns).',
    options: {},
    async run([path], _values, io) {
      if (!path || extname(path).toLowerCase() !== '.xlsx')
        throw new UsageError('template needs an .xlsx path');
      await writeFile(path, await writeXlsx(undefined));
      io.out(`เขียนแม่แบบแล้ว / template written: ${path}`);
      return 0;
    },
  },
  generate: {
    usage:
      'sajja generate <out.xlsx|out.json> [--households N] [--months N] [--start YYYY-MM] [--seed N] [--group-id ID] [--usurious]',
    help:
      'สร้างสมุดตัวอย่างที่สมจริง / Generates a realistic example group workbook (clean unless --usurious,\n' +
      'which surveys informal debts at their real 20%/month).',
    options: {
      households: { type: 'string' },
      months: { type: 'string' },
      start: { type: 'string' },
      seed: { type: 'string' },
      'group-id': { type: 'string' },
      usurious: { type: 'boolean' },
    },
    async run([path], values, io) {
      const kind = path ? extname(path).toLowerCase() : '';
      if (!path || (kind !== '.xlsx' && kind !== '.json'))
        throw new UsageError('generate needs an .xlsx or .json path');
      const workbook = generateWorkbook({
        groupId: String(values['group-id'] ?? 'kamlon-m11'),
        groupName: 'กลุ่มออมทรัพย์เพื่อแก้ไขปัญหาหนี้สิน บ้านกำโลน หมู่ 11',
        households: positive(values.households, 20, 'households'),
        months: positive(values.months, 4, 'months'),
        start: String(values.start ?? '2026-07'),
        seed: positive(values.seed, 11, 'seed'),
        usuriousRates: values.usurious === true,
      });
      const bytes =
        kind === '.json' ? JSON.stringify(batchGetFromWorkbook(workbook)) : await writeXlsx(workbook);
      await writeFile(path, bytes);
      const rows = workbook.tabs.reduce((sum, tab) => sum + Math.max(0, tab.rows.length - 1), 0);
      io.out(`เขียนสมุดตัวอย่างแล้ว / generated ${path}: ${rows} rows`);
      return 0;
    },
  },
  demo: {
    usage: 'sajja demo [--as-of YYYY-MM-DD]',
    help:
      'ตรวจสมุดตัวอย่าง / Checks the example workbook (examples/kamlon-m11.xlsx) and prints the result\n' +
      'and the summary of its last month, archives its months into the embedded archive (.sajja/)\n' +
      'and shows the history,\n' +
      `as of ${DEMO_AS_OF} (the day after its books end) unless --as-of says otherwise.`,
    options: { 'as-of': { type: 'string' }, ...ARCHIVE_OPTIONS },
    async run(_args, values, io) {
      io.out(`สมุดตัวอย่าง / example workbook: ${EXAMPLE_WORKBOOK}\n`);
      const options = { 'as-of': DEMO_AS_OF, ...values };
      const code = await COMMANDS.check!.run([EXAMPLE_WORKBOOK], options, io);
      io.out('');
      await COMMANDS.summary!.run([EXAMPLE_WORKBOOK], { ...options, month: DEMO_MONTH }, io);
      io.out('\nเก็บทุกเดือนลงคลังข้อมูลในเครื่อง / archiving every month into the embedded archive');
      for (const month of DEMO_MONTHS)
        await COMMANDS.archive!.run([EXAMPLE_WORKBOOK], { ...values, month }, io);
      io.out('');
      await COMMANDS.history!.run(['kamlon-m11'], values, io);
      await COMMANDS.verify!.run(['kamlon-m11'], values, io);
      return code;
    },
  },
};

/** A command that shows one member's or household's view of the books. */
function viewCommand<V>(spec: {
  name: string;
  idOption: string;
  tab: string;
  help: string;
  view: (checked: CheckedBooks, id: string) => V | undefined;
  format: (view: V) => string;
}): Command {
  return {
    usage: `sajja ${spec.name} <workbook> --${spec.idOption} ID [--as-of YYYY-MM-DD] [--json]`,
    help: spec.help,
    options: { [spec.idOption]: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } },
    async run([path], values, io) {
      const id = values[spec.idOption];
      if (typeof id !== 'string') throw new UsageError(`${spec.name} needs --${spec.idOption} ID`);
      const checked = await openBooks(path, values);
      const view = spec.view(checked, id);
      if (view === undefined) throw new UsageError(`no ${spec.idOption} "${id}" in the ${spec.tab} tab`);
      io.out(values.json ? JSON.stringify(view, null, 2) : spec.format(view));
      return checked.result.ok ? 0 : 1;
    },
  };
}

/** Loads and checks a workbook for the commands that read its books. */
async function openBooks(path: string | undefined, values: Record<string, unknown>): Promise<CheckedBooks> {
  if (!path) throw new UsageError('a workbook is needed');
  const asOf = values['as-of'] === undefined ? undefined : readAsOf(String(values['as-of']));
  const checked = checkBooks(await loadWorkbook(path), { asOf: asOf ?? ((zone) => todayIn(zone)) });
  if (checked.book.settings.closed_through === undefined) return checked;
  return (await archiveCommands()).checkClosedPeriods(checked, values);
}

function readAsOf(text: string): IsoDate {
  const parsed = parseDate(text, { calendar: 'buddhist', timeZone: 'Asia/Bangkok' });
  if (!parsed.ok) throw new UsageError(`--as-of: "${text}" is not a date (YYYY-MM-DD)`);
  return parsed.value;
}

function positive(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number above 0`);
  return n;
}

function mainHelp(): string {
  return [
    'sajja — สัจจะ: ตรวจสมุดกลุ่มออมทรัพย์แก้หนี้ / checks the books of debt-relief savings groups',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
    '',
    'sajja <command> --help  for each command',
  ].join('\n');
}

/** Runs the CLI; returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`unknown command "${name}"\n\n${mainHelp()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.out(`${command.usage}\n\n${command.help}`);
      return 0;
    }
    return await command.run(positionals, values as Record<string, string | boolean | undefined>, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n\nusage: ${command.usage}`);
      return 2;
    }
    if (error instanceof UnusableWorkbookError) {
      io.err(`ใช้ไฟล์นี้ไม่ได้ / unusable workbook: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

/** Runs the CLI as a process: prints to stdout/stderr and sets the exit code. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const io: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };
  try {
    process.exitCode = await run(argv, io);
  } catch (error) {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exitCode = 2;
  }
}
