import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');
/** Name of the global object the bundle defines in Apps Script. */
export const SHELL_GLOBAL = 'Sajja';

/**
 * The functions Apps Script calls by name: triggers, menu items, sidebar callbacks. A test holds
 * them equal to the entry's exports (all but the signer, which the sidebar must not call).
 */
export const ENTRY_POINTS = [
  'onOpen',
  'onEdit',
  'sajjaSetUp',
  'sajjaCheckAll',
  'sajjaShowFindings',
  'sajjaFindings',
  'sajjaSelect',
  'sajjaCloseMonth',
  'sajjaApiSettings',
  'sajjaSaveApiSettings',
  'sajjaInstall',
  'sajjaMyActions',
  'sajjaAction',
  'sajjaNightly',
  'sajjaReminder',
  'sajjaChange',
  'sajjaYearEnd',
  'sajjaYearEndWrite',
  'sajjaPassbook',
] as const;

/**
 * `npm run build:script`: apps-script/dist/ — one bundle (esbuild IIFE, es2020: the core and the
 * shell) whose footer declares the top-level functions Apps Script calls, appsscript.json and the
 * sidebar and dialog HTML. Ready for `clasp push` (.clasp.json's rootDir).
 */
export async function buildScript(outdir = join(ROOT, 'apps-script', 'dist')): Promise<string> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const footer = ENTRY_POINTS.map(
    (name) => `function ${name}() { return ${SHELL_GLOBAL}.${name}.apply(this, arguments); }`,
  ).join('\n');
  const result = await build({
    entryPoints: [join(ROOT, 'apps-script', 'src', 'index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: SHELL_GLOBAL,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    footer: { js: footer },
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]!.text;
  writeFileSync(join(outdir, 'sajja.js'), code);
  // the manifest is a file of its own (V8, the group's zone, the narrowest scopes; no advanced service)
  copyFileSync(join(ROOT, 'apps-script', 'appsscript.json'), join(outdir, 'appsscript.json'));
  for (const page of ['sidebar', 'settings'])
    copyFileSync(join(ROOT, 'apps-script', 'html', `${page}.html`), join(outdir, `${page}.html`));
  return join(outdir, 'sajja.js');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await buildScript());
