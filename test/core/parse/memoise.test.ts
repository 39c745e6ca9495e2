import { describe, expect, it } from 'vitest';
import { memoise } from '../../../core/parse/memoise.ts';

describe('memoise', () => {
  it('reads each distinct value once, and keeps at most `limit` results', () => {
    const reads: number[] = [];
    const square = memoise((n: number) => {
      reads.push(n);
      return { n: n * n };
    }, 2);
    expect(square(3)).toBe(square(3));
    square(4);
    square(5); // over the limit: not kept
    square(5);
    expect(reads).toEqual([3, 4, 5, 5]);
  });
});
