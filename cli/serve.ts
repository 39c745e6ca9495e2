import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DynamoNonceStore } from '../adapters/dynamo-nonce-store.ts';
import { FileSecrets } from '../adapters/file-secrets.ts';
import { MAX_BODY_BYTES, makeHandler, TOO_LARGE } from '../app/api/handler.ts';
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
}

/**
 * The API on one computer (`sajja serve`): the same handler the Lambda runs, on node:http, each
 * request turned into the Function URL event Lambda would give it, against the embedded archive.
 * A body over 5 MB (MAX_BODY_BYTES) is answered 413 without being read whole.
 */
export async function startServer(
  options: ServeOptions,
): Promise<{ url: string; close: () => Promise<void> }> {
  const archive = await openArchive({
    dataDir: options.dataDir,
    endpoint: options.endpoint,
    inMemory: options.inMemory,
    // the other commands on this data folder reach the same store through this engine
    share: true,
  });
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const handler = makeHandler({
    store: archive.store,
    nonces: new DynamoNonceStore(archive.client, process.env.SAJJA_TABLE ?? 'sajja-archive'),
    secrets: new FileSecrets(options.secretsFile),
    now: Date.now,
    log: (entry) =>
      log(JSON.stringify({ timestamp: new Date().toISOString(), service: 'sajja-serve', ...entry })),
    version: options.version,
    sha256Hex: (bytes) => createHash('sha256').update(bytes).digest('hex'),
    hmacHex: (key, message) => createHmac('sha256', key).update(message).digest('hex'),
  });
  let counter = 0;
  const server = createServer((request, response) => {
    serveOne(request, response, handler, `serve-${Date.now()}-${++counter}`).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
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
    close: async () => {
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await archive.close();
    },
  };
}

async function serveOne(
  request: IncomingMessage,
  response: ServerResponse,
  handler: ReturnType<typeof makeHandler>,
  requestId: string,
): Promise<void> {
  const tooLarge = () => {
    response.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
    response.end(
      JSON.stringify({
        error: {
          code: 'too_large',
          message: TOO_LARGE,
          request_id: requestId,
        },
      }),
    );
    request.destroy();
  };
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return tooLarge();
    chunks.push(chunk as Buffer);
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
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
