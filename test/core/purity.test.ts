import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
/** A probe folder deep inside core/, removed afterwards. */
const PROBE = join(ROOT, 'core', `zz-probe-${process.pid}`, 'deep', 'deeper');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

afterAll(() => rmSync(join(ROOT, 'core', `zz-probe-${process.pid}`), { recursive: true, force: true }));

describe('the core is pure, and proven so (issue 8, class 6)', () => {
  it.each([
    'node:fs/promises',
    'node:crypto',
    'fs/promises',
    'crypto',
    '../../../../cli/main.ts',
    '../../../../adapters/dynamo-archive-store.ts',
    '../../../../lambdas/api/index.ts',
    '../../../../app/api/handler.ts',
    '@aws-sdk/client-dynamodb',
    'exceljs',
  ])('refuses an import of %s at any depth (lint)', (source) => {
    mkdirSync(PROBE, { recursive: true });
    const file = join(PROBE, `import-${source.replace(/[^a-z]/gi, '-')}.ts`);
    writeFileSync(file, `import * as x from '${source}';\nexport const y = x;\n`);
    const lint = spawnSync(bin('biome'), ['lint', file], { encoding: 'utf8', cwd: ROOT });
    rmSync(file);
    expect(`${lint.stdout}${lint.stderr}`).toContain('noRestrictedImports');
    expect(lint.status).not.toBe(0);
  });

  it('allows an import of the core itself', () => {
    mkdirSync(PROBE, { recursive: true });
    const file = join(PROBE, 'fine.ts');
    writeFileSync(
      file,
      "import { parseMoney } from '../../../parse/money.ts';\nexport const y = parseMoney;\n",
    );
    const lint = spawnSync(bin('biome'), ['lint', file], { encoding: 'utf8', cwd: ROOT });
    rmSync(file);
    expect(lint.status).toBe(0);
  });

  it('does not compile process, Buffer or a DOM global under its own tsconfig (no Node types)', () => {
    mkdirSync(PROBE, { recursive: true });
    writeFileSync(
      join(PROBE, 'globals.ts'),
      'export const a = process.env.X;\nexport const b = Buffer.from("x");\nexport const c = document.title;\n',
    );
    const tsc = spawnSync(bin('tsc'), ['--noEmit', '-p', 'core'], { encoding: 'utf8', cwd: ROOT });
    rmSync(join(PROBE, 'globals.ts'));
    const said = `${tsc.stdout}${tsc.stderr}`;
    expect(said).toMatch(/Cannot find name 'process'/);
    expect(said).toMatch(/Cannot find name 'Buffer'/);
    expect(said).toMatch(/Cannot find name 'document'/);
  });

  it('does not compile process, Buffer or require in apps-script/src (Apps Script types only)', () => {
    const probe = join(ROOT, 'apps-script', 'src', `zz-probe-${process.pid}.ts`);
    writeFileSync(
      probe,
      'export const a = process.env.X;\nexport const b = Buffer.from("x");\nexport const c = SpreadsheetApp;\n',
    );
    const tsc = spawnSync(bin('tsc'), ['--noEmit', '-p', 'apps-script'], { encoding: 'utf8', cwd: ROOT });
    rmSync(probe);
    const said = `${tsc.stdout}${tsc.stderr}`;
    expect(said).toMatch(/Cannot find name 'process'/);
    expect(said).toMatch(/Cannot find name 'Buffer'/);
    expect(said).not.toMatch(/Cannot find name 'SpreadsheetApp'/);
  });
});
