import {
  type CheckedBooks,
  groupReportData,
  groupReportText,
  type NetworkGroup,
  networkReportData,
  networkReportText,
  renderGroupReport,
  renderNetworkReport,
} from '../../core/index.ts';
import { todayIn } from '../clock.ts';
import { writeOutput } from '../output.ts';
import { booksExit, CliError, type Command, openBooks, readMonth, UsageError } from './command.ts';

/** The report a coordinator receives (SPEC §11): one workbook, the group's; several, the network's. */
export const REPORT_COMMANDS: Record<string, Command> = {
  report: {
    summary: 'รายงานประจำเดือน / the monthly report of a group, or of a network',
    arguments: '<workbooks...>',
    help:
      'รายงานประจำเดือน / The monthly report (SPEC §11) as one self-contained HTML page (email-safe,\n' +
      'phone-sized, printable on A4). One workbook: the group report; several: the network report,\n' +
      'groups that need a visit first. --text prints the plain-text alternative.',
    options: {
      month: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      text: { type: 'boolean' },
      name: { type: 'string' },
      'as-of': { type: 'string' },
      'data-dir': { type: 'string' },
      endpoint: { type: 'string' },
    },
    async run(paths, values, io) {
      if (paths.length === 0) throw new UsageError({ th: 'ต้องระบุไฟล์สมุด', en: 'report needs a workbook' });
      const month = readMonth(values.month, 'report');
      const today = todayIn();
      let page: string;
      let status: number;
      if (paths.length === 1) {
        const checked = await openBooks(paths[0], values);
        const data = groupReportData(checked, month, today);
        page = values.text ? groupReportText(data) : renderGroupReport(data);
        status = booksExit(checked, io);
      } else {
        const groups: NetworkGroup[] = [];
        for (const path of paths) {
          try {
            const checked: CheckedBooks = await openBooks(path, values);
            groups.push({ group_id: checked.book.settings.group_id || path, checked });
          } catch (error) {
            if (error instanceof UsageError) throw error;
            const why =
              error instanceof CliError
                ? error.text
                : { th: (error as Error).message, en: (error as Error).message };
            groups.push({ group_id: path, error: why });
          }
        }
        const name = typeof values.name === 'string' ? values.name : 'เครือข่าย / network';
        const data = networkReportData(name, groups, month, today);
        page = values.text ? networkReportText(data) : renderNetworkReport(data);
        status = data.rows.some((r) => !r.reported || r.errors > 0) ? 1 : 0;
        if (status === 1)
          io.err('สถานะ 1: มีกลุ่มที่มีข้อผิดพลาดหรือไม่ได้รายงาน / exit 1: some groups have errors or did not report');
      }
      if (typeof values.out === 'string') {
        await writeOutput(values.out, page, { force: values.force === true, inputs: paths });
        io.out(`เขียนรายงานแล้ว / report written: ${values.out} (${Buffer.byteLength(page)} bytes)`);
      } else io.out(page);
      return status;
    },
  },
};
