import type { CellValue } from '../cell.ts';
import { foldWord } from '../thai-text.ts';
import { ENUMERATIONS, type EnumerationName } from './enumerations.ts';
import { memoise } from './memoise.ts';
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

/** A reader per enumeration that remembers words already read: a sheet repeats the same few. */
const readers = new Map<EnumerationName, (word: string) => Parsed<string>>();

function readerOf(name: EnumerationName): (word: string) => Parsed<string> {
  let reader = readers.get(name);
  if (!reader) {
    const lookup = lookupOf(name);
    reader = memoise((word: string) => {
      const key = findKey(lookup, word);
      return key === undefined ? fail('enum') : ok(key);
    }, 1000);
    readers.set(name, reader);
  }
  return reader;
}

/** Reads an enumeration cell: the English key or a Thai word. */
export function parseEnum(value: CellValue, name: EnumerationName): Parsed<string> {
  if (typeof value !== 'string') return fail(typeof value === 'number' ? 'enum' : 'wrong_type');
  if (value.length > 100) return fail('enum');
  return readerOf(name)(value);
}

/** The keys of an enumeration, in order. */
export function enumKeys(name: EnumerationName): string[] {
  return Object.keys(ENUMERATIONS[name]);
}
