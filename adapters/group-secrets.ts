import { readFile } from 'node:fs/promises';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * The groups' secrets in AWS Secrets Manager: one secret holding `{"<group_id>": "<secret>", …}`.
 * Read once per warm container and kept; an unknown group makes it read again (a group added since),
 * at most once a minute. Secrets are never logged.
 */
export class SecretsManagerSecrets {
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

/** The secrets of a JSON file `{"<group_id>": "<secret>"}` (`sajja serve --secrets FILE`), read on each use. */
export class FileSecrets {
  constructor(private readonly path: string) {}
  async secretOf(group: string): Promise<string | undefined> {
    return secretsOf(await readFile(this.path, 'utf8')).get(group);
  }
}

function secretsOf(text: string): Map<string, string> {
  const data = JSON.parse(text) as Record<string, unknown>;
  const out = new Map<string, string>();
  for (const [group, secret] of Object.entries(data)) if (typeof secret === 'string') out.set(group, secret);
  return out;
}
