import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployableApp } from '../helpers/cdk-app.ts';

const root = join(import.meta.dirname, '../..');

/** Issue 18, point 15: the functions run the AWS SDK the tests ran, one version of it, and ship no source map. */
describe('the Lambda assets', () => {
  it('declare one version for every AWS SDK package', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const versions = new Set(
      Object.entries(pkg.dependencies)
        .filter(([name]) => name.startsWith('@aws-sdk/'))
        .map(([, v]) => v),
    );
    expect(versions.size).toBe(1);
  });

  it('carry the SDK inside (no import of @aws-sdk left for the runtime), no source map, each its own entry', () => {
    const { app } = deployableApp();
    const dir = app.synth().directory;
    const assets = readdirSync(dir).filter(
      (d) => d.startsWith('asset.') && statSync(join(dir, d)).isDirectory(),
    );
    const bundles = assets.flatMap((a) =>
      readdirSync(join(dir, a))
        .filter((f) => f.endsWith('.mjs') || f.endsWith('.map'))
        .map((f) => join(dir, a, f)),
    );
    expect(bundles.filter((f) => f.endsWith('.map'))).toEqual([]);
    const code = bundles.filter((f) => f.endsWith('.mjs'));
    expect(code).toHaveLength(3); // the API, the dispatcher, the worker
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      // an import the runtime would resolve (an error message that names a package is no import)
      expect(text).not.toMatch(/\bfrom\s*["']@aws-sdk\//);
      expect(text).not.toMatch(/\bimport\(\s*["']@aws-sdk\//);
    }
    // the dispatcher loads no report code: it is far smaller than the worker
    const sizes = code.map((f) => statSync(f).size).sort((a, b) => a - b);
    expect(sizes[0]! * 1.5).toBeLessThan(sizes[2]!);
  });
});
