import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  ArchiveCorruptError,
  type ArchiveStore,
  hmacSha256Hex,
  sha256,
  UnusableWorkbookError,
  utf8,
} from '../../core/index.ts';
import { checkSigningHeaders, type Signer, verifySignature } from './authenticate.ts';
import { ApiError } from './errors.ts';
import type { Log, NonceStore, SecretSource } from './ports.ts';
import { ROUTES } from './routes/index.ts';

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

/**
 * The largest body the API takes: 5 MB. Lambda refuses an invocation over 6 MB counting the whole
 * event (headers, and a binary body base64-encoded, a third larger) with an English error of its
 * own; below 5 MB that never happens, and a larger body gets this API's answer in Thai and English.
 */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** What a body over the limit is told: the limit, and what a sheet sends instead. */
export const TOO_LARGE = {
  th: 'ข้อมูลใหญ่เกิน 5 MB ที่ API รับได้ (AWS Lambda รับคำขอไม่เกิน 6 MB รวมทั้งซอง): ปิดเดือนจากชีตจะส่งเฉพาะสแนปช็อตของเดือนซึ่งเล็กกว่ามาก',
  en: "the body is over the API's 5 MB (AWS Lambda takes at most 6 MB with the whole event): the sheet's Close month sends only the month's snapshot, far smaller",
};

/** A request target that cannot be read (a malformed `%` escape, no path at all). */
export const BAD_TARGET = {
  th: 'ที่อยู่ของคำขออ่านไม่ได้ (มี % ที่ไม่ถูกต้อง)',
  en: 'the request target cannot be read (a malformed % escape)',
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
    let signer: Signer | null = null;
    let route = 'unknown';
    let response: Response;
    try {
      const matched = routeOf(method, path);
      route = matched.name;
      // the signing headers first: an unsigned or stale request is refused before its body is read
      const signing = matched.signed ? checkSigningHeaders(deps, headers) : undefined;
      const body = bodyBytes(event, headers);
      if (signing) {
        signer = await verifySignature(deps, signing, method, path, body, bodyHash, hmac);
        group = signer.group;
      }
      if (matched.group !== undefined && matched.group !== group)
        throw new ApiError('forbidden', {
          th: `กลุ่มในที่อยู่ (${matched.group}) ไม่ใช่กลุ่มที่ลงนาม`,
          en: `the group in the path (${matched.group}) is not the signing group`,
        });
      const answer = await matched.route({
        store: deps.store,
        now: deps.now,
        version: deps.version,
        group,
        signer,
        body,
        ...(matched.month === undefined ? {} : { month: matched.month }),
      });
      response = json(200, answer);
    } catch (error) {
      response = failure(error, requestId, deps.log);
    }
    deps.log({
      level: (response.statusCode ?? 200) >= 500 ? 'error' : 'info',
      message: 'request',
      request_id: requestId,
      group,
      route,
      key_id: signer?.key_id ?? null,
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

/** The route of a method and path: 404 for no such path, 405 for a path that takes another method. */
function routeOf(method: string, path: string) {
  const matches = ROUTES.filter((r) => r.pattern.test(path));
  if (matches.length === 0) throw new ApiError('not_found', { th: `ไม่มีที่อยู่ ${path}`, en: `no route ${path}` });
  const route = matches.find((r) => r.method === method);
  if (!route)
    throw new ApiError('method_not_allowed', {
      th: `${path} ใช้ ${matches.map((r) => r.method).join(', ')} ไม่ใช่ ${method}`,
      en: `${path} takes ${matches.map((r) => r.method).join(', ')}, not ${method}`,
    });
  const m = route.pattern.exec(path)!;
  const decode = (s: string | undefined) => {
    if (s === undefined) return undefined;
    try {
      return decodeURIComponent(s);
    } catch {
      // `%zz` or half a UTF-8 sequence: the client's mistake, said as one
      throw new ApiError('bad_request', BAD_TARGET);
    }
  };
  return { ...route, group: decode(m[1]), month: decode(m[2]) };
}

/** The raw body bytes, refused over MAX_BODY_BYTES before anything is parsed. */
function bodyBytes(event: APIGatewayProxyEventV2, headers: Record<string, string>): Uint8Array {
  const declared = Number(headers['content-length'] ?? 0);
  const text = event.body ?? '';
  if (
    declared > MAX_BODY_BYTES ||
    text.length > (event.isBase64Encoded ? (MAX_BODY_BYTES * 4) / 3 + 4 : MAX_BODY_BYTES)
  )
    throw new ApiError('too_large', TOO_LARGE);
  const bytes = event.isBase64Encoded ? base64Bytes(text) : utf8(text);
  if (bytes.length > MAX_BODY_BYTES) throw new ApiError('too_large', TOO_LARGE);
  return bytes;
}

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
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
        th: `สมุดใช้ไม่ได้: ${error.text.th}`,
        en: `unusable workbook: ${error.text.en}`,
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
