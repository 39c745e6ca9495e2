import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Sajja's own folder: the one holding its package.json, above this file or the bundle made of it. */
function sajjaRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const manifest = join(folder, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'sajja'
    )
      return folder;
    folder = dirname(folder);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..');
}

export const ROOT = sajjaRoot();
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
