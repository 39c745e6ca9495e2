import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from './helpers/import-graph.ts';

const graph = importGraph(join(import.meta.dirname, '..'));
const folderOf = (file: string) => (file.startsWith('apps-script/') ? 'apps-script' : file.split('/')[0]!);

/**
 * The layers, bottom first: a folder may import only itself and the folders listed for it. The
 * core is pure; the application layer (app/) is shared by every shell and imports only the core;
 * adapters implement app's ports; the shells (cli, lambdas) wire adapters to app; the Apps Script
 * shell runs the core alone; infra reads the adapters' table definition and the entries' variable names.
 */
const MAY_IMPORT: Record<string, string[]> = {
  core: [],
  app: ['core'],
  adapters: ['core', 'app'],
  cli: ['core', 'app', 'adapters'],
  lambdas: ['core', 'app', 'adapters'],
  'apps-script': ['core'],
  infra: ['adapters', 'lambdas'],
};

/** Packages a folder may import besides its own files (prefixes; `node:` is Node's own). */
const PACKAGES: Record<string, RegExp> = {
  core: /^zod$/,
  'apps-script': /^$/,
};

/**
 * The core's own layers, bottom first: a file may import its own folder and the layers below.
 * `base` is the core's top-level modules (money, calendar, cells, the workbook's shape); the
 * types every job reads sit low: findings, places and typed rows in `model`, `Book` in
 * `check/book.ts`, `CheckedBooks` in `ledger/checked-books.ts`. `core/index.ts` is the barrel
 * over all of them and no core file imports it.
 */
const CORE_LAYERS: string[][] = [
  ['base'],
  ['parse'],
  ['model'],
  ['check'],
  ['ledger'],
  ['summary'],
  ['year'],
  ['archive'],
  ['jobs'],
  ['export', 'reports'],
  ['monthly', 'api', 'sources'],
  ['index'],
];
const coreLayerOf = (file: string) => {
  const parts = file.split('/');
  const name = parts.length > 2 ? parts[1]! : parts[1] === 'index.ts' ? 'index' : 'base';
  return { name, level: CORE_LAYERS.findIndex((layer) => layer.includes(name)) };
};

describe('the import graph', () => {
  it('keeps the core in layers: no core file imports a layer above it or beside it', () => {
    const wrong: string[] = [];
    const unknown: string[] = [];
    for (const [file, { files }] of graph) {
      if (folderOf(file) !== 'core') continue;
      const from = coreLayerOf(file);
      if (from.level < 0) unknown.push(file);
      for (const target of files) {
        const to = coreLayerOf(target);
        if (to.name !== from.name && to.level >= from.level) wrong.push(`${file} → ${target}`);
      }
    }
    expect(unknown).toEqual([]);
    expect(wrong).toEqual([]);
  });

  it('finds a core file that imports upwards (the test can fail)', () => {
    expect(coreLayerOf('core/ledger/fold.ts').level).toBeGreaterThan(
      coreLayerOf('core/model/finding.ts').level,
    );
    expect(coreLayerOf('core/money.ts')).toEqual({ name: 'base', level: 0 });
    expect(coreLayerOf('core/index.ts').level).toBe(CORE_LAYERS.length - 1);
  });

  it('holds every source file of the layers', () => {
    expect(graph.size).toBeGreaterThan(100);
    for (const folder of Object.keys(MAY_IMPORT))
      expect([...graph.keys()].some((f) => folderOf(f) === folder)).toBe(true);
  });

  it('has no import cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the test can fail)', () => {
    const ring = new Map([
      ['a.ts', { files: ['b.ts'], packages: [] }],
      ['b.ts', { files: ['c.ts'], packages: [] }],
      ['c.ts', { files: ['a.ts'], packages: [] }],
      ['d.ts', { files: ['a.ts'], packages: [] }],
    ]);
    expect(cycles(ring)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it.each(Object.entries(MAY_IMPORT))('lets %s import only %j', (folder, allowed) => {
    const wrong: string[] = [];
    for (const [file, { files }] of graph) {
      if (folderOf(file) !== folder) continue;
      for (const target of files) {
        const to = folderOf(target);
        if (to !== folder && !allowed.includes(to)) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(Object.entries(PACKAGES))('lets %s import only its own packages', (folder, allowed) => {
    const wrong: string[] = [];
    for (const [file, { packages }] of graph)
      if (folderOf(file) === folder)
        for (const name of packages) if (!allowed.test(name)) wrong.push(`${file} → ${name}`);
    expect(wrong).toEqual([]);
  });
});
