import { extname } from 'node:path';
import { batchGetFromWorkbook, parseMonth } from '../../core/index.ts';
import { generateWorkbook } from '../generate/generate-workbook.ts';
import { writeOutput } from '../output.ts';
import { type Command, positive, UsageError } from './command.ts';

/** exceljs takes a while to load: only commands that write .xlsx pay for it. */
const writeXlsx = async (...args: Parameters<typeof import('../sources/write-xlsx.ts').writeXlsx>) =>
  (await import('../sources/write-xlsx.ts')).writeXlsx(...args);

/** Commands that make workbooks: template, batchget, generate. */
export const WORKBOOK_COMMANDS: Record<string, Command> = {
  template: {
    summary: 'สมุดเปล่าตามแม่แบบ / write the empty template workbook',
    arguments: '<out.xlsx>',
    help: 'เขียนสมุดเปล่าตามแม่แบบ / Writes the empty template workbook (Thai tabs and headers, dropdowns).',
    options: { force: { type: 'boolean' } },
    async run([path], values, io) {
      if (!path || extname(path).toLowerCase() !== '.xlsx')
        throw new UsageError({ th: 'template ต้องระบุไฟล์ .xlsx', en: 'template needs an .xlsx path' });
      await writeOutput(path, await writeXlsx(undefined), { force: values.force === true });
      io.out(`เขียนแม่แบบแล้ว / template written: ${path}`);
      return 0;
    },
  },
  batchget: {
    summary: "สมุดเป็น JSON ของ batchGet / a workbook as the API's batchGet JSON",
    arguments: '<workbook.xlsx> <out.json>',
    help: 'เขียนสมุดเป็น JSON แบบ values.batchGet ของ Google Sheets / Writes a workbook as the Sheets API batchGet JSON: the `workbook` of an API request, and what the monthly job reads from Google.',
    options: { force: { type: 'boolean' } },
    async run([from, to], values, io) {
      if (!from || !to || extname(to).toLowerCase() !== '.json')
        throw new UsageError({
          th: 'batchget ต้องระบุสมุด และไฟล์ .json ที่จะเขียน',
          en: 'batchget needs a workbook and the .json path to write',
        });
      const { loadWorkbook } = await import('../sources/load-workbook.ts');
      const json = JSON.stringify(batchGetFromWorkbook(await loadWorkbook(from)));
      await writeOutput(to, Buffer.from(json, 'utf8'), { force: values.force === true });
      io.out(`เขียนแล้ว / written ${to}: ${Buffer.byteLength(json, 'utf8').toLocaleString('en')} bytes`);
      return 0;
    },
  },
  generate: {
    summary: 'สร้างสมุดตัวอย่าง / generate a realistic example workbook',
    arguments: '<out.xlsx|out.json>',
    help:
      'สร้างสมุดตัวอย่างที่สมจริง / Generates a realistic example group workbook (clean unless --usurious,\n' +
      'which surveys informal debts at their real 20%/month), with bylaws and savings products (shares\n' +
      'each month, voluntary savings) for the year-end; --plain: sajja only, no bylaws.',
    options: {
      households: { type: 'string' },
      months: { type: 'string' },
      start: { type: 'string' },
      seed: { type: 'string' },
      'group-id': { type: 'string' },
      usurious: { type: 'boolean' },
      plain: { type: 'boolean' },
      force: { type: 'boolean' },
    },
    async run([path], values, io) {
      const kind = path ? extname(path).toLowerCase() : '';
      if (!path || (kind !== '.xlsx' && kind !== '.json'))
        throw new UsageError({
          th: 'generate ต้องระบุไฟล์ .xlsx หรือ .json',
          en: 'generate needs an .xlsx or .json path',
        });
      const start =
        values.start === undefined
          ? { ok: true as const, value: '2026-07' }
          : parseMonth(String(values.start));
      if (!start.ok)
        throw new UsageError({
          th: `--start "${values.start}" ไม่ใช่เดือน (เช่น 2026-07)`,
          en: `--start "${values.start}" is not a month (e.g. 2026-07)`,
        });
      const workbook = generateWorkbook({
        groupId: String(values['group-id'] ?? 'kamlon-m11'),
        groupName: 'กลุ่มออมทรัพย์เพื่อแก้ไขปัญหาหนี้สิน บ้านกำโลน หมู่ 11',
        households: positive(values.households, 20, 'households', 20_000),
        months: positive(values.months, 4, 'months', 120),
        start: start.value,
        seed: positive(values.seed, 11, 'seed', 2 ** 31),
        usuriousRates: values.usurious === true,
        products: values.plain !== true,
      });
      const bytes =
        kind === '.json' ? JSON.stringify(batchGetFromWorkbook(workbook)) : await writeXlsx(workbook);
      await writeOutput(path, bytes, { force: values.force === true });
      const rows = workbook.tabs.reduce((sum, tab) => sum + Math.max(0, tab.rows.length - 1), 0);
      io.out(`เขียนสมุดตัวอย่างแล้ว / generated ${path}: ${rows} rows`);
      return 0;
    },
  },
};
