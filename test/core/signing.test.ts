import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalString, hmacSha256Hex, sha256, signature, utf8 } from '../../core/index.ts';

/** The SPEC §9 vectors, published for every signer (the Apps Script shell reuses them). */
const { vectors } = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/api-signing-vectors.json'), 'utf8'),
) as {
  vectors: {
    secret: string;
    group: string;
    method: string;
    url_path: string;
    body_utf8: string;
    timestamp: number;
    nonce: string;
    body_sha256: string;
    canonical: string;
    signature: string;
  }[];
};

describe('request signing (SPEC §9)', () => {
  it.each(vectors.map((v) => [`${v.method} ${v.url_path}`, v] as const))(
    'passes the vector %s',
    (_name, v) => {
      const bodySha256 = sha256(v.body_utf8);
      expect(bodySha256).toBe(v.body_sha256);
      const parts = {
        group: v.group,
        timestamp: v.timestamp,
        nonce: v.nonce,
        method: v.method,
        path: v.url_path,
        bodySha256,
      };
      expect(canonicalString(parts)).toBe(v.canonical);
      expect(signature(v.secret, parts)).toBe(v.signature);
    },
  );

  it('computes HMAC-SHA256 as node:crypto does, for any key and message (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), fc.string(), (key, message) => {
        const expected = createHmac('sha256', Buffer.from(key))
          .update(Buffer.from(utf8(message)))
          .digest('hex');
        expect(hmacSha256Hex(key, utf8(message))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
