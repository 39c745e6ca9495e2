import { CATEGORIES, ENUMERATIONS, type EnumerationName } from '../parse/enumerations.ts';

type WordLists = Record<string, readonly string[]>;

/** Where the Thai words of a key are: an enumeration, or household categories. */
export type LabelKind = EnumerationName | 'expense_category' | 'income_category' | 'category';

function listsOf(kind: LabelKind): WordLists[] {
  if (kind === 'expense_category') return [CATEGORIES.expense];
  if (kind === 'income_category') return [CATEGORIES.income];
  if (kind === 'category') return [CATEGORIES.expense, CATEGORIES.income];
  return [ENUMERATIONS[kind]];
}

/**
 * The Thai word for a key (the one the template's dropdown offers): `alcohol_tobacco` →
 * `เหล้าบุหรี่`. A group's own word (free text) is its own label.
 */
export function thaiLabel(kind: LabelKind, key: string): string {
  for (const words of listsOf(kind)) {
    if (Object.hasOwn(words, key)) return words[key]![0]!;
  }
  return key;
}

/** Thai first with the key beside it, as the CLI and reports show values: `เหล้าบุหรี่ (alcohol_tobacco)`. */
export function bilingualLabel(kind: LabelKind, key: string): string {
  const th = thaiLabel(kind, key);
  return th === key ? key : `${th} (${key})`;
}

/** The allowed values of an enumeration as people see them: `ฝาก (deposit), ถอน (withdrawal)`. */
export function allowedText(name: EnumerationName): string {
  return Object.keys(ENUMERATIONS[name])
    .map((key) => bilingualLabel(name, key))
    .join(', ');
}

/**
 * An entry's default as the template writes it (settings, bylaws): an enumeration by its Thai
 * word, a list of them joined by commas, a number or text as it is; none when there is none.
 */
export function shownDefault(entry: {
  default?: string | number | string[];
  enumeration?: EnumerationName;
}): string | number | null {
  const value = entry.default;
  if (value === undefined) return null;
  if (Array.isArray(value))
    return value.length === 0 || !entry.enumeration
      ? null
      : value.map((key) => thaiLabel(entry.enumeration!, key)).join(', ');
  return entry.enumeration ? thaiLabel(entry.enumeration, String(value)) : value;
}
