/** Each group's signing secret: Secrets Manager on AWS, a JSON file for `sajja serve`. */
export interface SecretSource {
  /** The group's secrets that sign today, newest first (two while one is rotated); none for an unknown group. */
  secretsOf(group: string): Promise<string[]>;
  /** Reads the secrets again (a kept copy may predate a rotation): at most now and then. */
  refresh?(group: string): Promise<string[]>;
}

/** Nonces seen: a replay within the window is refused (a conditional put with a TTL on AWS). */
export interface NonceStore {
  /** Remembers a nonce until `expiresAt` (epoch seconds); false when it was already seen and not expired. */
  remember(group: string, nonce: string, nowSeconds: number, expiresAt: number): Promise<boolean>;
}

/** One structured log line: request id, group, route, status, duration — never names, amounts or secrets. */
export type Log = (entry: Record<string, string | number | boolean | null>) => void;
