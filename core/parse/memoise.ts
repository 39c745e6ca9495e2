/**
 * Remembers the results of a pure reader: a sheet repeats the same few amounts, days, ids and
 * words down thousands of rows, so each distinct value is read once. At most `limit` results are
 * kept: when full, it starts afresh, so memory stays bounded on hostile input and a warm process
 * that checks group after group (a Lambda worker) keeps remembering the group at hand.
 */
export function memoise<K, V>(read: (key: K) => V, limit = 20_000): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      value = read(key);
      if (seen.size >= limit) seen.clear();
      seen.set(key, value);
    }
    return value;
  };
}
