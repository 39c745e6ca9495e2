import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { generateWorkbook } from '../generate/generate-workbook.ts';
import { batchGetFromWorkbook } from '../sources/batchget-json.ts';
import { type Command, positive, UsageError } from './command.ts';

/** exceljs takes a while to load: only commands that write .xlsx pay for it. */
const writeXlsx = async (...args: Parameters<typeof import('../sources/write-xlsx.ts').writeXlsx>) =>
  (await import('../sources/write-xlsx.ts')).writeXlsx(...args);

/** Commands that make workbooks: template, generate. */
export const WORKBOOK_COMMANDS: Record<string, Command> = {
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
};
