import * as z from 'zod';
import { MAX_SATANG, type Satang, ZERO } from '../money.ts';
import { ENUMERATIONS, type EnumerationName } from '../parse/enumerations.ts';

/**
 * The building blocks of every tab's record (core/model/tabs/): zod fields and rules. The cell parsers turn text into values; these
 * schemas hold the domain rules on those values. Every `error` is a rule key with a Thai and
 * English message in check/messages.ts, and its `path` names the cell that is wrong.
 *
 * Classic zod, not zod/mini: its objects compile to a JIT parser, five times faster on the
 * 150,000-row books the Lambda checks; the Apps Script bundle pays about 60 KB for it.
 */

/**
 * A money cell's value once parsed: whole satang within range. Typed as the branded `Satang` (the
 * same zod number at run time, so the compiled parser is unchanged).
 */
const money = (schema: z.ZodNumber) => schema as unknown as z.ZodType<Satang, number>;
export const satang = money(z.number().int().min(0).max(MAX_SATANG));
export const positiveSatang = money(z.number().int().min(1, { error: 'amount_zero' }).max(MAX_SATANG));
/** An amount cell left empty means none. */
export const satangOrZero = satang.default(ZERO);
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const id = z.string().min(1).max(64);
export const text = z.string();
type KeyOf<N extends EnumerationName> = keyof (typeof ENUMERATIONS)[N] & string;

/** The zod enum of an enumeration: its keys come from enumerations.ts, the one list of them. */
export function enumOf<N extends EnumerationName>(name: N) {
  return z.enum(Object.keys(ENUMERATIONS[name]) as [KeyOf<N>, ...KeyOf<N>[]]);
}

export const account = enumOf('account');
export const purpose = enumOf('loan_purpose');

/** A rule across the cells of a row; `path` names the cell that is wrong, `error` the rule key. */
export interface RowRule<T> {
  error: string;
  path: string;
  test: (record: T) => boolean;
}

/**
 * A tab's record in parts: its fields, its rules across fields, and what is derived once they
 * hold. The zod schema is built from the parts; the checker runs the same parts field by field
 * (remembering the results of values it has seen), so both always agree.
 */
export interface RecordParts<S extends z.ZodRawShape> {
  fields: S;
  rules: RowRule<z.output<z.ZodObject<S>>>[];
  derive?: (record: z.output<z.ZodObject<S>>) => z.output<z.ZodObject<S>>;
}

export function parts<S extends z.ZodRawShape>(
  fields: S,
  rules: RowRule<z.output<z.ZodObject<S>>>[] = [],
  derive?: (record: z.output<z.ZodObject<S>>) => z.output<z.ZodObject<S>>,
): RecordParts<S> {
  return { fields, rules, derive };
}

export function schemaOf<S extends z.ZodRawShape>({ fields, rules, derive }: RecordParts<S>) {
  let schema = z.object(fields);
  // a rule across fields is weighed only when every field (and every earlier rule) holds
  for (const r of rules) {
    schema = schema.refine(r.test, {
      error: r.error,
      path: [r.path],
      when: (payload) => payload.issues.length === 0,
    });
  }
  return derive ? schema.overwrite(derive) : schema;
}
