/**
 * A key that signs for a group: a person's own (an id such as `k-7f3a9c2e` and the holder's name),
 * or the group's shared secret of before (no id, no holder).
 */
export interface SigningKey {
  id: string | null;
  holder: string | null;
  secret: string;
}

export { KEY_ID } from '../../core/index.ts';

/** Each group's signing keys: Secrets Manager on AWS, a JSON file for `sajja serve`. */
export interface SecretSource {
  /** The group's keys that sign today (a person's, or the shared secret and, while rotating, its previous); none for an unknown group. */
  secretsOf(group: string): Promise<SigningKey[]>;
  /** Reads the keys again (a kept copy may predate a rotation or a new key): at most now and then. */
  refresh?(group: string): Promise<SigningKey[]>;
}

/** Nonces seen: a replay within the window is refused (a conditional put with a TTL on AWS). */
export interface NonceStore {
  /** Remembers a nonce until `expiresAt` (epoch seconds); false when it was already seen and not expired. */
  remember(group: string, nonce: string, nowSeconds: number, expiresAt: number): Promise<boolean>;
}

/** One structured log line: request id, group, route, status, duration — never names, amounts or secrets. */
export type Log = (entry: Record<string, string | number | boolean | null>) => void;
