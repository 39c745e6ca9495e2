import { writeFile } from 'node:fs/promises';
import { exportLedger, type LedgerFormat } from '../../core/export/plain-ledger.ts';
import { type CheckedBooks, isMonth } from '../../core/index.ts';
import { householdView } from '../../core/reports/household-view.ts';
import { passbook } from '../../core/reports/passbook.ts';
import { summariseMonth } from '../../core/summary/monthly-summary.ts';
import { ARCHIVE_OPTIONS } from '../archive/options.ts';
import { formatCheck } from '../format-check.ts';
import { formatHousehold, formatPassbook, formatSummary } from '../format-reports.ts';
import { type Command, openBooks, UsageError } from './command.ts';

/** Commands that read a group's books: check, summary, passbook, household, export. */
export const BOOK_COMMANDS: Record<string, Command> = {
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
      const { result, journal } = await openBooks(path, values);
      io.out(values.json ? JSON.stringify(result, null, 2) : formatCheck(result, journal.excluded));
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
