import { NotConfiguredError } from '../app/api/errors.ts';

/**
 * The groups' secrets as stored: a JSON object whose value for a group is its secret, or, while a
 * secret is being rotated, `{"secret": "<new>", "previous": "<old>", "previous_until": "<ISO>"}`:
 * the old one still works until then (the sheet is typed the new one in the meantime). Other
 * values are ignored. Text that is not such an object (the random placeholder CDK puts in a new
 * secret) is "not configured yet", never a crash.
 */
export function secretsOf(text: string, now = Date.now()): Map<string, string[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new NotConfiguredError({
      th: 'ยังไม่ได้ใส่รหัสลับของกลุ่ม (JSON {"<group_id>": "<secret>"}) ลงใน secret ของ Sajja',
      en: 'the groups\' secrets are not set yet: put JSON {"<group_id>": "<secret>"} in Sajja\'s secret',
    });
  const out = new Map<string, string[]>();
  for (const [group, value] of Object.entries(data)) {
    if (typeof value === 'string') out.set(group, [value]);
    else if (value !== null && typeof value === 'object') {
      const v = value as { secret?: unknown; previous?: unknown; previous_until?: unknown };
      if (typeof v.secret !== 'string') continue;
      const until = typeof v.previous_until === 'string' ? Date.parse(v.previous_until) : Number.NaN;
      const previous = typeof v.previous === 'string' && until > now ? [v.previous] : [];
      out.set(group, [v.secret, ...previous]);
    }
  }
  return out;
}
