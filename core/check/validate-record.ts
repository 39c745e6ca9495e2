import type * as z from 'zod';
import { type DataTabKey, RECORD_PARTS } from '../model/records.ts';
import { memoise } from '../parse/memoise.ts';

export interface RecordIssue {
  column: string;
  /** The rule key (or zod's message for a type the cell parsers never produce). */
  error: string;
}

export type RecordCheck =
  | { ok: true; record: Record<string, unknown> }
  | { ok: false; issues: RecordIssue[] };

type FieldCheck = (value: unknown) => z.ZodSafeParseResult<unknown>;

interface TabValidator {
  keys: string[];
  fields: FieldCheck[];
  /** Each field's value for the row at hand (reused from row to row). */
  data: unknown[];
  rules: { error: string; path: string; test: (record: never) => boolean }[];
  derive?: (record: never) => unknown;
}

const validators = new Map<DataTabKey, TabValidator>();

/** A field's zod check that remembers results for the values a sheet repeats (amounts, days, ids, words). */
function fieldCheck(schema: z.ZodType): FieldCheck {
  const remembered = memoise(
    (value: string | number | boolean | undefined) => schema.safeParse(value),
    5_000,
  );
  return (value) => {
    const primitive =
      value === undefined ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      (typeof value === 'string' && value.length <= 100);
    if (!primitive) return schema.safeParse(value);
    const result = remembered(value);
    // a remembered object (a default list) would be shared by every row: make each its own
    return result.success && typeof result.data === 'object' && result.data !== null
      ? schema.safeParse(value)
      : result;
  };
}

/** The last validator handed out: rows come tab by tab. */
let last: { tab: DataTabKey; validator: TabValidator } | undefined;

function validatorOf(tab: DataTabKey): TabValidator {
  if (last?.tab === tab) return last.validator;
  const validator = findValidator(tab);
  last = { tab, validator };
  return validator;
}

function findValidator(tab: DataTabKey): TabValidator {
  let validator = validators.get(tab);
  if (!validator) {
    const parts = RECORD_PARTS[tab];
    const keys = Object.keys(parts.fields);
    validator = {
      keys,
      data: new Array(keys.length),
      fields: keys.map((key) => fieldCheck((parts.fields as Record<string, z.ZodType>)[key]!)),
      rules: parts.rules as TabValidator['rules'],
      derive: parts.derive as TabValidator['derive'],
    };
    validators.set(tab, validator);
  }
  return validator;
}

/**
 * Validates a row's values against its tab's record parts — the same fields, rules and derived
 * values the zod schema (`RECORD_SCHEMAS`) is built from, so the two agree (a property test says
 * so) — but field by field, each distinct value checked once. This is the checker's hot path.
 */
export function validateRecord(tab: DataTabKey, values: Record<string, unknown>): RecordCheck {
  const { keys, fields, rules, derive, data } = validatorOf(tab);
  let issues: RecordIssue[] | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const result = fields[i]!(values[key]);
    if (result.success) data[i] = result.data;
    else {
      issues ??= [];
      issues.push({ column: key, error: result.error.issues[0]?.message ?? 'invalid' });
    }
  }
  if (issues) return { ok: false, issues };
  // every field holds: a record of just the schema's keys, defaults filled in
  const record: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) if (data[i] !== undefined) record[keys[i]!] = data[i];
  for (const r of rules)
    if (!r.test(record as never)) return { ok: false, issues: [{ column: r.path, error: r.error }] };
  return { ok: true, record: derive ? (derive(record as never) as Record<string, unknown>) : record };
}
