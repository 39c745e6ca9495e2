import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One of the SPEC §9 vectors every signer must pass (test/fixtures/api-signing-vectors.json). */
export interface SigningVector {
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
}

export const signingVectors = (): SigningVector[] =>
  (
    JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/api-signing-vectors.json'), 'utf8')) as {
      vectors: SigningVector[];
    }
  ).vectors;
