import { join } from 'node:path';
import { CommanderError, Command as Program } from 'commander';
import { ArchiveCorruptError, UnusableWorkbookError } from '../core/index.ts';
import { ARCHIVE_COMMANDS } from './commands/archive.ts';
import { BOOK_COMMANDS } from './commands/books.ts';
import { type Bilingual, CliError, type Command, type Io } from './commands/command.ts';
import { MONTHLY_COMMANDS } from './commands/monthly.ts';
import { REPORT_COMMANDS } from './commands/reports.ts';
import { SERVE_COMMANDS } from './commands/serve.ts';
import { WORKBOOK_COMMANDS } from './commands/workbooks.ts';
import { YEAR_COMMANDS } from './commands/year.ts';
import { ROOT, VERSION } from './root.ts';

export type { Io } from './commands/command.ts';

export const EXAMPLE_WORKBOOK = join(ROOT, 'examples', 'kamlon-m11.xlsx');
/** The example's books run July–October 2026: the demo reads them as of the next morning. */
const DEMO_AS_OF = '2026-11-01';
const DEMO_MONTH = '2026-10';
const DEMO_MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10'];

const COMMANDS: Record<string, Command> = {
  ...BOOK_COMMANDS,
  ...REPORT_COMMANDS,
  ...ARCHIVE_COMMANDS,
  ...SERVE_COMMANDS,
  ...MONTHLY_COMMANDS,
  ...WORKBOOK_COMMANDS,
  ...YEAR_COMMANDS,
  demo: {
    summary: 'ตรวจสมุดตัวอย่าง / check, summarise and archive the example workbook',
    arguments: '',
    help:
      'ตรวจสมุดตัวอย่าง / Checks the example workbook (examples/kamlon-m11.xlsx) and prints the result\n' +
      'and the summary of its last month, archives its months into the embedded archive\n' +
      'and shows the history,\n' +
      `as of ${DEMO_AS_OF} (the day after its books end) unless --as-of says otherwise.`,
    options: { 'as-of': { type: 'string' }, 'data-dir': { type: 'string' }, endpoint: { type: 'string' } },
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

/** What each option means, in Thai and English (one place for every command). */
const OPTION_HELP: Record<string, string> = {
  'as-of': '"วันนี้" สำหรับตรวจวันที่ / "today" for date checks (YYYY-MM-DD, BE accepted)',
  json: 'พิมพ์เป็น JSON / print JSON',
  month: 'เดือน / the month (YYYY-MM; 2569-09 and ก.ย. 2569 accepted)',
  'data-dir': 'โฟลเดอร์คลังข้อมูลในเครื่อง / the embedded archive folder (default: per-user data folder)',
  endpoint: 'DynamoDB จริง / real DynamoDB (URL), instead of the embedded archive',
  out: 'เขียนลงไฟล์ / write to this file',
  force: 'เขียนทับไฟล์ที่มีอยู่ / replace a file that exists',
  format: 'รูปแบบ / format',
  member: 'รหัสสมาชิก / member id',
  household: 'รหัสครัวเรือน / household id',
  households: 'จำนวนครัวเรือน / number of households',
  months: 'จำนวนเดือน / number of months',
  start: 'เดือนแรก / first month (YYYY-MM)',
  seed: 'เลขสุ่มเริ่มต้น / random seed',
  'group-id': 'รหัสกลุ่ม / group id',
  usurious: 'หนี้นอกระบบดอกเบี้ยสูงจริง / informal debts at their real 20%/month',
  text: 'ข้อความล้วน / plain text instead of HTML',
  name: 'ชื่อเครือข่าย / the network name',
  paper: 'ขนาดกระดาษ / paper size: A5 or A4',
  host: 'ที่อยู่ที่รับคำขอ / the address to listen on (default 127.0.0.1)',
  port: 'พอร์ต / the port (default 8787)',
  secrets: 'ไฟล์รหัสลับของกลุ่ม / the groups’ secrets file (JSON)',
  registry: 'ทะเบียนกลุ่ม / the registry of groups (JSON, SPEC §10)',
  'sheets-url': 'Sheets API จำลอง / a server that speaks the Sheets API (sajja sheets-serve)',
  outbox: 'โฟลเดอร์จดหมายออก / where emails (.eml) and LINE messages (JSON) go',
  resend: 'ส่งซ้ำ / send again a month already sent',
  fail: 'ตอบผิดพลาด / answer STATUS:ID (403, 429, 500)',
};

const USAGE_TH: Record<string, string> = {
  'commander.unknownOption': 'ไม่รู้จักตัวเลือกนี้',
  'commander.unknownCommand': 'ไม่รู้จักคำสั่งนี้',
  'commander.missingArgument': 'ขาดข้อมูลที่ต้องระบุ',
  'commander.optionMissingArgument': 'ตัวเลือกนี้ต้องมีค่า',
  'commander.excessArguments': 'ให้ข้อมูลมาเกิน',
  'commander.invalidArgument': 'ค่าไม่ถูกต้อง',
};

/** A commander usage error in Thai and English, its "did you mean" kept in both. */
function usageText(error: CommanderError): Bilingual {
  const en = error.message.replace(/^error: /, '').replace(/\n/g, ' ');
  const meant = /\(Did you mean (.+)\?\)/.exec(en)?.[1];
  const th = `${USAGE_TH[error.code] ?? 'ใช้คำสั่งไม่ถูกต้อง'}${meant ? ` — หมายถึง ${meant} หรือไม่?` : ''}`;
  return { th, en };
}

function toKebab(values: Record<string, unknown>): Record<string, string | boolean | undefined> {
  const out: Record<string, string | boolean | undefined> = {};
  for (const [key, value] of Object.entries(values))
    out[key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)] = value as string | boolean | undefined;
  return out;
}

/** The program, made anew for each run (tests run many in one process). */
function program(io: Io, done: (code: number) => void): Program {
  const root = new Program('sajja')
    .description('สัจจะ: ตรวจสมุดกลุ่มออมทรัพย์แก้หนี้ / checks the books of debt-relief savings groups')
    .version(VERSION, '-V, --version', 'รุ่นของโปรแกรม / the version')
    .helpOption('-h, --help', 'วิธีใช้ / help')
    .helpCommand('help [command]', 'วิธีใช้คำสั่ง / help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, '')),
      writeErr: (text) => io.err(text.replace(/\n$/, '')),
      // usage errors are printed by run(), in Thai and English
      outputError: () => {},
    });
  for (const [name, spec] of Object.entries(COMMANDS)) {
    const command = root
      .command(name)
      .summary(spec.summary)
      .description(spec.help)
      .helpOption('-h, --help', 'วิธีใช้ / help')
      .exitOverride()
      .configureOutput({ outputError: () => {} });
    if (spec.arguments) command.arguments(spec.arguments);
    for (const [option, { type }] of Object.entries(spec.options)) {
      command.option(type === 'string' ? `--${option} <value>` : `--${option}`, OPTION_HELP[option] ?? '');
    }
    command.action(async (...params: unknown[]) => {
      const cmd = params[params.length - 1] as Program;
      const args = cmd.args;
      done(await spec.run(args, toKebab(cmd.opts()), io));
    });
  }
  return root;
}

