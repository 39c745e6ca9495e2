import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import {
  ArchiveCorruptError,
  type ArchiveStore,
  archiveMonth,
  BatchGetSchema,
  type CheckedBooks,
  canonicalString,
  checkBooks,
  checkForSnapshot,
  compareClosedMonths,
  constantTimeEqual,
  DEFAULT_ZONE,
  dayIn,
  hmacSha256Hex,
  latestByMonth,
  MAX_SKEW_SECONDS,
  NONCE,
  NONCE_TTL_SECONDS,
  parseDate,
  parseMonth,
  readSnapshot,
  sha256,
  snapshot,
  summarise,
  UnusableWorkbookError,
  utf8,
  verifyChain,
  type Workbook,
  workbookFromBatchGet,
} from '../../core/index.ts';
import { ApiError, unauthorized } from './api-error.ts';
import type { Log, NonceStore, SecretSource } from './ports.ts';

/** What the handler needs from the world, passed in (no module state, no globals). */
export interface ApiDeps {
  store: ArchiveStore;
  secrets: SecretSource;
  nonces: NonceStore;
  /** The clock, in milliseconds. */
  now: () => number;
  log: Log;
  version: string;
  /** Hex SHA-256 of the raw body (node:crypto in the shells; the core's by default). */
  sha256Hex?: (bytes: Uint8Array) => string;
  /** HMAC-SHA256 hex (node:crypto in the shells; the core's by default). */
  hmacHex?: (key: Uint8Array, message: Uint8Array) => string;
}

/** Lambda's synchronous payload limit: a larger body is refused before it is parsed. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

const month = z.string().refine((m) => parseMonth(m).ok, 'a month as YYYY-MM (2569-09 is 2026-09)');
const day = z
  .string()
  .refine((d) => parseDate(d, { calendar: 'buddhist', timeZone: DEFAULT_ZONE }).ok, 'a date');
const Bodies = {
  check: z.object({ workbook: BatchGetSchema, as_of: day.optional() }),
  summary: z.object({ workbook: BatchGetSchema, month, as_of: day.optional() }),
  archive: z.object({ workbook: BatchGetSchema, month }),
};

type Response = APIGatewayProxyStructuredResultV2;
const json = (statusCode: number, body: unknown): Response => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

/**
 * The API's one handler (SPEC §9), behind a Lambda Function URL or `sajja serve`: every route but
 * health signed; parse (zod) → the core's jobs → the archive port. Errors are one map to a status,
 * never a stack trace; one structured log line a request.
 */
export function makeHandler(deps: ApiDeps) {
  const bodyHash = deps.sha256Hex ?? ((bytes: Uint8Array) => sha256(bytes));
  const hmac = deps.hmacHex ?? hmacSha256Hex;
  return async function handle(event: APIGatewayProxyEventV2): Promise<Response> {
    const started = deps.now();
    const requestId = event.requestContext?.requestId ?? `local-${started}`;
    const method = (event.requestContext?.http?.method ?? 'GET').toUpperCase();
    const path = (event.rawPath ?? '/').split('?')[0]!;
    const headers = lowerCase(event.headers ?? {});
    let group: string | null = null;
    let route = 'unknown';
    let response: Response;
    try {
      const matched = routeOf(method, path);
      route = matched.name;
      const raw = bodyBytes(event, headers);
      if (matched.name !== 'health')
        group = await authenticate(deps, headers, method, path, raw, bodyHash, hmac);
      if (matched.group !== undefined && matched.group !== group)
        throw new ApiError('forbidden', {
          th: `กลุ่มในที่อยู่ (${matched.group}) ไม่ใช่กลุ่มที่ลงนาม`,
          en: `the group in the path (${matched.group}) is not the signing group`,
        });
      response = json(200, await answer(deps, matched, group, raw));
    } catch (error) {
      response = failure(error, requestId, deps.log);
    }
    deps.log({
      level: (response.statusCode ?? 200) >= 500 ? 'error' : 'info',
      message: 'request',
      request_id: requestId,
      group,
      route,
      method,
      status: response.statusCode ?? 200,
      duration_ms: deps.now() - started,
    });
    return response;
  };
}

function lowerCase(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (value !== undefined) out[key.toLowerCase()] = value;
  return out;
}

interface Route {
  name: 'health' | 'check' | 'summary' | 'archive' | 'snapshots' | 'snapshot' | 'verify';
  group?: string;
  month?: string;
}

const ROUTES: { method: string; pattern: RegExp; name: Route['name'] }[] = [
  { method: 'GET', pattern: /^\/v1\/health$/, name: 'health' },
  { method: 'POST', pattern: /^\/v1\/check$/, name: 'check' },
  { method: 'POST', pattern: /^\/v1\/summary$/, name: 'summary' },
  { method: 'POST', pattern: /^\/v1\/archive$/, name: 'archive' },
  { method: 'GET', pattern: /^\/v1\/groups\/([^/]+)\/snapshots$/, name: 'snapshots' },
  { method: 'GET', pattern: /^\/v1\/groups\/([^/]+)\/snapshots\/([^/]+)$/, name: 'snapshot' },
  { method: 'GET', pattern: /^\/v1\/groups\/([^/]+)\/verify$/, name: 'verify' },
];

