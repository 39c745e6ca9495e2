/** The mark that begins Sajja's part of a cell's note: everything before it is the user's own. */
export const SAJJA_MARK = '⟦สัจจะ Sajja⟧';
/** What Sajja puts between the user's own words and its part (only when there are such words). */
const GAP = '\n\n';

/** The user's own part of a note, byte for byte (Sajja's part and the gap it added removed). */
export function userPart(note: string): string {
  const at = note.indexOf(SAJJA_MARK);
  if (at < 0) return note;
  const before = note.slice(0, at);
  return before.endsWith(GAP) ? before.slice(0, -GAP.length) : before;
}

/**
 * A cell's note with Sajja's findings (Thai, then English) after the user's own words, or the
 * user's own words alone when there is nothing to say: a fixed cell loses Sajja's part only, and
 * the user's words — a trailing line break too — are kept exactly.
 */
export function withSajjaNote(
  note: string,
  findings: { th: string; en: string }[],
  coloured = false,
): string {
  const own = userPart(note);
  if (findings.length === 0) return own;
  const ours = `${SAJJA_MARK}\n${findings.map((f) => `${f.th}\n${f.en}`).join('\n\n')}${coloured ? `\n\n${COLOURED}` : ''}`;
  return own ? `${own}${GAP}${ours}` : ours;
}

/** The last line of Sajja's part when Sajja coloured the cell: so it knows the colour is its own to take off. */
export const COLOURED = '(สีช่องนี้โดยสัจจะ / cell coloured by Sajja)';

/** Whether Sajja coloured the cell this note is on (a colour the group gave a cell is never Sajja's to change). */
export function colouredBySajja(note: string): boolean {
  const at = note.indexOf(SAJJA_MARK);
  return at >= 0 && note.slice(at).endsWith(COLOURED);
}
