import { describe, expect, it } from 'vitest';
import { parseId, parseInteger, parsePercent, parseText } from '../../../core/index.ts';
import { parseMonth } from '../../../core/parse/date.ts';
import { parseCategory, parseEmails, parseIdList } from '../../../core/parse/scalars.ts';

describe('parseId', () => {
  it.each([
    [' M001 ', 'M001'],
    ['M๐๐๑', 'M001'],
    [12, '12'],
    ['__proto__', '__proto__'],
    ['สมาชิก-1', 'สมาชิก-1'],
  ])('reads %j as %j', (input, id) => expect(parseId(input)).toEqual({ ok: true, value: id }));

  it.each([
    ['M1,M2', 'id_format'],
    ['=HYPERLINK("http://x","M1")', 'text_formula'],
    ['M\u202e1', 'id_invisible'],
    ['M\u00001', 'id_invisible'],
    // look-alike ids (issue 9, class 11): invisible characters are refused, not a second member
    ['M0001\u200b', 'id_invisible'],
    ['M\u200d0001', 'id_invisible'],
    ['M0001\u2060', 'id_invisible'],
    ['M\u00ad0001', 'id_invisible'],
    ['M0001\ufe0f', 'id_invisible'],
    ['M\r1', 'id_format'],
    ['x'.repeat(65), 'text_too_long'],
    [Number.NaN, 'not_finite'],
    [true, 'wrong_type'],
  ])('refuses %j (%s)', (input, reason) => expect(parseId(input)).toEqual({ ok: false, reason }));

  it('reads a list of ids', () => {
    expect(parseIdList('M1, M2,,M๓')).toEqual({ ok: true, value: ['M1', 'M2', 'M3'] });
    expect(parseIdList('M1, =X')).toEqual({ ok: false, reason: 'text_formula' });
  });
});

describe('parseText', () => {
  it.each([
    ['  นาง สมศรี  ', 'นาง สมศรี'],
    ['line one\nline two', 'line one\nline two'],
    [42, '42'],
  ])('keeps %j as %j', (input, text) => expect(parseText(input)).toEqual({ ok: true, value: text }));

  it.each([
    ['x'.repeat(50_000), 'text_too_long'],
    ['ab\u0007c', 'text_hidden_chars'],
    ['\u2066evil\u2069', 'text_hidden_chars'],
    ['=IMPORTXML("x")', 'text_formula'],
  ])('refuses %j (%s)', (input, reason) => expect(parseText(input)).toEqual({ ok: false, reason }));
});

describe('parseInteger', () => {
  it.each([
    [5, 5],
    ['5', 5],
    ['๕', 5],
    [' 120 ', 120],
    ['1,200', 1200],
  ])('reads %j as %i', (input, n) => expect(parseInteger(input)).toEqual({ ok: true, value: n }));
  it.each([
    [1.5, 'int_format'],
    ['1.5', 'int_format'],
    ['-1', 'int_format'],
    ['five', 'int_format'],
    [Number.POSITIVE_INFINITY, 'not_finite'],
    [false, 'wrong_type'],
  ])('refuses %j (%s)', (input, reason) => expect(parseInteger(input)).toEqual({ ok: false, reason }));
});

describe('parsePercent', () => {
  it.each([
    [1, 1],
    ['1', 1],
    ['1.25%', 1.25],
    ['๑.๕', 1.5],
    ['ร้อยละ 2', 2],
    [0, 0],
  ])('reads %j as %d', (input, n) => expect(parsePercent(input)).toEqual({ ok: true, value: n }));
  it.each([
    [-1, 'percent_format'],
    ['-1%', 'percent_format'],
    ['one', 'percent_format'],
    [Number.NaN, 'not_finite'],
    [new Date(0), 'wrong_type'],
  ])('refuses %j (%s)', (input, reason) => expect(parsePercent(input)).toEqual({ ok: false, reason }));
});

describe('parseMonth, parseEmails, parseCategory', () => {
  it.each([
    ['2026-08', '2026-08'],
    ['2569-8', '2026-08'],
    ['๒๕๖๙/๐๘', '2026-08'],
    // months with a Buddhist year, as treasurers write them (issue 7, class 5)
    ['2569-09', '2026-09'],
    ['ส.ค. 2569', '2026-08'],
    ['ส.ค.2569', '2026-08'],
    ['สิงหาคม 2569', '2026-08'],
    ['สิงหาคม พ.ศ. 2569', '2026-08'],
    ['ส.ค. 69', '2026-08'],
    ['8/2569', '2026-08'],
    ['08/2026', '2026-08'],
    ['๘/๒๕๖๙', '2026-08'],
    ['Aug 2026', '2026-08'],
    [46265, '2026-08'],
    [244600, '2026-09'],
  ])('month %j is %s', (input, month) => expect(parseMonth(input)).toEqual({ ok: true, value: month }));
  it('refuses a month 13 or a date', () => {
    expect(parseMonth('2026-13')).toEqual({ ok: false, reason: 'month_format' });
    expect(parseMonth('2026-08-01')).toEqual({ ok: false, reason: 'month_format' });
    expect(parseMonth('ฟฟฟ 2569')).toEqual({ ok: false, reason: 'month_format' });
    expect(parseMonth('8/1700')).toEqual({ ok: false, reason: 'date_year_range' });
    expect(parseMonth('constructor 2569')).toEqual({ ok: false, reason: 'month_format' });
  });
  it('reads comma-separated e-mails', () => {
    expect(parseEmails('a@x.org, b@y.th')).toEqual({ ok: true, value: ['a@x.org', 'b@y.th'] });
    expect(parseEmails('a@x.org, nobody')).toEqual({ ok: false, reason: 'email_format' });
  });
  it.each([
    ['เหล้าบุหรี่', 'expense', 'alcohol_tobacco'],
    ['หวย', 'expense', 'lottery_gambling'],
    ['food', 'expense', 'food'],
    ['รับจ้าง', 'income', 'wages'],
    ['ค่าเครื่องเขียน', undefined, 'ค่าเครื่องเขียน'],
  ] as const)('category %j (%s) is %s', (input, kind, key) =>
    expect(parseCategory(input, kind)).toEqual({ ok: true, value: key }),
  );
});
