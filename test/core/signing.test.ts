import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalString, hmacSha256Hex, sha256, signature, utf8 } from '../../core/index.ts';
import { signingVectors } from '../helpers/signing-vectors.ts';

/** The SPEC §9 vectors, published for every signer (the Apps Script shell reuses them). */
const vectors = signingVectors();

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
