/**
 * What Sajja keeps between runs: in CacheService (fast, at most 100 KB a value and six hours:
 * large values are split into chunks), and small settings in Script Properties.
 */
const CHUNK = 90_000;
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
