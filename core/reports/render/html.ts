/**
 * HTML built with escaping by construction: every value put into an `html` template is escaped
 * unless it is itself Html (made by `html` or `raw`). A member named `<img onerror=…>` or
 * `=HYPERLINK(…)` is text on the page, never markup.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML: the five characters that mean markup, escaped; control characters dropped. */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** The template tag: `html\`<td>${name}</td>\`` escapes `name`; nested `html` and lists are kept. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup written by Sajja itself (a style sheet): never text a user typed. */
export const raw = (trusted: string): Html => new Html(trusted);
