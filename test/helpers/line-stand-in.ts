import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { messagingApi } from '@line/bot-sdk';

/**
 * A local stand-in of the LINE Messaging API, for the calls the monthly job makes, written from
 * LINE's reference and typed by its own SDK's types: POST /v2/bot/message/push (Bearer token,
 * JSON body, up to 5 messages, a text of 1–5,000 characters, `to` a user id, `X-Line-Retry-Key` a
 * UUID executed once — the same key again answers 409 with `x-line-accepted-request-id`, and a
 * pushed message counts against the month's limit: past it, 429 "You have reached your monthly
 * limit."), GET /v2/bot/message/quota and /quota/consumption. Errors are LINE's `{message,
 * details}`. `failAfterAccept` answers 500 after accepting the next push (a lost answer: the
 * message went, the caller does not know).
 */
export interface LineStandIn {
  url: string;
  token: string;
  /** Every message accepted, in order: to whom, the text, the retry key. */
  accepted: { to: string; text: string; retryKey: string | null }[];
  /** Every request as it came: method, path, status answered. */
  requests: { method: string; path: string; status: number }[];
  quota: { limit: number | null; used: number };
  failAfterAccept: number;
  close(): Promise<void>;
}

const USER_ID = /^U[0-9a-f]{32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function startLineStandIn(quota: { limit: number | null; used: number }): Promise<LineStandIn> {
  const token = `line-token-${randomUUID()}`;
  const retryKeys = new Map<string, string>();
  const state: Omit<LineStandIn, 'url' | 'close'> = {
    token,
    accepted: [],
    requests: [],
    quota,
    failAfterAccept: 0,
  };
  const answer = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-line-request-id': randomUUID(),
      ...headers,
    });
    res.end(JSON.stringify(body));
  };
  const error = (message: string, details?: messagingApi.ErrorDetail[]): messagingApi.ErrorResponse => ({
    message,
    ...(details ? { details } : {}),
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0]!;
    let body = '';
    for await (const chunk of req) body += chunk;
    const send = (status: number, json: unknown, headers?: Record<string, string>) => {
      state.requests.push({ method: req.method ?? '', path, status });
      answer(res, status, json, headers);
    };
    if (req.headers.authorization !== `Bearer ${token}`)
      return send(
        401,
        error('Authentication failed. Confirm that the access token in the authorization header is valid.'),
      );
    if (req.method === 'GET' && path === '/v2/bot/message/quota')
      return send(
        200,
        (state.quota.limit === null
          ? { type: 'none' }
          : { type: 'limited', value: state.quota.limit }) satisfies messagingApi.MessageQuotaResponse,
      );
    if (req.method === 'GET' && path === '/v2/bot/message/quota/consumption')
      return send(200, { totalUsage: state.quota.used } satisfies messagingApi.QuotaConsumptionResponse);
    if (req.method !== 'POST' || path !== '/v2/bot/message/push') return send(404, error('Not found'));
    const retryKey = (req.headers['x-line-retry-key'] as string | undefined) ?? null;
    if (retryKey !== null && !UUID.test(retryKey))
      return send(400, error("The value for the 'X-Line-Retry-Key' header is invalid"));
    let push: messagingApi.PushMessageRequest;
    try {
      push = JSON.parse(body) as messagingApi.PushMessageRequest;
    } catch {
      return send(400, error('The request body has 1 error(s)', [{ message: 'Invalid JSON' }]));
    }
    if (typeof push.to !== 'string' || !USER_ID.test(push.to))
      return send(400, error("The property, 'to', in the request body is invalid (line: -, column: -)"));
    const details: messagingApi.ErrorDetail[] = [];
    if (!Array.isArray(push.messages) || push.messages.length < 1 || push.messages.length > 5)
      details.push({ message: 'Size must be between 1 and 5', property: 'messages' });
    for (const [i, m] of (push.messages ?? []).entries()) {
      const text = (m as messagingApi.TextMessage).text;
      if (m.type !== 'text')
        details.push({ message: 'Invalid message type', property: `messages[${i}].type` });
      else if (typeof text !== 'string' || text.length < 1 || text.length > 5000)
        details.push({ message: 'Length must be between 1 and 5000', property: `messages[${i}].text` });
    }
    if (details.length > 0)
      return send(400, error(`The request body has ${details.length} error(s)`, details));
    if (retryKey !== null && retryKeys.has(retryKey))
      return send(409, error('The retry key is already accepted'), {
        'x-line-accepted-request-id': retryKeys.get(retryKey)!,
      });
    if (state.quota.limit !== null && state.quota.used + push.messages.length > state.quota.limit)
      return send(429, error('You have reached your monthly limit.'));
    const requestId = randomUUID();
    if (retryKey !== null) retryKeys.set(retryKey, requestId);
    state.quota.used += push.messages.length;
    for (const m of push.messages)
      state.accepted.push({ to: push.to, text: (m as messagingApi.TextMessage).text, retryKey });
    if (state.failAfterAccept > 0) {
      state.failAfterAccept--;
      return send(500, error('An error occurred in the server.'));
    }
    send(
      200,
      {
        sentMessages: push.messages.map(() => ({ id: String(Date.now()), quoteToken: randomUUID() })),
      } satisfies messagingApi.PushMessageResponse,
      { 'x-line-request-id': requestId },
    );
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => answer(res, 500, error('An error occurred in the server.')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
