import { describe, expect, it } from 'vitest';
import { DEFAULT_ZONE, dayIn, monthJustEnded, previousMonth } from '../../core/calendar.ts';

describe('calendar', () => {
  it('reads the day of an instant in the group’s zone', () => {
    // 17:30 UTC on 31 Oct is 00:30 on 1 Nov in Bangkok
    expect(dayIn(DEFAULT_ZONE, Date.UTC(2026, 9, 31, 17, 30))).toBe('2026-11-01');
    expect(dayIn('UTC', Date.UTC(2026, 9, 31, 17, 30))).toBe('2026-10-31');
  });

  it.each([
    ['2026-11', '2026-10'],
    ['2026-01', '2025-12'],
  ])('the month before %s is %s', (month, before) => {
    expect(previousMonth(month)).toBe(before);
  });

  it('names the month just ended on the day the monthly job fires', () => {
    expect(monthJustEnded(DEFAULT_ZONE, Date.UTC(2026, 10, 1, 0, 0))).toBe('2026-10');
    expect(monthJustEnded(DEFAULT_ZONE, Date.UTC(2025, 11, 31, 17, 0))).toBe('2025-12');
  });
});
