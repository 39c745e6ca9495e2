/** The mark that begins Sajja's part of a cell's note: everything before it is the user's own. */
export const SAJJA_MARK = '⟦สัจจะ Sajja⟧';

/** The user's own part of a note (Sajja's part removed). */
export function userPart(note: string): string {
  const at = note.indexOf(SAJJA_MARK);
  return (at < 0 ? note : note.slice(0, at)).replace(/\n+$/, '');
}

/**
 * A cell's note with Sajja's findings (Thai, then English) after the user's own words, or the
 * user's own words alone when there is nothing to say: a fixed cell loses Sajja's part only.
 */
export function withSajjaNote(note: string, findings: { th: string; en: string }[]): string {
  const own = userPart(note);
  if (findings.length === 0) return own;
  const ours = `${SAJJA_MARK}\n${findings.map((f) => `${f.th}\n${f.en}`).join('\n\n')}`;
  return own ? `${own}\n\n${ours}` : ours;
}
