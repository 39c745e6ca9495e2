import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../cli/build.ts';

/** The modules loaded before any command runs: the static imports of the bundle's entry, followed. */
function staticImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // only `import … from "x"` at the start of a line: `await import("x")` loads when a command needs it
    for (const m of text.matchAll(/^import\s[^;]*?from\s*["']([^"']+)["']/gms)) {
      const spec = m[1]!;
      if (spec.startsWith('./')) walk(join(dirname(file), spec));
      else seen.add(spec);
    }
  };
  walk(entry);
  return seen;
}

let entry: string;
beforeAll(async () => {
  entry = await buildCli(mkdtempSync(join(tmpdir(), 'sajja-bundle-')));
});

describe('what every sajja command loads before it starts (issue 7: start-up time)', () => {
  it('loads neither the AWS SDK, nor the embedded DynamoDB, nor exceljs, nor Chromium, until a command needs them', () => {
    const loaded = [...staticImports(entry)];
    expect(loaded.some((m) => m.endsWith('.mjs'))).toBe(true);
    for (const heavy of [
      '@aws-sdk/',
      'dynalite',
      'classic-level',
      'exceljs',
      'playwright-core',
      'nodemailer',
      '@googleapis/',
    ])
      expect(loaded.filter((m) => m.startsWith(heavy))).toEqual([]);
  });
});
