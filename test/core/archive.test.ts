import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/archive/canonical.ts';
import { sha256, utf8 } from '../../core/sha256.ts';

describe('sha256 (pure)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('hashes %j', (text, hex) => expect(sha256(text)).toBe(hex));

  it('agrees with node:crypto on any text, Thai included (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(sha256(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
        expect(Buffer.from(utf8(text)).toString('utf8')).toBe(text);
      }),
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys, drops undefined, writes −0 as 0', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: -0 }], ก: 'ไทย' })).toBe(
      '{"a":[{"c":0}],"b":1,"ก":"ไทย"}',
    );
  });
  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(RangeError);
  });
});
