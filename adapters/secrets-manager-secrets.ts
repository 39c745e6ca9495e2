import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretSource } from '../app/api/ports.ts';
import { secretsOf } from './secrets-json.ts';

/**
 * The groups' secrets in AWS Secrets Manager: one secret holding `{"<group_id>": "<secret>", …}`.
 * Read once per warm container and kept; an unknown group makes it read again (a group added since),
 * at most once a minute. Secrets are never logged.
 */
export class SecretsManagerSecrets implements SecretSource {
  private cache: Map<string, string> | undefined;
  private loadedAt = 0;
  constructor(
    private readonly client: SecretsManagerClient,
    private readonly secretId: string,
    private readonly now: () => number = Date.now,
    private readonly refreshAfterMs = 60_000,
  ) {}

  async secretOf(group: string): Promise<string | undefined> {
    if (!this.cache || (!this.cache.has(group) && this.now() - this.loadedAt > this.refreshAfterMs))
      await this.load();
    return this.cache!.get(group);
  }

  private async load(): Promise<void> {
    const { SecretString } = await this.client.send(new GetSecretValueCommand({ SecretId: this.secretId }));
    this.cache = secretsOf(SecretString ?? '{}');
    this.loadedAt = this.now();
  }
}
