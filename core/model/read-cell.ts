import { DEFAULT_ZONE } from '../calendar.ts';
import type { CellValue } from '../cell.ts';
import { type DateOptions, parseDate, parseMonth } from '../parse/date.ts';
import { parseEnum } from '../parse/enumeration.ts';
import type { EnumerationName } from '../parse/enumerations.ts';
import { parseMoney } from '../parse/money.ts';
import { fail, ok, type Parsed } from '../parse/parsed.ts';
import {
  parseCategory,
  parseEmails,
  parseId,
  parseIdList,
  parseInteger,
  parseLine,
  parsePercent,
  parseText,
} from '../parse/scalars.ts';
import type { ColumnSpec } from './tabs.ts';

/** Reads a non-blank cell as its column's kind says. */
export function readCell(
  column: ColumnSpec,
  value: CellValue,
  dates: DateOptions,
  entryType?: string,
): Parsed<unknown> {
  // a formula's text where a value belongs: the file was saved without its results
  if (typeof value === 'string' && value.startsWith('=') && !TEXT_KINDS.has(column.kind))
    return fail('formula_no_value');
  switch (column.kind) {
    case 'money':
      return parseMoney(value);
    case 'date':
      return parseDate(value, dates);
    case 'id':
      return parseId(value);
    case 'ids':
      return parseIdList(value);
    case 'text':
      // notes may run over several lines; every other text (names, creditors) is one line
      return column.key === 'note' ? parseText(value) : parseLine(value);
    case 'enum':
      return parseEnum(value, column.enumeration!);
    case 'int':
      return parseInteger(value);
    case 'percent':
      return parsePercent(value);
    case 'category':
      return parseCategory(value, entryType === 'income' || entryType === 'expense' ? entryType : undefined);
    case 'emails':
      return parseEmails(value);
    case 'month':
      return parseMonth(value, dates);
    case 'timezone':
      return parseTimeZone(value);
    case 'enums':
      return parseEnumList(value, column.enumeration!);
  }
}

/** A comma-separated list of an enumeration's words or keys: each part must be one; none repeated. */
function parseEnumList(value: CellValue, name: EnumerationName): Parsed<string[]> {
  if (typeof value !== 'string') return fail('wrong_type');
  if (value.length > 500) return fail('enum');
  const keys: string[] = [];
  for (const part of value.split(/[,،、]/)) {
    if (part.trim() === '') continue;
    const key = parseEnum(part.trim(), name);
    if (!key.ok) return key;
    if (!keys.includes(key.value)) keys.push(key.value);
  }
  return keys.length === 0 ? fail('enum') : ok(keys);
}

/** Kinds of free text, where a leading `=` is text that looks like a formula (text_formula). */
const TEXT_KINDS = new Set(['text', 'category', 'emails']);

/** Zones known to exist, so the common case costs no ICU look-up. */
const KNOWN_ZONES = new Set([DEFAULT_ZONE, 'UTC']);

function parseTimeZone(value: CellValue): Parsed<string> {
  const text = parseText(value);
  if (!text.ok || KNOWN_ZONES.has(text.value)) return text;
  try {
    new Intl.DateTimeFormat('en', { timeZone: text.value });
    return ok(text.value);
  } catch {
    return fail('timezone');
  }
}