/** Runs the CLI; returns the exit code (0 fine, 1 the books have errors, 2 unusable input or usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const json = argv.includes('--json');
  if (argv.length === 0) {
    program(io, () => {}).outputHelp();
    return 2;
  }
  let code = 0;
  try {
    await program(io, (c) => {
      code = c;
    }).parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    return failed(error, io, json);
  }
}

/** One clear line for every failure a user can reach, in JSON too with --json; never a stack trace. */
function failed(error: unknown, io: Io, json: boolean): number {
  let code: string;
  let message: Bilingual;
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return 0;
    code = 'usage';
    message = usageText(error);
  } else if (error instanceof CliError) {
    code = error.code;
    message = error.text;
  } else if (error instanceof ArchiveCorruptError) {
    code = 'archive_damaged';
    message = {
      th: `คลังข้อมูลเสียหาย: ${error.message} — ตรวจด้วย sajja verify; สมุดไม่ได้ถูกตำหนิ`,
      en: `${error.message} — sajja verify names every break; the workbook is not blamed`,
    };
  } else if (error && typeof error === 'object' && '$metadata' in error) {
    // an AWS SDK error from the archive (a full disk under the embedded engine, a throttled table)
    code = 'archive_unavailable';
    const { name, message: said } = error as unknown as Error;
    const text = `${name}: ${said}`.slice(0, 200);
    message = { th: `ใช้คลังข้อมูลไม่ได้ (${text})`, en: `the archive could not be used (${text})` };
  } else if (error instanceof UnusableWorkbookError) {
    code = 'unusable_workbook';
    message = { th: `ใช้ไฟล์นี้ไม่ได้: ${error.text.th}`, en: `unusable workbook: ${error.text.en}` };
  } else {
    code = 'internal';
    const text = (error as Error)?.message ?? String(error);
    message = { th: `ข้อผิดพลาดภายใน: ${text}`, en: `internal error: ${text}` };
    if (process.env.SAJJA_DEBUG) io.err(String((error as Error)?.stack ?? error));
  }
  if (json) io.out(JSON.stringify({ error: { code, message } }, null, 2));
  else {
    io.err(`${message.th}\n${message.en}`);
    if (code === 'usage') io.err('sajja help — วิธีใช้ / help');
  }
  return 2;
}

/** Runs the CLI as a process: prints to stdout/stderr and sets the exit code; a closed pipe ends quietly. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const quietOnClosedPipe = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  };
  process.stdout.on('error', quietOnClosedPipe);
  process.stderr.on('error', quietOnClosedPipe);
  const io: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };
  process.exitCode = await run(argv, io);
}
