import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DynamoNonceStore } from '../adapters/dynamo-nonce-store.ts';
import { FileSecrets } from '../adapters/file-secrets.ts';
import { BAD_TARGET, MAX_BODY_BYTES, makeHandler, TOO_LARGE } from '../app/api/handler.ts';
import { openArchive } from './archive/open-archive.ts';

export interface ServeOptions {
  host: string;
  port: number;
  secretsFile: string;
  dataDir?: string;
  endpoint?: string;
  inMemory?: boolean;
  version: string;
  log?: (line: string) => void;
  /** How often the embedded store's expired nonces are swept (default every 10 minutes). */
  sweepEveryMs?: number;
  /** The clock (tests); Date.now by default. */
  now?: () => number;
}

/**
 * The API on one computer (`sajja serve`): the same handler the Lambda runs, on node:http, each
 * request turned into the Function URL event Lambda would give it, against the embedded archive.
 * A body over 5 MB (MAX_BODY_BYTES) is answered 413 without being read whole.
 */
export async function startServer(
  options: ServeOptions,
): Promise<{ url: string; endpoint: string; close: () => Promise<void> }> {
  const archive = await openArchive({
    dataDir: options.dataDir,
    endpoint: options.endpoint,
    inMemory: options.inMemory,
    // the other commands on this data folder reach the same store through this engine
    share: true,
  });
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? Date.now;
  const nonces = new DynamoNonceStore(archive.client, process.env.SAJJA_TABLE ?? 'sajja-archive');
  // the embedded engine has no TTL: expired nonces are swept here (real DynamoDB's TTL does it there)
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = sweeping.then(() => nonces.sweep(Math.floor(now() / 1000)).catch(() => 0));
  };
  const sweeper = options.endpoint ? undefined : setInterval(sweep, options.sweepEveryMs ?? 600_000);
  sweeper?.unref();
  const handler = makeHandler({
    store: archive.store,
    nonces,
    secrets: new FileSecrets(options.secretsFile),
    now,
    log: (entry) =>
      log(JSON.stringify({ timestamp: new Date().toISOString(), service: 'sajja-serve', ...entry })),
    version: options.version,
    sha256Hex: (bytes) => createHash('sha256').update(bytes).digest('hex'),
    hmacHex: (key, message) => createHmac('sha256', key).update(message).digest('hex'),
  });
  let counter = 0;
  const server = createServer((request, response) => {
    const requestId = `serve-${Date.now()}-${++counter}`;
    serveOne(request, response, handler, requestId, log).catch((error: unknown) => {
      log(
        JSON.stringify({
          timestamp: new Date().toISOString(),
          service: 'sajja-serve',
          level: 'error',
          message: 'internal error',
          request_id: requestId,
          error: (error as Error)?.name ?? 'unknown',
        }),
      );
      if (!response.headersSent)
        answer(response, 500, {
          code: 'internal',
          message: {
            th: 'ข้อผิดพลาดภายใน (ดู request_id ในบันทึก)',
            en: 'internal error (see request_id in the log)',
          },
          request_id: requestId,
        });
      else response.destroy();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, resolve);
    });
  } catch (error) {
    await archive.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    endpoint: archive.endpoint,
    close: async () => {
      if (sweeper) clearInterval(sweeper);
      await sweeping;
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await archive.close();
    },
  };
}

/** An answer made here, not by the handler (a body too large to read, a target that cannot be parsed). */
function answer(
  response: ServerResponse,
  status: number,
  error: { code: string; message: { th: string; en: string }; request_id: string },
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify({ error }));
}

/** What is read and dropped of a body refused as too large, at most, before the socket is closed. */
const DRAIN_BYTES = 64 * 1024 * 1024;
const DRAIN_MS = 10_000;

async function serveOne(
  request: IncomingMessage,
  response: ServerResponse,
  handler: ReturnType<typeof makeHandler>,
  requestId: string,
  log: (line: string) => void,
): Promise<void> {
  // the answer is sent while the rest of the body is read and dropped (up to a bound): a socket
  // closed on unread bytes is reset, and the client would see the reset, not the answer
  const tooLarge = () => {
    answer(
      response,
      413,
      { code: 'too_large', message: TOO_LARGE, request_id: requestId },
      { connection: 'close' },
    );
    let dropped = 0;
    request.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > DRAIN_BYTES) request.destroy();
    });
    request.resume();
    setTimeout(() => request.destroy(), DRAIN_MS).unref();
  };
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://localhost');
  } catch {
    log(
      JSON.stringify({
        timestamp: new Date().toISOString(),
        service: 'sajja-serve',
        level: 'info',
        message: 'request',
        request_id: requestId,
        route: 'unknown',
        method: request.method ?? '',
        status: 400,
      }),
    );
    request.resume();
    return answer(response, 400, { code: 'bad_request', message: BAD_TARGET, request_id: requestId });
  }
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const chunks = await new Promise<Buffer[] | null>((resolve, reject) => {
    const read: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return read.push(chunk);
      request.off('data', onData);
      request.pause();
      resolve(null);
    };
    request.on('data', onData);
    request.on('end', () => resolve(read));
    request.on('error', reject);
  });
  if (chunks === null) return tooLarge();
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers))
    if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  const event = {
    version: '2.0',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    body: Buffer.concat(chunks).toString('base64'),
    isBase64Encoded: true,
    requestContext: { requestId, http: { method: request.method ?? 'GET', path: url.pathname } },
  } as unknown as APIGatewayProxyEventV2;
  const result = await handler(event);
  response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  response.end(result.body ?? '');
}
