import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CheckedBooks,
  checkBooks,
  DEFAULT_ZONE,
  type IsoDate,
  parseDate,
  parseMonth,
} from '../../core/index.ts';
import { dataDirOf } from '../archive/data-dir.ts';
import { todayIn } from '../clock.ts';
import { loadWorkbook } from '../sources/load-workbook.ts';

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A message in Thai, with English beside it. */
export interface Bilingual {
  th: string;
  en: string;
}

const bilingual = (message: string | Bilingual): Bilingual =>
  typeof message === 'string' ? { th: message, en: message } : message;

/** A failure the CLI explains in one bilingual line and exits 2 for (never a stack trace). */
export class CliError extends Error {
  readonly text: Bilingual;
  constructor(
    readonly code: string,
    message: string | Bilingual,
    options?: ErrorOptions,
  ) {
    const text = bilingual(message);
    super(text.en, options);
    this.text = text;
  }
}

/** A misused command: the CLI prints the usage and exits 2. */
export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string | Bilingual) {
    super('usage', message);
  }
}

/** A file that cannot be read or written where the user asked (exit 2). */
export class FileError extends CliError {
  override name = 'FileError';
  constructor(message: string | Bilingual, options?: ErrorOptions) {
    super('file', message, options);
  }
}

/** An option: a value (`--month 2026-09`) or a switch (`--json`). */
export interface OptionSpec {
  type: 'string' | 'boolean';
}

export interface Command {
  /** One line for the list of commands, Thai / English. */
  summary: string;
  /** The arguments after the command's name, as commander writes them: `<workbook>`, `<workbooks...>`. */
  arguments: string;
  help: string;
  options: Record<string, OptionSpec>;
  run: (args: string[], values: Record<string, string | boolean | undefined>, io: Io) => Promise<number>;
}

/** The AWS SDK and the embedded engine take a while to load: only archive work pays for them. */
export const archiveCommands = () => import('../archive/archive-commands.ts');

/** Loads and checks a workbook for the commands that read its books. */
export async function openBooks(
  path: string | undefined,
  values: Record<string, unknown>,
): Promise<CheckedBooks> {
  if (!path) throw new UsageError({ th: 'ต้องระบุไฟล์สมุด', en: 'a workbook is needed' });
  const asOf = values['as-of'] === undefined ? undefined : readAsOf(String(values['as-of']));
  const checked = checkBooks(await loadWorkbook(path), { asOf: asOf ?? ((zone) => todayIn(zone)) });
  // the archive is the truth: an archive there is compared whatever closed_through says (issue 19)
  if (
    typeof values.endpoint !== 'string' &&
    !existsSync(join(dataDirOf(values['data-dir'] as string | undefined), 'dynamo'))
  )
    return checked.book.settings.closed_through === undefined
      ? checked
      : { ...checked, closedCheck: 'no_archive' };
  return (await archiveCommands()).checkClosedPeriods(checked, values);
}

export function readAsOf(text: string): IsoDate {
  const parsed = parseDate(text, { calendar: 'buddhist', timeZone: DEFAULT_ZONE });
  if (!parsed.ok)
    throw new UsageError({
      th: `--as-of: "${text}" ไม่ใช่วันที่ (เช่น 2026-09-30 หรือ 30/9/2569)`,
      en: `--as-of: "${text}" is not a date (e.g. 2026-09-30 or 30/9/2569)`,
    });
  return parsed.value;
}

/** `--month`: `YYYY-MM`, a Buddhist year (`2569-09` is 2026-09), or `ก.ย. 2569`, `9/2569`. */
export function readMonth(value: unknown, command: string): string {
  const parsed = typeof value === 'string' ? parseMonth(value) : undefined;
  if (!parsed?.ok)
    throw new UsageError({
      th: `${command} ต้องมี --month เป็นเดือน เช่น 2026-09, 2569-09 หรือ ก.ย. 2569`,
      en: `${command} needs --month as a month, e.g. 2026-09, 2569-09 or ก.ย. 2569`,
    });
  return parsed.value;
}

export function positive(value: unknown, fallback: number, name: string, max = 1_000_000): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError({
      th: `--${name} ต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง ${max.toLocaleString('en')}`,
      en: `--${name} must be a whole number from 1 to ${max.toLocaleString('en')}`,
    });
  return n;
}

/**
 * The exit status of a command that read books: 0, or 1 when the books have errors — with one
 * line on standard error that says so, so a 1 is never a mystery.
 */
export function booksExit(checked: CheckedBooks, io: Io): number {
  const { error } = checked.result.counts;
  if (error === 0) return 0;
  io.err(
    `สถานะ 1: สมุดมีข้อผิดพลาด ${error} รายการ (ดูด้วย sajja check) / exit 1: the books have ${error} error${error === 1 ? '' : 's'} (see sajja check)`,
  );
  return 1;
}
