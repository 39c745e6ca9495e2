import type { CellValue } from '../cell.ts';
import { MAX_SATANG, type Satang } from '../money.ts';
import { toArabicDigits } from '../thai-text.ts';
import { memoise } from './memoise.ts';
import { fail, ok, type Parsed } from './parsed.ts';

const MONEY_TEXT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/;

/**
 * Reads an amount in baht as integer satang: numbers, or text such as `1,250.50`, `฿1,250`,
 * `1250 บาท`, `1,250 บ.`, `50฿`, `1,250.-`, `๑,๒๕๐`. Never negative, at most 2 decimals, at most {@link MAX_SATANG}.
 */
export function parseMoney(value: CellValue): Parsed<Satang> {
  if (typeof value === 'number') return moneyOfNumber(value);
  if (typeof value !== 'string') return fail('wrong_type');
  const text = stripCurrency(toArabicDigits(value.normalize('NFC')).trim());
  return readMoneyText(text);
}

/**
 * The ways Thai people write baht around a number: `฿1,250`, `1,250 บาท`, `1,250 บ.`, `50฿`,
 * `1,250.-` (the dash says "no satang"), `THB 50`, in any order of these.
 */
const CURRENCY_AFFIXES = [/^(฿|thb)\s*/i, /\s*(บาท|baht|thb|บ\.|฿)$/i, /(?<=\d)\.[-–]$/];

function stripCurrency(text: string): string {
  let previous: string;
  do {
    previous = text;
    for (const affix of CURRENCY_AFFIXES) text = text.replace(affix, '').trim();
  } while (text !== previous && text !== '');
  return text;
}

function readMoneyText(input: string): Parsed<Satang> {
  let text = input;
  // -5, −5 and (5) are negative; @SUM(1) is just not an amount
  if (/^[-−–]/.test(text) || /^\(.*\)$/.test(text)) return fail('money_negative');
  if (text.startsWith('+')) text = text.slice(1);
  const match = MONEY_TEXT.exec(text);
  if (!match) return fail('money_format');
  const whole = match[1]!.replace(/,/g, '');
  const fraction = match[2] ?? '';
  // `1.000` is one thousand written the European way far more often than one baht: refuse it
  if (fraction.length === 3) return fail('money_three_decimals');
  if (fraction.length > 2 && !/^0*$/.test(fraction.slice(2))) return fail('money_decimals');
  if (whole.length > 12) return fail('money_too_large');
  const satang = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  return satang > MAX_SATANG ? fail('money_too_large') : ok(satang as Satang);
}

/** The same few amounts fill a savings sheet: each is read once. */
const moneyOfNumber = memoise((value: number) => moneyFromNumber(value));

function moneyFromNumber(value: number): Parsed<Satang> {
  if (!Number.isFinite(value)) return fail('not_finite');
  if (value < 0) return fail('money_negative');
  if (value > MAX_SATANG / 100) return fail('money_too_large');
  const scaled = value * 100;
  const satang = Math.round(scaled);
  // a float such as 1250.1 is 125009.99999999999 × 100: allow representation error, not a third decimal
  if (Math.abs(scaled - satang) > 1e-3) return fail('money_decimals');
  return ok(satang as Satang);
}
