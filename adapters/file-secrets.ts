import { readFile } from 'node:fs/promises';
import type { SecretSource, SigningKey } from '../app/api/ports.ts';
import { secretsOf } from './secrets-json.ts';

/** The secrets of a JSON file `{"<group_id>": "<secret>"}` (`sajja serve --secrets FILE`), read on each use. */
export class FileSecrets implements SecretSource {
  constructor(private readonly path: string) {}
  async secretsOf(group: string): Promise<SigningKey[]> {
    return secretsOf(await readFile(this.path, 'utf8')).get(group) ?? [];
  }
}
