import type { parseArgs } from 'node:util';
import { type CheckedBooks, checkBooks, type IsoDate, parseDate } from '../../core/index.ts';
import { todayIn } from '../clock.ts';
import { loadWorkbook } from '../sources/load-workbook.ts';

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A misused command: the CLI prints the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Command {
  usage: string;
  help: string;
  options: NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  run: (args: string[], values: Record<string, string | boolean | undefined>, io: Io) => Promise<number>;
}

/** The AWS SDK and the embedded engine take a while to load: only archive work pays for them. */
export const archiveCommands = () => import('../archive/archive-commands.ts');

/** Loads and checks a workbook for the commands that read its books. */
export async function openBooks(
  path: string | undefined,
  values: Record<string, unknown>,
): Promise<CheckedBooks> {
  if (!path) throw new UsageError('a workbook is needed');
  const asOf = values['as-of'] === undefined ? undefined : readAsOf(String(values['as-of']));
  const checked = checkBooks(await loadWorkbook(path), { asOf: asOf ?? ((zone) => todayIn(zone)) });
  if (checked.book.settings.closed_through === undefined) return checked;
  return (await archiveCommands()).checkClosedPeriods(checked, values);
}

export function readAsOf(text: string): IsoDate {
  const parsed = parseDate(text, { calendar: 'buddhist', timeZone: 'Asia/Bangkok' });
  if (!parsed.ok) throw new UsageError(`--as-of: "${text}" is not a date (YYYY-MM-DD)`);
  return parsed.value;
}

export function positive(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number above 0`);
  return n;
}
