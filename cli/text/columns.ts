import stringWidth from 'string-width';

/**
 * Terminal columns by display width, not by characters: Thai vowel and tone marks above and below
 * a consonant take no column of their own (`ที่` is one column wide, three characters long).
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Pads on the right to a display width. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Pads on the left to a display width (numbers line up on the right). */
export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(text))) + text;
}
