import stringWidth from 'string-width';

/** SARA AM (ำ) and SARA AA (า): both take a column of their own. */
const SARA_AM = /\u0E33/g;
const SARA_AA = '\u0E32';

/**
 * Terminal columns by display width, not by characters: Thai vowel and tone marks above and below
 * a consonant take no column of their own (`ที่` is one column wide, three characters long). SARA
 * AM (`ำ`) does take one (`น้ำ` is two), though string-width counts it as a mark: it is measured
 * as the SARA AA it is drawn with (issue 17).
 */
export function displayWidth(text: string): number {
  return stringWidth(text.replace(SARA_AM, SARA_AA));
}

/** Pads on the right to a display width. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Pads on the left to a display width (numbers line up on the right). */
export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
