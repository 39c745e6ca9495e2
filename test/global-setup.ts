import { buildCli } from '../cli/build.ts';

/**
 * Before any test: the bundle `bin/sajja.js` runs, made from the sources under test, so the
 * tests that run the `sajja` command run what users type and never an older build.
 */
export default async function setup(): Promise<void> {
  await buildCli('dist');
}
