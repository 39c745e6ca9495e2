#!/usr/bin/env node
// The `sajja` command. It runs the esbuild bundle made at install (`npm run build`, which the
// `prepare` script runs): one file that starts in a fraction of the time TypeScript takes to
// compile. While Sajja's own sources are newer than the bundle (someone is working on Sajja),
// it runs the TypeScript through tsx instead, so a change is never hidden by an old bundle.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/sajja.mjs`;

/** The newest modification time under a folder of sources. */
function newest(folder) {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

const sources = ['cli', 'core', 'adapters'].map((folder) => `${root}${folder}`).filter(existsSync);
const fresh = existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(...sources.map(newest));
if (fresh) {
  await import(new URL('../dist/sajja.mjs', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../cli/bin.ts', import.meta.url).href);
}