function routeOf(method: string, path: string): Route {
  const matches = ROUTES.filter((r) => r.pattern.test(path));
  if (matches.length === 0) throw new ApiError('not_found', { th: `ไม่มีที่อยู่ ${path}`, en: `no route ${path}` });
  const route = matches.find((r) => r.method === method);
  if (!route)
    throw new ApiError('method_not_allowed', {
      th: `${path} ใช้ ${matches.map((r) => r.method).join(', ')} ไม่ใช่ ${method}`,
      en: `${path} takes ${matches.map((r) => r.method).join(', ')}, not ${method}`,
    });
  const m = route.pattern.exec(path)!;
  const decode = (s: string | undefined) => (s === undefined ? undefined : decodeURIComponent(s));
  return { name: route.name, group: decode(m[1]), month: decode(m[2]) };
}

/** The raw body bytes, refused over 6 MB before anything is parsed. */
function bodyBytes(event: APIGatewayProxyEventV2, headers: Record<string, string>): Uint8Array {
  const declared = Number(headers['content-length'] ?? 0);
  const text = event.body ?? '';
  if (
    declared > MAX_BODY_BYTES ||
    text.length > (event.isBase64Encoded ? (MAX_BODY_BYTES * 4) / 3 + 4 : MAX_BODY_BYTES)
  )
    throw new ApiError('too_large', { th: 'ข้อมูลใหญ่เกิน 6 MB', en: 'the body is over 6 MB' });
  const bytes = event.isBase64Encoded ? base64Bytes(text) : utf8(text);
  if (bytes.length > MAX_BODY_BYTES)
    throw new ApiError('too_large', { th: 'ข้อมูลใหญ่เกิน 6 MB', en: 'the body is over 6 MB' });
  return bytes;
}

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** SPEC §9: the group, a fresh timestamp, an unused nonce and a signature that matches; else 401. */
async function authenticate(
  deps: ApiDeps,
  headers: Record<string, string>,
  method: string,
  path: string,
  body: Uint8Array,
  bodyHash: (bytes: Uint8Array) => string,
  hmac: (key: Uint8Array, message: Uint8Array) => string,
): Promise<string> {
  const group = headers['x-sajja-group'];
  const timestamp = headers['x-sajja-timestamp'];
  const nonce = headers['x-sajja-nonce'];
  const given = headers['x-sajja-signature'];
  if (!group || !timestamp || !nonce || !given)
    throw unauthorized(
      'a signing header is missing (X-Sajja-Group, -Timestamp, -Nonce, -Signature)',
      'ไม่มีหัวข้อการลงนาม (X-Sajja-Group, -Timestamp, -Nonce, -Signature)',
    );
  if (!/^\d{1,12}$/.test(timestamp))
    throw unauthorized('the timestamp is not Unix seconds', 'เวลาไม่ใช่วินาทีแบบ Unix');
  if (!NONCE.test(nonce))
    throw unauthorized('the nonce is not 16–64 characters of [A-Za-z0-9_-]', 'nonce ไม่ถูกรูปแบบ');
  if (!/^v1=[0-9a-f]{64}$/.test(given))
    throw unauthorized('the signature is not v1= and 64 hex digits', 'ลายเซ็นไม่ถูกรูปแบบ');
  const now = Math.floor(deps.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > MAX_SKEW_SECONDS)
    throw unauthorized(
      'the timestamp is more than 300 s from the server clock',
      'เวลาของคำขอห่างจากนาฬิกาของเครื่องแม่ข่ายเกิน 300 วินาที',
    );
  const secret = await deps.secrets.secretOf(group);
  if (secret === undefined) throw unauthorized('unknown group', 'ไม่รู้จักกลุ่มนี้');
  const canonical = canonicalString({ group, timestamp, nonce, method, path, bodySha256: bodyHash(body) });
  const expected = `v1=${hmac(utf8(secret), utf8(canonical))}`;
  if (!constantTimeEqual(expected, given)) throw unauthorized('the signature does not match', 'ลายเซ็นไม่ตรง');
  // only a request with a good signature spends its nonce
  if (!(await deps.nonces.remember(group, nonce, now, now + NONCE_TTL_SECONDS)))
    throw unauthorized('the nonce was already used (a replay)', 'nonce นี้ถูกใช้ไปแล้ว (ส่งซ้ำ)');
  return group;
}

