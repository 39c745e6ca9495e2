import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ARCHIVE_OPTIONS } from './archive/options.ts';
import { ARCHIVE_COMMANDS } from './commands/archive.ts';
import { BOOK_COMMANDS } from './commands/books.ts';
import { type Command, type Io, UsageError } from './commands/command.ts';
import { WORKBOOK_COMMANDS } from './commands/workbooks.ts';
import { UnusableWorkbookError } from './sources/batchget-json.ts';

export type { Io } from './commands/command.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLE_WORKBOOK = join(ROOT, 'examples', 'kamlon-m11.xlsx');
/** The example's books run July–October 2026: the demo reads them as of the next morning. */
const DEMO_AS_OF = '2026-11-01';
const DEMO_MONTH = '2026-10';
const DEMO_MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10'];

const COMMANDS: Record<string, Command> = {
  ...BOOK_COMMANDS,
  ...ARCHIVE_COMMANDS,
  ...WORKBOOK_COMMANDS,
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
