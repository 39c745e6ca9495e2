import { spawn, spawnSync } from 'node:child_process';
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

describe('the API asset against stand-ins, as Lambda runs it (issue 18)', () => {
  it('answers 503 "not configured" while the group secret holds its placeholder, keeps no failure, then checks a signed book', async () => {
    const { createServer } = await import('node:http');
    const { openArchive } = await import('../../cli/archive/open-archive.ts');
    const { batchGetFromWorkbook, canonicalString, hmacSha256Hex, sha256, utf8 } = await import(
      '../../core/index.ts'
    );
    const { smallBook } = await import('../helpers/small-book.ts');
    const dir = deployableApp().app.synth().directory;
    const api = readdirSync(dir)
      .filter((d) => d.startsWith('asset.') && statSync(join(dir, d)).isDirectory())
      .map((d) => join(dir, d, 'index.mjs'))
      .find((f) => existsSync(f) && readFileSync(f, 'utf8').includes('sajja-api'))!;
    const archive = await openArchive({ inMemory: true });
    // Secrets Manager's JSON protocol: the placeholder CDK writes first, then the groups' JSON
    const SECRET = 'the-secret-0123456789abcdefghijklmnop';
    let reads = 0;
    const secrets = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        reads++;
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(
          JSON.stringify({
            Name: 's',
            SecretString: reads === 1 ? 'x7Kq!generated' : JSON.stringify({ g1: SECRET }),
          }),
        );
      });
    });
    await new Promise<void>((resolve) => secrets.listen(0, '127.0.0.1', resolve));
    try {
      const body = JSON.stringify({ workbook: batchGetFromWorkbook(smallBook()), as_of: '2026-11-26' });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const event = (nonce: string) => {
        const canonical = canonicalString({
          group: 'g1',
          timestamp,
          nonce,
          method: 'POST',
          path: '/v1/check',
          bodySha256: sha256(body),
        });
        return {
          rawPath: '/v1/check',
          body,
          isBase64Encoded: false,
          requestContext: { http: { method: 'POST' }, requestId: nonce },
          headers: {
            'x-sajja-group': 'g1',
            'x-sajja-timestamp': timestamp,
            'x-sajja-nonce': nonce,
            'x-sajja-signature': `v1=${hmacSha256Hex(utf8(SECRET), utf8(canonical))}`,
          },
        };
      };
      const events = [event('nonce-aaaaaaaaaaaaaaaa'), event('nonce-bbbbbbbbbbbbbbbb')];
      // asynchronously: the stand-ins answer from this process while the asset runs in its own
      const child = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
        const p = spawn(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `const m = await import(${JSON.stringify(api)}); for (const e of ${JSON.stringify(events)}) { const r = await m.handler(e); console.log(JSON.stringify({ status: r.statusCode, body: JSON.parse(r.body) })); }`,
          ],
          {
            cwd: dirname(api),
            env: {
              PATH: process.env.PATH,
              AWS_REGION: 'ap-southeast-1',
              AWS_ACCESS_KEY_ID: 'local',
              AWS_SECRET_ACCESS_KEY: 'local',
              AWS_ENDPOINT_URL_DYNAMODB: archive.endpoint,
              AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${(secrets.address() as { port: number }).port}`,
              AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
              TABLE_NAME: 'sajja-archive',
              SECRET_ID: 'sajja/group-secrets',
              SAJJA_VERSION: '9.9.9',
            },
          },
        );
        let stdout = '';
        let stderr = '';
        p.stdout.on('data', (d) => (stdout += d));
        p.stderr.on('data', (d) => (stderr += d));
        p.on('close', () => resolve({ stdout, stderr }));
      });
      expect(child.stderr).toBe('');
      const answers = child.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        // the asset's own JSON log lines (one a request) are on stdout too: the answers carry a body
        .filter((l) => 'body' in l);
      expect(answers[0]).toMatchObject({ status: 503, body: { error: { code: 'not_configured' } } });
      expect(answers[1]).toMatchObject({ status: 200, body: { group_id: 'g1', ok: true } });
      expect(reads).toBe(2);
    } finally {
      secrets.closeAllConnections();
      await new Promise((resolve) => secrets.close(resolve));
      await archive.close();
    }
  });
});
