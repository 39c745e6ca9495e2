import { sha256, utf8 } from '../sha256.ts';

/**
 * SPEC §9 request signing, pure (the Lambda, `sajja serve`, Apps Script and any client share it):
 * HMAC-SHA256 with the group's secret text (its UTF-8 bytes) over seven lines —
 * `v1`, group, timestamp, nonce, METHOD, path (no query), hex SHA-256 of the body.
 */
export interface SignedParts {
  group: string;
  timestamp: string | number;
  nonce: string;
  method: string;
  /** The URL path; a query string is cut off. */
  path: string;
  /** Lowercase hex SHA-256 of the raw body bytes (of nothing for GET). */
  bodySha256: string;
}

/** The canonical string: the seven lines joined by `\n`, no trailing newline. */
export function canonicalString(p: SignedParts): string {
  const path = p.path.split('?')[0]!;
  return ['v1', p.group, String(p.timestamp), p.nonce, p.method.toUpperCase(), path, p.bodySha256].join('\n');
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** HMAC-SHA256 (RFC 2104) over the core's SHA-256, as lowercase hex. */
export function hmacSha256Hex(key: Uint8Array, message: Uint8Array): string {
  const block = 64;
  let k = key.length > block ? hexToBytes(sha256(key)) : key;
  const padded = new Uint8Array(block);
  padded.set(k);
  k = padded;
  const inner = new Uint8Array(block + message.length);
  const outer = new Uint8Array(block + 32);
  for (let i = 0; i < block; i++) {
    inner[i] = k[i]! ^ 0x36;
    outer[i] = k[i]! ^ 0x5c;
  }
  inner.set(message, block);
  outer.set(hexToBytes(sha256(inner)), block);
  return sha256(outer);
}

/** The `X-Sajja-Signature` header value: `v1=` + hex HMAC-SHA256(secret, canonical). */
export function signature(secret: string, parts: SignedParts): string {
  return `v1=${hmacSha256Hex(utf8(secret), utf8(canonicalString(parts)))}`;
}

/** Compares two strings in time that depends on their length only, not on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

/** A nonce: 16–64 characters of `[A-Za-z0-9_-]`. */
export const NONCE = /^[A-Za-z0-9_-]{16,64}$/;

/** A person's key id: `k-` and 6 to 32 lowercase letters and digits (named in X-Sajja-Key). */
export const KEY_ID = /^k-[a-z0-9]{6,32}$/;
/** How far a request's timestamp may be from the server's clock. */
export const MAX_SKEW_SECONDS = 300;
/** How long a nonce is remembered (a replay within it is refused). */
export const NONCE_TTL_SECONDS = 600;
