import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { messagingApi } from '@line/bot-sdk';
import { ServiceStatusError } from '../app/monthly/errors.ts';
import { type LinePush, type LineQuota, MonthlyLimitReached } from '../app/monthly/ports.ts';
import { boundedFetch } from './bounded-fetch.ts';

/** The channel token from Secrets Manager (the Lambda's), read when first needed. */
export const tokenFromSecret =
  (secrets: Pick<SecretsManagerClient, 'send'>, secretId: string) => async (): Promise<string | undefined> =>
    (await secrets.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;

/**
 * The LINE Messaging API (https://api.line.me, or a stand-in): the push endpoint with a retry key,
 * and the month's quota and consumption. The channel token is read once per container.
 */
export class LineMessaging implements LinePush {
  private token: string | undefined;
  constructor(
    private readonly readToken: () => Promise<string | undefined>,
    // a push answers in a second: 10 s is a hang; its answer is a few bytes
    private readonly post: typeof fetch = boundedFetch({ timeoutMs: 10_000, maxBytes: 64 * 1024 }),
    private readonly base = 'https://api.line.me',
  ) {}

  private async headers(): Promise<Record<string, string>> {
    this.token ??= await this.readToken();
    return { authorization: `Bearer ${this.token}` };
  }

  /**
   * A push (POST /v2/bot/message/push) with `X-Line-Retry-Key`: LINE executes a key once, and
   * answers 409 to the same key again — so a push the job made before it crashed is not made
   * twice, and its 409 means delivered. LINE's monthly limit (429 "You have reached your monthly
   * limit.") is MonthlyLimitReached, for the worker to report; a rate limit (another 429) and 5xx
   * are temporary; anything else is permanent, with LINE's message.
   */
  async push(to: string, text: string, _name: string, retryKey?: string): Promise<void> {
    const response = await this.post(`${this.base}/v2/bot/message/push`, {
      method: 'POST',
      headers: {
        ...(await this.headers()),
        'content-type': 'application/json',
        ...(retryKey ? { 'x-line-retry-key': retryKey } : {}),
      },
      body: JSON.stringify({
        to,
        messages: [{ type: 'text', text }],
      } satisfies messagingApi.PushMessageRequest),
    });
    if (response.ok) return;
    if (response.status === 409 && retryKey) return; // this key was accepted before: delivered
    const said = (await response.json().catch(() => ({}))) as Partial<messagingApi.ErrorResponse>;
    const why = [said.message, ...(said.details ?? []).map((d) => `${d.property}: ${d.message}`)]
      .filter(Boolean)
      .join('; ');
    if (response.status === 429 && /monthly limit/i.test(said.message ?? ''))
      throw new MonthlyLimitReached(why);
    throw new ServiceStatusError(
      `LINE push answered ${response.status}${why ? `: ${why}` : ''}`,
      response.status,
    );
  }

  /** The month's quota (GET /v2/bot/message/quota) and what was used (…/quota/consumption). */
  async quota(): Promise<LineQuota> {
    const read = async <T>(path: string): Promise<T> => {
      const response = await this.post(`${this.base}${path}`, {
        method: 'GET',
        headers: await this.headers(),
      });
      if (!response.ok)
        throw new ServiceStatusError(`LINE ${path} answered ${response.status}`, response.status);
      return (await response.json()) as T;
    };
    const quota = await read<messagingApi.MessageQuotaResponse>('/v2/bot/message/quota');
    const used = await read<messagingApi.QuotaConsumptionResponse>('/v2/bot/message/quota/consumption');
    return {
      limit: quota.type === 'limited' ? Number(quota.value ?? 0) : null,
      used: Number(used.totalUsage ?? 0),
    };
  }
}
