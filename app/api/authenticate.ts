import {
  canonicalString,
  constantTimeEqual,
  GROUP_ID_RULE,
  isGroupId,
  MAX_SKEW_SECONDS,
  NONCE,
  NONCE_TTL_SECONDS,
  utf8,
} from '../../core/index.ts';
import { unauthorized } from './errors.ts';
import { KEY_ID, type NonceStore, type SecretSource, type SigningKey } from './ports.ts';

/** What the signing headers say, checked for form and freshness before any body is read. */
export interface SigningHeaders {
  group: string;
  /** The key the request names (X-Sajja-Key), when it names one. */
  keyId: string | undefined;
  timestamp: string;
  nonce: string;
  given: string;
  now: number;
}

/**
 * SPEC §9, first half, from the headers alone: the group (one rule for ids), a fresh timestamp,
 * a well-formed nonce and signature. Checked before the body is read or decoded, so a flood of
 * unsigned 6 MB bodies costs a header parse each, not a decode and a hash.
 */
export function checkSigningHeaders(
  deps: { now: () => number },
  headers: Record<string, string>,
): SigningHeaders {
  const group = headers['x-sajja-group'];
  const timestamp = headers['x-sajja-timestamp'];
  const nonce = headers['x-sajja-nonce'];
  const given = headers['x-sajja-signature'];
  const keyId = headers['x-sajja-key'] || undefined;
  if (!group || !timestamp || !nonce || !given)
    throw unauthorized(
      'a signing header is missing (X-Sajja-Group, -Timestamp, -Nonce, -Signature)',
      'ไม่มีหัวข้อการลงนาม (X-Sajja-Group, -Timestamp, -Nonce, -Signature)',
    );
  if (!isGroupId(group)) throw unauthorized(GROUP_ID_RULE.en, GROUP_ID_RULE.th);
  if (!/^\d{1,12}$/.test(timestamp))
    throw unauthorized('the timestamp is not Unix seconds', 'เวลาไม่ใช่วินาทีแบบ Unix');
  if (!NONCE.test(nonce))
    throw unauthorized('the nonce is not 16–64 characters of [A-Za-z0-9_-]', 'nonce ไม่ถูกรูปแบบ');
  if (keyId !== undefined && !KEY_ID.test(keyId))
    throw unauthorized('X-Sajja-Key is not k- and 6–32 letters and digits', 'X-Sajja-Key ไม่ถูกรูปแบบ');
  if (!/^v1=[0-9a-f]{64}$/.test(given))
    throw unauthorized('the signature is not v1= and 64 hex digits', 'ลายเซ็นไม่ถูกรูปแบบ');
  const now = Math.floor(deps.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > MAX_SKEW_SECONDS)
    throw unauthorized(
      'the timestamp is more than 300 s from the server clock',
      'เวลาของคำขอห่างจากนาฬิกาของเครื่องแม่ข่ายเกิน 300 วินาที',
    );
  return { group, keyId, timestamp, nonce, given, now };
}

/** Who signed: the group, and the key (a person's, or the group's shared secret: id and holder null). */
export interface Signer {
  group: string;
  key_id: string | null;
  holder: string | null;
}

/** SPEC §9, second half: a signature that matches the body, then an unused nonce; who signed. */
export async function verifySignature(
  deps: { secrets: SecretSource; nonces: NonceStore },
  signing: SigningHeaders,
  method: string,
  path: string,
  body: Uint8Array,
  bodyHash: (bytes: Uint8Array) => string,
  hmac: (key: Uint8Array, message: Uint8Array) => string,
): Promise<Signer> {
  const { group, keyId, timestamp, nonce, given, now } = signing;
  const canonical = utf8(
    canonicalString({ group, timestamp, nonce, method, path, bodySha256: bodyHash(body) }),
  );
  // the named key only, or (a request that names none) every key, each in constant time
  const matching = (keys: SigningKey[]) =>
    keys
      .filter((k) => keyId === undefined || k.id === keyId)
      .find((k) => constantTimeEqual(`v1=${hmac(utf8(k.secret), canonical)}`, given));
  let key = matching(await deps.secrets.secretsOf(group));
  // a kept copy may be older than a rotation or a new person's key: read again before refusing
  if (!key && deps.secrets.refresh) key = matching(await deps.secrets.refresh(group));
  // one answer for a group not registered and a wrong signature: no one can list the groups by asking
  if (!key)
    throw unauthorized(
      'the signature does not match (or the group is not registered)',
      'ลายเซ็นไม่ตรง (หรือกลุ่มนี้ยังไม่ได้ลงทะเบียน)',
    );
  // only a request with a good signature spends its nonce
  if (!(await deps.nonces.remember(group, nonce, now, now + NONCE_TTL_SECONDS)))
    throw unauthorized('the nonce was already used (a replay)', 'nonce นี้ถูกใช้ไปแล้ว (ส่งซ้ำ)');
  return { group, key_id: key.id, holder: key.holder };
}
