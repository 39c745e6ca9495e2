#!/usr/bin/env node
// The `sajja` command: the esbuild bundle made at install (`npm ci` runs `prepare`, which is
// `npm run build`). One file, no TypeScript compiled at start. After changing Sajja's sources,
// `npm run build` makes the bundle again (`npm test` does it first).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/sajja.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(
    'ยังไม่ได้สร้างโปรแกรม: สั่ง npm run build ก่อน / sajja is not built yet: run `npm run build` in its folder\n',
  );
  process.exit(1);
}
await import(bundle.href);
