import { yearEnd } from '../../core/index.ts';
import { formatYearEnd } from '../format-year.ts';
import { booksExit, type Command, openBooks, UsageError } from './command.ts';

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
      return booksExit(checked, io);
    },
  },
};
