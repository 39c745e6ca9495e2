/**
 * What Sajja keeps between runs: in CacheService (fast, at most 100 KB a value, 1,000 entries and
 * six hours: large values are split into chunks), and small settings in Script Properties.
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

export const scriptProperty = (key: string): string | null =>
  PropertiesService.getScriptProperties().getProperty(key);
export const setScriptProperty = (key: string, value: string): void => {
  PropertiesService.getScriptProperties().setProperty(key, value);
};

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