function parseBody<T extends z.ZodType>(schema: T, raw: Uint8Array): z.infer<T> {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new ApiError('bad_request', { th: 'ข้อมูลไม่ใช่ JSON', en: 'the body is not JSON' });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw new ApiError(
      'bad_request',
      { th: 'ข้อมูลไม่ตรงรูปแบบ', en: 'the body does not fit its schema' },
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  return parsed.data;
}

/** The workbook of a body (its group is checked once it is read: ownBooks). */
function groupWorkbook(raw: unknown, _group: string): Workbook {
  return workbookFromBatchGet(raw);
}

function ownBooks(checked: CheckedBooks, group: string): CheckedBooks {
  if (checked.book.settings.group_id !== group)
    throw new ApiError('forbidden', {
      th: `สมุดนี้เป็นของกลุ่ม "${checked.book.settings.group_id}" ไม่ใช่ ${group}`,
      en: `the workbook belongs to "${checked.book.settings.group_id}", not ${group}`,
    });
  return checked;
}

const asOfOf = (asOf: string | undefined, ms: number) => (zone: string) =>
  asOf === undefined
    ? dayIn(zone, ms)
    : (parseDate(asOf, { calendar: 'buddhist', timeZone: zone }) as { value: string }).value;

async function answer(deps: ApiDeps, route: Route, group: string | null, raw: Uint8Array): Promise<unknown> {
  switch (route.name) {
    case 'health':
      return { ok: true, version: deps.version };
    case 'check': {
      const body = parseBody(Bodies.check, raw);
      const checked = ownBooks(
        checkBooks(groupWorkbook(body.workbook, group!), { asOf: asOfOf(body.as_of, deps.now()) }),
        group!,
      );
      const compared = await compareClosedMonths(checked, deps.store);
      return { ...compared.result, closed_check: compared.closedCheck };
    }
    case 'summary': {
      const body = parseBody(Bodies.summary, raw);
      const checked = ownBooks(
        checkBooks(groupWorkbook(body.workbook, group!), { asOf: asOfOf(body.as_of, deps.now()) }),
        group!,
      );
      return summarise(checked, (parseMonth(body.month) as { value: string }).value);
    }
    case 'archive': {
      const body = parseBody(Bodies.archive, raw);
      const m = (parseMonth(body.month) as { value: string }).value;
      const checked = ownBooks(checkForSnapshot(groupWorkbook(body.workbook, group!), m), group!);
      const { timezone, opening_date } = checked.book.settings;
      const current = dayIn(timezone, deps.now()).slice(0, 7);
      if (m > current || (opening_date !== undefined && m < opening_date.slice(0, 7)))
        throw new ApiError('month_out_of_range', {
          th: `เก็บเดือน ${m} ไม่ได้: ต้องไม่เกินเดือนนี้ (${current}) และไม่ก่อนวันเริ่มบัญชี`,
          en: `cannot archive ${m}: it must be no later than this month (${current}) and not before the opening date`,
        });
      const result = await archiveMonth(deps.store, snapshot(checked, m), new Date(deps.now()).toISOString());
      const c = result.commit;
      return {
        group_id: c.group_id,
        month: c.month,
        version: c.version,
        hash: c.hash,
        prev_hash: c.prev_hash,
        created: result.created,
        bytes_raw: c.bytes_raw,
        bytes_stored: c.bytes_stored,
        items: result.items,
      };
    }
    case 'snapshots': {
      const history = await deps.store.history(group!);
      return {
        group_id: group,
        snapshots: history.map((c) => ({
          month: c.month,
          version: c.version,
          hash: c.hash,
          prev_hash: c.prev_hash,
          created_at: c.created,
        })),
      };
    }
    case 'snapshot': {
      const m = parseMonth(route.month ?? '');
      if (!m.ok) throw new ApiError('bad_request', { th: 'เดือนไม่ถูกต้อง', en: 'not a month' });
      const latest = latestByMonth(await deps.store.history(group!)).get(m.value);
      if (!latest)
        throw new ApiError('not_found', {
          th: `ยังไม่ได้เก็บเดือน ${m.value}`,
          en: `${m.value} has not been archived`,
        });
      const content = await readSnapshot(deps.store, latest);
      return {
        group_id: group,
        month: latest.month,
        version: latest.version,
        hash: latest.hash,
        prev_hash: latest.prev_hash,
        created_at: latest.created,
        summary: content.summary,
      };
    }
    case 'verify': {
      const report = await verifyChain(deps.store, group!);
      return {
        group_id: group,
        ok: report.ok,
        snapshots: report.snapshots,
        head_hash: report.head_hash,
        problems: report.breaks,
      };
    }
  }
}

function failure(error: unknown, requestId: string, log: Log): Response {
  const as = (e: ApiError) =>
    json(e.status, {
      error: {
        code: e.code,
        message: e.text,
        request_id: requestId,
        ...(e.issues ? { issues: e.issues } : {}),
      },
    });
  if (error instanceof ApiError) return as(error);
  if (error instanceof UnusableWorkbookError)
    return as(
      new ApiError('bad_request', {
        th: `สมุดใช้ไม่ได้: ${error.message}`,
        en: `unusable workbook: ${error.message}`,
      }),
    );
  if (error instanceof ArchiveCorruptError)
    log({ level: 'error', message: 'archive damaged', request_id: requestId, detail: error.message });
  else
    log({
      level: 'error',
      message: 'internal error',
      request_id: requestId,
      error: (error as Error)?.name ?? 'unknown',
    });
  return as(
    new ApiError('internal', {
      th: 'ข้อผิดพลาดภายใน (ดู request_id ในบันทึก)',
      en: 'internal error (see request_id in the log)',
    }),
  );
}
