/** Each group's signing secret: Secrets Manager on AWS, a JSON file for `sajja serve`. */
export interface SecretSource {
  /** The group's secret text, or undefined for a group that has none. */
  secretOf(group: string): Promise<string | undefined>;
}

/** Nonces seen: a replay within the window is refused (a conditional put with a TTL on AWS). */
export interface NonceStore {
  /** Remembers a nonce until `expiresAt` (epoch seconds); false when it was already seen and not expired. */
  remember(group: string, nonce: string, nowSeconds: number, expiresAt: number): Promise<boolean>;
}

/** One structured log line: request id, group, route, status, duration — never names, amounts or secrets. */
export type Log = (entry: Record<string, string | number | boolean | null>) => void;
