const THAI_ZERO = 0x0e50;

/** Replaces Thai digits (๐–๙) with ASCII digits; other characters are kept. */
export function toArabicDigits(text: string): string {
  if (!/[\u0e50-\u0e59]/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code >= THAI_ZERO && code <= THAI_ZERO + 9 ? String(code - THAI_ZERO) : ch;
  }
  return out;
}

/**
 * The form used to compare words typed by people: NFC, Thai digits as ASCII, white space
 * collapsed, lower case. Never used to change what is stored.
 */
export function foldWord(text: string): string {
  return toArabicDigits(text.normalize('NFC')).replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Characters that must not hide in a cell: C0/C1 controls (but tab and newline) and bidi overrides. */
export const HIDDEN_CHARACTERS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/**
 * Characters that cannot be seen: zero-width spaces and joiners, the word joiner, soft hyphen,
 * invisible separators and fillers, variation selectors, bidi marks. In an id they make a look-alike
 * (`M0001` and `M0001` + U+200B are two members); free text may hold some (Thai uses U+200B to mark
 * word breaks), ids never. Ranges of code points (a regex class would mix in combining marks).
 */
const INVISIBLE_RANGES: readonly [number, number][] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];

const isInvisible = (code: number) => INVISIBLE_RANGES.some(([from, to]) => code >= from && code <= to);

/** True when a text holds a character that cannot be seen (see INVISIBLE_RANGES). */
export function hasInvisible(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isInvisible(text.charCodeAt(i))) return true;
  return false;
}

/** `U+200B` for the first invisible or control character of a text, to say what is hidden there. */
export function firstInvisible(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isInvisible(code) || HIDDEN_CHARACTERS.test(text[i]!))
      return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}
