import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

  it('load alone, as the Node runtime loads them, and the API answers health with the deployed version', () => {
    const dir = deployableApp().app.synth().directory;
    const code = readdirSync(dir)
      .filter((d) => d.startsWith('asset.') && statSync(join(dir, d)).isDirectory())
      .map((d) => join(dir, d, 'index.mjs'))
      .filter((f) => existsSync(f));
    const api = code.find((f) => readFileSync(f, 'utf8').includes('sajja-api'))!;
    const run = (file: string, script: string) =>
      spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        // the runtime's environment: a region, the variables the template sets, nothing from this repo
        cwd: dirname(file),
        env: {
          PATH: process.env.PATH,
          AWS_REGION: 'ap-southeast-1',
          TABLE_NAME: 'sajja-archive',
          SECRET_ID: 's',
          SAJJA_VERSION: '9.9.9',
          QUEUE_URL: 'https://sqs.example/q',
          // Node 20 here, 24 on Lambda: the SDK's notice about it is not what is tested
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        encoding: 'utf8',
      });
    const health = run(
      api,
      `const m = await import(${JSON.stringify(api)}); const r = await m.handler({ rawPath: '/v1/health', requestContext: { http: { method: 'GET' }, requestId: 'r' }, headers: {} }); console.log(JSON.stringify(r));`,
    );
    // (Node 20 here: the SDK warns it prefers the runtime's Node 24; anything else is a failure)
    const quiet = (stderr: string) =>
      stderr
        .replace(/^.*NodeVersionSupport.*$\n?/gm, '')
        .replace(/^.*node --trace-warnings.*$\n?/gm, '')
        .trim();
    expect(quiet(health.stderr)).toBe('');
    const answer = JSON.parse(health.stdout.trim().split('\n').pop()!);
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ version: '9.9.9' });
    for (const file of code.filter((f) => f !== api)) {
      const loaded = run(
        file,
        `const m = await import(${JSON.stringify(file)}); console.log(Object.keys(m).join(','));`,
      );
      expect(loaded.stderr).toBe('');
      expect(['dispatcher', 'worker']).toContain(loaded.stdout.trim());
    }
  });
});
