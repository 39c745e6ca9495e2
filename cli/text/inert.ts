/** Control characters (but line break and tab), C1 controls and bidi overrides: what a terminal obeys. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text a user typed, made inert for a terminal: escape sequences and bidi overrides are shown as
 * `\u001b`-style codes, so a cell can neither clear the screen nor reorder what follows.
 */
export function inert(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One-line text (a name, an id, a category) made inert, its line breaks shown as `↵`. */
export function oneLine(text: string): string {
  return inert(text)
    .replace(/\r\n|\r|\n/g, '↵')
    .replace(/\t/g, ' ');
}
