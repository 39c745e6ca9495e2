import { rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * Bundles the CLI into `outdir/sajja.mjs` (`npm run build`; `prepare` runs it at install, and
 * `bin/sajja.js` runs the bundle). Dynamic imports (exceljs, only needed for .xlsx)
 * become chunks of their own, so checking a batchGet .json never loads them; heavy packages
 * stay in node_modules.
 */
export async function buildCli(outdir = 'dist'): Promise<string> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { sajja: 'cli/bin.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: [
      'exceljs',
      'tsx',
      'dynalite',
      'classic-level',
      'playwright-core',
      'nodemailer',
      'mailparser',
      '@googleapis/*',
      '@aws-sdk/*',
    ],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return `${outdir}/sajja.mjs`;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
