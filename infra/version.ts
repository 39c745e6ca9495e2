import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version the functions report (/v1/health) and log: the package's. */
export const VERSION = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;
