import { NotConfiguredError } from '../app/api/errors.ts';
import { KEY_ID, type SigningKey } from '../app/api/ports.ts';

/**
 * The groups' secrets as stored: a JSON object whose value for a group is its secret, or, while a
 * secret is being rotated, `{"secret": "<new>", "previous": "<old>", "previous_until": "<ISO>"}`:
 * the old one still works until then (the sheet is typed the new one in the meantime). Or, one key
 * per person (issue 19): `{"keys": [{"id": "k-…", "holder": "<name>", "secret": "…"}]}`, so each
 * is revoked alone and a snapshot says whose key closed the month. Other
 * values are ignored. Text that is not such an object (the random placeholder CDK puts in a new
 * secret) is "not configured yet", never a crash.
 */
export function secretsOf(text: string, now = Date.now()): Map<string, SigningKey[]> {
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
  const out = new Map<string, SigningKey[]>();
  const shared = (secret: string): SigningKey => ({ id: null, holder: null, secret });
  for (const [group, value] of Object.entries(data)) {
    if (typeof value === 'string') out.set(group, [shared(value)]);
    else if (value !== null && typeof value === 'object') {
      const v = value as { secret?: unknown; previous?: unknown; previous_until?: unknown; keys?: unknown };
      const keys: SigningKey[] = [];
      // each person's own key: {"id": "k-…", "holder": "name", "secret": "…"}; a revoked one is gone
      if (Array.isArray(v.keys))
        for (const k of v.keys as Record<string, unknown>[])
          if (
            k &&
            typeof k.id === 'string' &&
            KEY_ID.test(k.id) &&
            typeof k.secret === 'string' &&
            k.revoked_at === undefined
          )
            keys.push({ id: k.id, holder: typeof k.holder === 'string' ? k.holder : null, secret: k.secret });
      if (typeof v.secret === 'string') {
        const until = typeof v.previous_until === 'string' ? Date.parse(v.previous_until) : Number.NaN;
        keys.push(shared(v.secret));
        if (typeof v.previous === 'string' && until > now) keys.push(shared(v.previous));
      }
      if (keys.length > 0) out.set(group, keys);
    }
  }
  return out;
}
