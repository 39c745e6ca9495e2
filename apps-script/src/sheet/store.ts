/**
 * What Sajja keeps between runs: in CacheService (fast, at most 100 KB a value, 1,000 entries and
 * six hours: large values are split into chunks) what can be made again (the edit context, the
 * sidebar's findings); in document properties what the money checks need (putKept); and each
 * person's API key in their own user properties.
 * A chunk is 30,000 UTF-16 units: at most 90 KB of UTF-8 even when every character is Thai.
 */
const CHUNK = 30_000;
const SIX_HOURS = 21_600;

export function putCached(key: string, text: string): void {
  const cache = CacheService.getDocumentCache() ?? CacheService.getScriptCache();
  const parts: Record<string, string> = {};
  const count = Math.max(1, Math.ceil(text.length / CHUNK));
  for (let i = 0; i < count; i++) parts[`${key}:${i}`] = text.slice(i * CHUNK, (i + 1) * CHUNK);
  parts[key] = String(count);
  cache.putAll(parts, SIX_HOURS);
}

export function getCached(key: string): string | undefined {
  const cache = CacheService.getDocumentCache() ?? CacheService.getScriptCache();
  const count = Number(cache.get(key) ?? 0);
  if (!count) return undefined;
  const keys = Array.from({ length: count }, (_, i) => `${key}:${i}`);
  const parts = cache.getAll(keys);
  if (keys.some((k) => parts[k] === undefined)) return undefined;
  return keys.map((k) => parts[k]).join('');
}

export function dropCached(...keys: string[]): void {
  const cache = CacheService.getDocumentCache() ?? CacheService.getScriptCache();
  cache.removeAll(keys);
}

/**
 * What the on-edit money checks rest on (the last full check's ledger state, each member's
 * sub-group), kept where it does not expire: the document's properties, in chunks of 3,000
 * characters (at most 9 KB of UTF-8 a value), within a budget of 400 KB of the store's 500 KB.
 * A state larger than that is not kept, and the edited rows say their money was not checked.
 */
const KEPT_CHUNK = 3_000;
const KEPT_BUDGET = 400_000;

export function putKept(parts: Record<string, string>): boolean {
  const store = PropertiesService.getDocumentProperties();
  const old = store.getKeys().filter((k) => k.startsWith('sajja:kept:'));
  const next: Record<string, string> = {};
  let bytes = 0;
  for (const [name, text] of Object.entries(parts)) {
    const count = Math.max(1, Math.ceil(text.length / KEPT_CHUNK));
    for (let i = 0; i < count; i++)
      next[`sajja:kept:${name}:${i}`] = text.slice(i * KEPT_CHUNK, (i + 1) * KEPT_CHUNK);
    next[`sajja:kept:${name}`] = String(count);
    bytes += text.length * 3;
  }
  for (const key of old) if (!(key in next)) store.deleteProperty(key);
  if (bytes > KEPT_BUDGET) {
    for (const key of Object.keys(next)) if (old.includes(key)) store.deleteProperty(key);
    return false;
  }
  store.setProperties(next);
  return true;
}

export function getKept(name: string): string | undefined {
  const store = PropertiesService.getDocumentProperties();
  const count = Number(store.getProperty(`sajja:kept:${name}`) ?? 0);
  if (!count) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const part = store.getProperty(`sajja:kept:${name}:${i}`);
    if (part === null) return undefined;
    parts.push(part);
  }
  return parts.join('');
}

/** Busy: another run (the nightly check, another committee member) holds the document lock. */
export const BUSY = 'กำลังทำงานอื่นอยู่ ลองใหม่อีกครั้ง / Sajja is busy with another run: try again in a minute';

/**
 * One whole-book run at a time (a menu item, the nightly check, closing a month): the document
 * lock, waited for up to 30 s; undefined when another run holds it.
 */
export function withDocumentLock<T>(run: () => T): T | undefined {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(30_000)) return undefined;
  try {
    return run();
  } finally {
    lock.releaseLock();
  }
}

/** What a menu item asks for when it was not given one (a dialog's prompt); undefined when cancelled. */
export function askFor(given: string | undefined, title: string, question: string): string | undefined {
  if (given !== undefined) return given;
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText() : undefined;
}

/** Who holds the spreadsheet's automation: one set of triggers per spreadsheet, whoever installed it. */
export const AUTOMATION = 'SAJJA_AUTOMATION';

export function automationHolder(): { by: string; at: string } | undefined {
  const text = PropertiesService.getDocumentProperties().getProperty(AUTOMATION);
  return text ? (JSON.parse(text) as { by: string; at: string }) : undefined;
}
