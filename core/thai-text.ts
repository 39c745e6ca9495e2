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
