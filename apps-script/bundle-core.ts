import { build } from 'esbuild';

/** Name of the global object the core bundle defines in Apps Script. */
export const CORE_GLOBAL = 'SajjaCore';

/**
 * Bundles the pure core into one IIFE for Apps Script (V8, no modules): target es2020, no Node
 * built-ins (platform neutral: an import of one fails the build), minified.
 */
export async function bundleCore(): Promise<string> {
  const result = await build({
    entryPoints: ['core/index.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: CORE_GLOBAL,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
