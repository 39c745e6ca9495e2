import { describe, expect, it } from 'vitest';
import { memoise } from '../../../core/parse/memoise.ts';

describe('memoise', () => {
  it('reads each distinct value once, keeps at most `limit` results, and starts afresh when full', () => {
    const reads: number[] = [];
    const square = memoise((n: number) => {
      reads.push(n);
      return { n: n * n };
    }, 2);
    expect(square(3)).toBe(square(3));
    square(4);
    square(5); // full: it starts afresh with 5
    square(5);
    square(3); // 3 was forgotten
    expect(reads).toEqual([3, 4, 5, 3]);
  });
});
