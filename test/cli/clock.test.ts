import { describe, expect, it } from 'vitest';
import { todayIn } from '../../cli/clock.ts';

describe('todayIn', () => {
  it("gives today's date in the group's time zone", () => {
    const evening = new Date('2026-09-13T20:00:00Z'); // already the 14th in Bangkok
    expect(todayIn('Asia/Bangkok', evening)).toBe('2026-09-14');
    expect(todayIn('UTC', evening)).toBe('2026-09-13');
  });
});
