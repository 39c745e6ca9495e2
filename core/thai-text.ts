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
 * word breaks), ids never.
 */
export const INVISIBLE_CHARACTERS =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/;

/** `U+200B` for the first invisible character of a text, to say what is hidden there. */
export function firstInvisible(text: string): string | undefined {
  const m = INVISIBLE_CHARACTERS.exec(text) ?? HIDDEN_CHARACTERS.exec(text);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}
