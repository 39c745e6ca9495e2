import type { CellValue } from '../cell.ts';
import { HIDDEN_CHARACTERS, hasInvisible, toArabicDigits } from '../thai-text.ts';
import { buildLookup, findKey } from './enumeration.ts';
import { CATEGORIES } from './enumerations.ts';
import { memoise } from './memoise.ts';
import { fail, ok, type Parsed } from './parsed.ts';

/** Longest id and longest free text a cell may hold. */
export const MAX_ID_LENGTH = 64;
export const MAX_TEXT_LENGTH = 2000;

/** Text from any cell value, as a person would read it (numbers without float noise). */
function asText(value: CellValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Short text worth remembering (a long or odd value is read each time: it is rare, and big). */
const memorable = (value: CellValue): value is string | number =>
  typeof value === 'number' || (typeof value === 'string' && value.length <= 100);

/** Ids repeat down a sheet (members, loans): each distinct one is read once. */
const idOf = memoise((value: string | number) => readId(value), 50_000);

/** Reads an id: trimmed, Thai digits as ASCII; no commas, hidden characters or formula text. */
export function parseId(value: CellValue): Parsed<string> {
  return memorable(value) ? idOf(value) : readId(value);
}

function readId(value: CellValue): Parsed<string> {
  const raw = asText(value);
  if (raw === undefined) return fail(typeof value === 'number' ? 'not_finite' : 'wrong_type');
  const id = toArabicDigits(raw.normalize('NFC')).trim();
  if (id.length > MAX_ID_LENGTH) return fail('text_too_long');
  // a look-alike id (a zero-width space after M0001) would be a second member: refused, and named
  if (HIDDEN_CHARACTERS.test(id) || hasInvisible(id)) return fail('id_invisible');
  if (id.startsWith('=')) return fail('text_formula');
  if (/[,\n\r\t]/.test(id)) return fail('id_format');
  return ok(id);
}

/** Reads a comma-separated list of ids (guarantors); empty parts are skipped. */
export function parseIdList(value: CellValue): Parsed<string[]> {
  const raw = asText(value);
  if (raw === undefined) return fail('wrong_type');
  const ids: string[] = [];
  for (const part of raw.split(/[,،、]/)) {
    if (part.trim() === '') continue;
    const id = parseId(part);
    if (!id.ok) return id;
    ids.push(id.value);
  }
  return ok(ids);
}

/** Reads free text: kept as typed (trimmed), but not too long, no hidden characters, no formula text. */
export function parseText(value: CellValue): Parsed<string> {
  const raw = asText(value) ?? (typeof value === 'boolean' ? String(value) : undefined);
  if (raw === undefined) return fail(typeof value === 'number' ? 'not_finite' : 'wrong_type');
  const text = raw.trim();
  if (text.length > MAX_TEXT_LENGTH) return fail('text_too_long');
  if (HIDDEN_CHARACTERS.test(text) || /\r/.test(text)) return fail('text_hidden_chars');
  if (text.startsWith('=')) return fail('text_formula');
  return ok(text);
}

/** Reads one-line text (a name, a category, a creditor): free text without a line break. */
export function parseLine(value: CellValue): Parsed<string> {
  const text = parseText(value);
  if (text.ok && /[\n\u2028\u2029]/.test(text.value)) return fail('text_line_break');
  return text;
}

/** Reads a whole number (persons, months, days), from a number or text with Thai digits. */
export function parseInteger(value: CellValue): Parsed<number> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('not_finite');
    return Number.isInteger(value) ? ok(value) : fail('int_format');
  }
  if (typeof value !== 'string') return fail('wrong_type');
  const text = toArabicDigits(value).trim().replace(/,/g, '');
  if (!/^\d{1,9}$/.test(text)) return fail('int_format');
  return ok(Number(text));
}

/** Reads a percentage in points (`1` or `1%` is one percent); never negative. */
export function parsePercent(value: CellValue): Parsed<number> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('not_finite');
    return value < 0 ? fail('percent_format') : ok(value);
  }
  if (typeof value !== 'string') return fail('wrong_type');
  const text = toArabicDigits(value)
    .trim()
    .replace(/\s*(%|เปอร์เซ็นต์|ร้อยละ)\s*/g, '');
  if (!/^\d{1,4}(\.\d{1,6})?$/.test(text)) return fail('percent_format');
  return ok(Number(text));
}

/** Reads a comma-separated list of e-mail addresses. */
export function parseEmails(value: CellValue): Parsed<string[]> {
  if (typeof value !== 'string') return fail('wrong_type');
  const emails = value
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return emails.every((email) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    ? ok(emails)
    : fail('email_format');
}

const categoryLookups = {
  expense: buildLookup(CATEGORIES.expense),
  income: buildLookup(CATEGORIES.income),
};

/**
 * Reads a category: a known key or its Thai word becomes the key; any other text is kept as
 * typed (the groups name their own categories).
 */
export function parseCategory(value: CellValue, kind: 'income' | 'expense' | undefined): Parsed<string> {
  if (typeof value !== 'string' || !memorable(value)) return readCategory(value, kind);
  return (kind === 'income' ? incomeCategory : kind === 'expense' ? expenseCategory : anyCategory)(value);
}

const incomeCategory = memoise((value: string) => readCategory(value, 'income'));
const expenseCategory = memoise((value: string) => readCategory(value, 'expense'));
const anyCategory = memoise((value: string) => readCategory(value, undefined));

function readCategory(value: CellValue, kind: 'income' | 'expense' | undefined): Parsed<string> {
  const text = parseLine(value);
  if (!text.ok) return text;
  const lookups = kind ? [categoryLookups[kind]] : [categoryLookups.expense, categoryLookups.income];
  for (const lookup of lookups) {
    // `ค่าอาหาร` is the cost of food: the word after "ค่า" (cost of) names the category too
    const key = findKey(lookup, text.value) ?? findKey(lookup, text.value.replace(/^ค่า\s*/, ''));
    if (key !== undefined) return ok(key);
  }
  return text;
}
