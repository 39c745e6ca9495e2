import type { IsoDate } from '../calendar.ts';
import { addDays } from '../calendar.ts';
import { postedErrors } from '../jobs/check-books.ts';
import { type Account, type AccountKind, familyOf, kindOf, savingsParts } from '../ledger/accounts.ts';
import type { CheckedBooks } from '../ledger/checked-books.ts';
import type { Entry } from '../ledger/entry.ts';
import { datedCounts } from '../ledger/ledger-checks.ts';
import type { CashCount } from '../model/records.ts';
import { formatBaht, type Satang } from '../money.ts';
import { utf8 } from '../sha256.ts';

export type LedgerFormat = 'hledger' | 'beancount';

/** Amount with two decimals and no thousands separators: both tools read it. */
const amount = (satang: Satang) => formatBaht(satang, { grouping: false });

const TOP: Record<LedgerFormat, Record<AccountKind, string>> = {
  hledger: {
    asset: 'assets',
    liability: 'liabilities',
    income: 'income',
    expense: 'expenses',
    equity: 'equity',
  },
  beancount: {
    asset: 'Assets',
    liability: 'Liabilities',
    income: 'Income',
    expense: 'Expenses',
    equity: 'Equity',
  },
};

/**
 * One part of an account name as the tool allows it, and injective: two different ids never
 * become one account (`X:1` and `X-1`, `m0006` and `M0006` stay apart).
 * - hledger: letters, marks and digits of any script, `_`, `.` and `-` are kept; every other
 *   character (`:` the separator, spaces, `;`, `%` itself…) becomes `%XX` per UTF-8 byte.
 * - beancount: ASCII only, starting with a capital or digit. A name that already is one (and has
 *   no `-`) is kept; any other becomes `X-` and the name with each character outside [A-Za-z0-9]
 *   written `-hex-` — the `-` a kept name never has keeps the two kinds apart.
 */
export function component(name: string, format: LedgerFormat): string {
  if (format === 'hledger') {
    let out = '';
    for (const ch of name) {
      if (/^[\p{L}\p{M}\p{N}_.-]$/u.test(ch)) out += ch;
      else for (const byte of utf8(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out === '' ? '%' : out;
  }
  if (/^[A-Z0-9][A-Za-z0-9]*$/.test(name)) return name;
  let out = 'X-';
  for (const ch of name) out += /^[A-Za-z0-9]$/.test(ch) ? ch : `-${ch.codePointAt(0)!.toString(16)}-`;
  return out;
}

/** Text a user typed, made safe for a comment line of a ledger file: one line, nothing a tool obeys. */
export function commentText(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Sajja's account (`savings:M0001`) as the tool's (`liabilities:savings:M0001`). */
export function toolAccount(account: Account, format: LedgerFormat): string {
  const [head, ...rest] = account.split(':');
  const join = (...parts: string[]) => parts.join(':');
  const top = TOP[format];
  const c = (name: string) => component(name, format);
  const cap = (word: string) =>
    format === 'beancount' ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  const tail = rest.join(':');
  // the tool's top-level account is the kind's (Assets, Liabilities, Income, Expenses, Equity)
  const kind = top[kindOf(account)];
  switch (familyOf(account)) {
    case 'cash':
    case 'bank':
      return join(kind, cap(head!));
    case 'transit':
      return join(kind, cap('transit'), c(tail));
    case 'loan':
      return join(kind, cap('loans'), c(tail));
    case 'savings':
      return join(kind, cap('savings'), c(tail));
    case 'products': {
      // under the member, as the treasurer reads it: liabilities:savings:M0001:shares
      const { member, product } = savingsParts(account)!;
      return join(kind, cap('savings'), c(member), c(cap(product)));
    }
    case 'fund':
      return join(kind, ...rest.map((part) => c(cap(part))));
    case 'income':
      return rest[0] === 'other'
        ? join(kind, cap('other'), c(rest.slice(1).join(':')))
        : join(kind, c(cap(tail)));
    case 'expense':
      return join(kind, c(tail));
    case 'equity':
      // equity:opening, equity:reserve, equity:profit:2026 (a year's profit under its year)
      return join(kind, ...rest.map((part) => c(cap(part))));
  }
}

function describe(entry: Entry): string {
  const where = entry.row === null ? entry.sheet : `${entry.sheet} row ${entry.row}`;
  return `${entry.kind.replace(/_/g, ' ')} (${where})`;
}

/**
 * The journal as an hledger or beancount file, with every cash and bank count as a balance
 * assertion, so an auditor can cross-check the books with `hledger check` or `bean-check`.
 */
export function exportLedger(checked: CheckedBooks, format: LedgerFormat): string {
  const { book, journal } = checked;
  const counts = datedCounts(book);
  const lines: string[] = [];
  const comment = ';';
  lines.push(
    `${comment} Sajja export of ${commentText(book.settings.group_id)} (${commentText(book.settings.group_name)}), as of ${book.context.asOf}`,
  );
  for (const x of checked.result.books.left_out)
    lines.push(`${comment} left out of the books (has errors): ${x.sheet} row ${x.row}`);
  const marked = postedErrors(checked);
  if (format === 'beancount') {
    lines.push(
      `option "title" "${commentText(book.settings.group_name).replace(/["\\]/g, "'")}"`,
      'option "operating_currency" "THB"',
    );
    const used = new Set<string>(['cash', 'bank']);
    for (const e of journal.entries) for (const p of e.postings) used.add(p.account);
    const first = [journal.entries[0]?.date, counts[0]?.count.date]
      .filter((d): d is IsoDate => d !== undefined)
      .sort()[0];
    const opened = first ?? book.context.asOf;
    for (const account of [...used].sort()) {
      const name = toolAccount(account, format);
      // a name changed to fit beancount keeps the group's own words beside it
      lines.push(`${opened} open ${name} THB${name.includes('X-') ? `  ; ${commentText(account)}` : ''}`);
    }
  }
  lines.push('');
  let c = 0;
  const emitCount = ({ row, count }: { row: number; count: CashCount }) => {
    const account = toolAccount(count.account, format);
    if (format === 'hledger') {
      lines.push(
        `${count.date} count ${count.account}  ; counts row ${row}`,
        `    ${account}  0 THB = ${amount(count.balance)} THB`,
        '',
      );
    } else {
      // beancount checks a balance at the start of its date: a count at the end of D is checked on D+1
      lines.push(
        `${addDays(count.date, 1)} balance ${account}  ${amount(count.balance)} THB  ; counts row ${row}, ${count.date}`,
      );
    }
  };
  for (const entry of journal.entries) {
    while (c < counts.length && counts[c]!.count.date < entry.date) emitCount(counts[c++]!);
    const title = describe(entry);
    const errors = marked.get(`${entry.sheet}:${entry.row}`);
    // a posted row with an error is marked: "!" is both tools' flag for a transaction to look at
    const flag = errors ? '!' : '*';
    const note = errors ? `  ; errors: ${errors.join(', ')}` : '';
    lines.push(
      format === 'hledger'
        ? `${entry.date}${errors ? ' !' : ''} ${title}${note}`
        : `${entry.date} ${flag} "${title}"${note}`,
    );
    for (const p of entry.postings)
      lines.push(`    ${toolAccount(p.account, format)}  ${amount(p.amount)} THB`);
    lines.push('');
  }
  while (c < counts.length) emitCount(counts[c++]!);
  return `${lines.join('\n')}\n`;
}
