import {
  archiveAnswer,
  archiveMonth,
  batchGetFromWorkbook,
  recordsOf,
  renderYearMeeting,
  withYearEndRows,
  yearEnd,
  yearSnapshot,
} from '../../core/index.ts';
import { formatYearEnd } from '../format-year.ts';
import { writeOutput } from '../output.ts';
import { loadWorkbook } from '../sources/load-workbook.ts';
import { booksExit, type Command, openBooks, readAsOf, UsageError } from './command.ts';

const ARCHIVE = { 'data-dir': { type: 'string' }, endpoint: { type: 'string' } } as const;

/** The group's year: the year-end share-out (SPEC §13). */
export const YEAR_COMMANDS: Record<string, Command> = {
  'year-end': {
    summary: 'ปันผลและเฉลี่ยคืนสิ้นปี / the year-end share-out of the profit (SPEC §13)',
    arguments: '<workbook>',
    help:
      'ปันผลและเฉลี่ยคืน / The year-end: the profit and loss, the allocation by the bylaws (rules tab),\n' +
      "every member's dividend under the three methods (the bylaws' marked) and interest refund, who is\n" +
      'excluded and why, totals that reconcile to the satang. --year Y (2026 or 2569): the fiscal year\n' +
      "ending in Y. --json: SPEC §13's JSON, money in satang.",
    options: {
      year: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      report: { type: 'string' },
      archive: { type: 'boolean' },
      date: { type: 'string' },
      force: { type: 'boolean' },
      ...ARCHIVE,
    },
    async run([path], values, io) {
      const year = Number(values.year);
      if (!/^\d{4}$/.test(String(values.year ?? '')) || year < 1900)
        throw new UsageError({
          th: '--year ต้องเป็นปีบัญชี เช่น 2569 หรือ 2026',
          en: '--year needs the fiscal year, e.g. 2026 or 2569',
        });
      const checked = await openBooks(path, values);
      const year_end = yearEnd(checked, year);
      io.out(values.json ? JSON.stringify(year_end, null, 2) : formatYearEnd(year_end, checked.result.as_of));
      if (typeof values.out === 'string') {
        const date = typeof values.date === 'string' ? readAsOf(values.date) : checked.result.as_of;
        const filled = withYearEndRows(
          await loadWorkbook(path!),
          year_end,
          date,
          checked.book.settings.calendar,
        );
        const bytes = values.out.toLowerCase().endsWith('.json')
          ? `${JSON.stringify(batchGetFromWorkbook(filled))}\n`
          : await (await import('../sources/write-xlsx.ts')).writeXlsx(filled);
        await writeOutput(values.out, bytes, { force: values.force === true, inputs: [path!] });
        io.err(`เขียนแถวปันผลและเฉลี่ยคืนแล้ว / year-end rows written: ${values.out}`);
      }
      if (typeof values.report === 'string') {
        const names = new Map(recordsOf(checked.book, 'members').map((m) => [m.member_id, m.name]));
        const page = renderYearMeeting(year_end, checked.book.settings.group_name, names);
        const pdf = values.report.toLowerCase().endsWith('.pdf');
        const bytes = pdf ? await (await import('../browser.ts')).printPdf(page, 'A4') : page;
        await writeOutput(values.report, bytes, { force: values.force === true, inputs: [path!] });
        io.err(`เขียนหน้าประชุมใหญ่แล้ว / the annual meeting's page written: ${values.report}`);
      }
      if (values.archive === true) {
        if (year_end.to >= checked.result.as_of)
          throw new UsageError({
            th: `เก็บปีบัญชีลงคลังไม่ได้: ยังไม่สิ้นปี (${year_end.to})`,
            en: `cannot archive the year: it has not ended (${year_end.to})`,
          });
        const made = yearSnapshot(checked, year);
        const { withArchive } = await import('../archive/archive-commands.ts');
        const result = await withArchive(values, (archive) =>
          archiveMonth(archive.store, made, new Date().toISOString()),
        );
        const answer = archiveAnswer(result);
        io.err(
          `${result.created ? 'เก็บปีบัญชีลงคลังแล้ว / year archived' : 'มีอยู่แล้ว ไม่เปลี่ยน / already archived, unchanged'}: ${answer.month} v${answer.version} ${answer.hash}`,
        );
      }
      return booksExit(checked, io);
    },
  },
};
