import type { CellValue } from '../cell.ts';
import { foldWord } from '../thai-text.ts';
import { ENUMERATIONS, type EnumerationName } from './enumerations.ts';
import { fail, ok, type Parsed } from './parsed.ts';

type Lookup = Map<string, string>;

/** A case- and space-insensitive lookup from every key and Thai word to its key. */
export function buildLookup(words: Record<string, readonly string[]>): Lookup {
  const lookup: Lookup = new Map();
  for (const [key, thai] of Object.entries(words)) {
    lookup.set(foldWord(key), key);
    for (const word of thai) {
      lookup.set(foldWord(word), key);
      lookup.set(foldWord(word).replace(/\s/g, ''), key);
    }
  }
  return lookup;
}

const lookups = new Map<EnumerationName, Lookup>();

function lookupOf(name: EnumerationName): Lookup {
  let lookup = lookups.get(name);
  if (!lookup) {
    lookup = buildLookup(ENUMERATIONS[name]);
    lookups.set(name, lookup);
  }
  return lookup;
}

/** Finds the key a word names in a lookup: the key, a Thai word, or `Thai (key)` as the template writes it. */
export function findKey(lookup: Lookup, text: string): string | undefined {
  const word = foldWord(text);
  const direct = lookup.get(word) ?? lookup.get(word.replace(/\s/g, ''));
  if (direct !== undefined) return direct;
  const suffix = /\(([^()]+)\)$/.exec(word);
  return suffix ? lookup.get(suffix[1]!.trim()) : undefined;
}

/** Results of words already read, per enumeration: a sheet repeats the same few words many times. */
const seen = new Map<EnumerationName, Map<string, Parsed<string>>>();
const SEEN_LIMIT = 1000;

/** Reads an enumeration cell: the English key or a Thai word. */
export function parseEnum(value: CellValue, name: EnumerationName): Parsed<string> {
  if (typeof value !== 'string') return fail(typeof value === 'number' ? 'enum' : 'wrong_type');
  let memo = seen.get(name);
  if (!memo) {
    memo = new Map();
    seen.set(name, memo);
  }
  let parsed = memo.get(value);
  if (parsed === undefined) {
    const key = findKey(lookupOf(name), value);
    parsed = key === undefined ? fail('enum') : ok(key);
    if (memo.size < SEEN_LIMIT) memo.set(value, parsed);
  }
  return parsed;
}

/** The keys of an enumeration, in order. */
export function enumKeys(name: EnumerationName): string[] {
  return Object.keys(ENUMERATIONS[name]);
}
