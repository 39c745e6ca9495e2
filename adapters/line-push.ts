import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ServiceStatusError } from '../app/monthly/errors.ts';
import type { LinePush } from '../app/monthly/ports.ts';
import { boundedFetch } from './bounded-fetch.ts';

/** LINE Messaging API push, the channel token from Secrets Manager (read once per container). */
export class LineMessaging implements LinePush {
  private token: string | undefined;
  constructor(
    private readonly secrets: SecretsManagerClient,
    private readonly tokenSecretId: string,
    // a push answers in a second: 10 s is a hang; its answer is a few bytes
    private readonly post: typeof fetch = boundedFetch({ timeoutMs: 10_000, maxBytes: 64 * 1024 }),
    private readonly endpoint = 'https://api.line.me/v2/bot/message/push',
  ) {}
  async push(to: string, text: string): Promise<void> {
    this.token ??= (
      await this.secrets.send(new GetSecretValueCommand({ SecretId: this.tokenSecretId }))
    ).SecretString;
    const response = await this.post(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ to, messages: [{ type: 'text', text }] }),
    });
    if (!response.ok) throw new ServiceStatusError(`LINE push answered ${response.status}`, response.status);
  }
}
