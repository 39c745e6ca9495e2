import { describe, expect, it } from 'vitest';
import { type DateOptions, parseDate } from '../../../core/index.ts';

const BE: DateOptions = { calendar: 'buddhist', timeZone: 'Asia/Bangkok' };
const CE: DateOptions = { calendar: 'gregorian', timeZone: 'Asia/Bangkok' };

describe('parseDate', () => {
  it.each([
    ['2026-09-14', BE, '2026-09-14'],
    ['2569-09-14', BE, '2026-09-14'],
    ['2026-9-4', BE, '2026-09-04'],
    ['2026-09-14T00:00:00Z', BE, '2026-09-14'],
    ['14/9/2569', BE, '2026-09-14'],
    ['14/09/2026', BE, '2026-09-14'],
    ['14-09-2026', BE, '2026-09-14'],
    ['14.9.2569', BE, '2026-09-14'],
    ['14/9/69', BE, '2026-09-14'],
    ['14/9/26', CE, '2026-09-14'],
    ['14 ก.ย. 69', BE, '2026-09-14'],
    ['14 ก.ย.69', BE, '2026-09-14'],
    ['14 กย 69', BE, '2026-09-14'],
    ['14 กันยายน 2569', BE, '2026-09-14'],
    ['14 กันยายน พ.ศ. 2569', BE, '2026-09-14'],
    ['14 ก.ย. พ.ศ. 69', CE, '2026-09-14'],
    ['1 มกราคม 2570', BE, '2027-01-01'],
    ['29 ก.พ. 2567', BE, '2024-02-29'],
    ['31 ธ.ค. 68', BE, '2025-12-31'],
    ['14 Sep 2026', BE, '2026-09-14'],
    ['14 september 2026', BE, '2026-09-14'],
    ['๑๔/๙/๒๕๖๙', BE, '2026-09-14'],
    ['๑๔ ก.ย. ๖๙', BE, '2026-09-14'],
    ['  14/9/2569  ', BE, '2026-09-14'],
    [46279, BE, '2026-09-14'],
    [46279.75, BE, '2026-09-14'],
    [36526, BE, '2000-01-01'],
    // a Buddhist year typed into a date cell: Sheets and Excel store 23/9/2569 as 2569 CE
    [244615, BE, '2026-09-23'],
    [244615, CE, '2026-09-23'],
    [new Date(Date.UTC(2569, 8, 22, 17)), BE, '2026-09-23'],
  ])('reads %j as %s', (input, options, iso) => {
    expect(parseDate(input, options)).toEqual({ ok: true, value: iso });
  });

  it('reads a Date cell as the local date in the group time zone', () => {
    // 2026-09-13 20:00 UTC is already the 14th in Bangkok (UTC+7)
    const instant = new Date(Date.UTC(2026, 8, 13, 20, 0));
    expect(parseDate(instant, BE)).toEqual({ ok: true, value: '2026-09-14' });
    expect(parseDate(instant, { ...BE, timeZone: 'UTC' })).toEqual({ ok: true, value: '2026-09-13' });
  });

  it.each([
    ['31/02/2569', 'date_impossible'],
    ['30 ก.พ. 69', 'date_impossible'],
    ['29/2/2569', 'date_impossible'],
    ['2026-13-01', 'date_impossible'],
    ['0/1/2569', 'date_impossible'],
    ['14/9/1700', 'date_year_range'],
    ['14/9/3100', 'date_year_range'],
    ['14 ฟฟฟ 69', 'date_format'],
    ['yesterday', 'date_format'],
    ['1 constructor 2569', 'date_format'],
    ['1 __proto__ 2569', 'date_format'],
    ['14/9', 'date_format'],
    ['46279', 'date_format'],
    ['', 'date_format'],
    [Number.NaN, 'not_finite'],
    [1e308, 'date_year_range'],
    [-5, 'date_year_range'],
    [1, 'date_year_range'],
    // 2800 CE is neither a plausible Gregorian year nor a Buddhist one
    [328930, 'date_year_range'],
    [true, 'wrong_type'],
    [new Date(Number.NaN), 'date_format'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(parseDate(input, BE)).toEqual({ ok: false, reason });
  });
});
