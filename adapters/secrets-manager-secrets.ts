import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretSource, SigningKey } from '../app/api/ports.ts';
import { secretsOf } from './secrets-json.ts';

/**
 * The groups' secrets in AWS Secrets Manager: one secret holding `{"<group_id>": "<secret>", …}`
 * (a rotation: `{"secret", "previous", "previous_until"}`). Kept by a warm container for at most
 * `maxAgeMs`; an unknown group, or a signature no kept secret matches (a secret rotated since),
 * makes it read again, at most once per `refreshAfterMs`. A failed read is never kept: the next
 * request reads again. Secrets are never logged.
 */
export class SecretsManagerSecrets implements SecretSource {
  private cache: Map<string, SigningKey[]> | undefined;
  private loadedAt = 0;
  constructor(
    private readonly client: SecretsManagerClient,
    private readonly secretId: string,
    private readonly now: () => number = Date.now,
    private readonly refreshAfterMs = 10_000,
    private readonly maxAgeMs = 5 * 60_000,
  ) {}

  async secretsOf(group: string): Promise<SigningKey[]> {
    const age = this.now() - this.loadedAt;
    if (!this.cache || age > this.maxAgeMs || (!this.cache.has(group) && age > this.refreshAfterMs))
      await this.load();
    return this.cache!.get(group) ?? [];
  }

  async refresh(group: string): Promise<SigningKey[]> {
    if (this.now() - this.loadedAt > this.refreshAfterMs) await this.load();
    return this.cache?.get(group) ?? [];
  }

  private async load(): Promise<void> {
    const { SecretString } = await this.client.send(new GetSecretValueCommand({ SecretId: this.secretId }));
    this.cache = secretsOf(SecretString ?? '', this.now());
    this.loadedAt = this.now();
  }
}
