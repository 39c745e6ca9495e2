import { describe, expect, it } from 'vitest';
import { formatBaht, MAX_SATANG, parseMoney, satang } from '../../../core/index.ts';

describe('parseMoney', () => {
  it.each([
    ['1,250.50', 125050],
    ['1250.5', 125050],
    ['฿1,250', 125000],
    ['฿ 1,250.00', 125000],
    ['1250 บาท', 125000],
    ['1,250บาท', 125000],
    ['๑,๒๕๐', 125000],
    ['๑๒๕๐.๗๕', 125075],
    ['  30  ', 3000],
    ['0', 0],
    ['0.5', 50],
    ['1.5000', 150],
    ['+20', 2000],
    ['1,000,000', 100_000_000],
    // Thai ways of writing baht (issue 7, class 4)
    ['1,250.-', 125000],
    ['๕๐.-', 5000],
    ['50฿', 5000],
    ['50 บ.', 5000],
    ['1,250 บ.', 125000],
    ['1,250.- บาท', 125000],
    ['฿ 50.-', 5000],
    [1250.5, 125050],
    [1250.1, 125010],
    [0.07, 7],
    [30, 3000],
    [100_000_000, MAX_SATANG],
  ])('reads %j as %i satang', (input, satang) => {
    expect(parseMoney(input)).toEqual({ ok: true, value: satang });
  });

  it.each([
    ['-5', 'money_negative'],
    ['−5', 'money_negative'],
    ['(5)', 'money_negative'],
    [-5, 'money_negative'],
    // three decimals are a thousands dot as often as satang (issue 17): refused, both readings offered
    ['1.000', 'money_three_decimals'],
    ['1.500', 'money_three_decimals'],
    ['1.255', 'money_three_decimals'],
    ['๑.๐๐๐ บาท', 'money_three_decimals'],
    ['1.2555', 'money_decimals'],
    [1.255, 'money_decimals'],
    ['12,5O', 'money_format'],
    ['1,25,0', 'money_format'],
    ['abc', 'money_format'],
    ['.-', 'money_format'],
    ['50-', 'money_format'],
    ['-50.-', 'money_negative'],
    ['', 'money_format'],
    ['1e3', 'money_format'],
    ['NaN', 'money_format'],
    ['Infinity', 'money_format'],
    [Number.NaN, 'not_finite'],
    [Number.POSITIVE_INFINITY, 'not_finite'],
    [1e308, 'money_too_large'],
    ['100,000,000.01', 'money_too_large'],
    ['99999999999999999999', 'money_too_large'],
    [true, 'wrong_type'],
    [new Date(0), 'wrong_type'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(parseMoney(input)).toEqual({ ok: false, reason });
  });

  it.each([
    [125050, '1,250.50'],
    [5, '0.05'],
    [0, '0.00'],
    [-125000, '-1,250.00'],
    [123456789, '1,234,567.89'],
  ])('formats %i satang as %s', (amount, text) => {
    expect(formatBaht(satang(amount))).toBe(text);
  });
});
