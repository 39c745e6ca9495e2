import { defineConfig } from 'vitest/config';

/** Pure logic: the core and the shells' pure parts. No build, no engine, no server, no browser. */
const UNIT = [
  'test/core/**/*.test.ts',
  'test/import-graph.test.ts',
  'test/test-timing.test.ts',
  'test/apps-script/core-bundle.test.ts',
  'test/cli/clock.test.ts',
  'test/cli/sources.test.ts',
];
/** What needs a system tool or a heavy toolchain: Chromium, hledger/bean-check, CDK synth and cdk-nag, the linters. */
const TOOLS = [
  'test/**/*.chromium.test.ts',
  'test/infra/**/*.test.ts',
  'test/cli/export.test.ts',
  'test/core/purity.test.ts',
];

/**
 * Three projects (`npm test` runs all of them; `npm run test:unit` the first alone, in seconds):
 * - unit: UNIT above;
 * - integration: everything else — the embedded DynamoDB engine, `sajja serve`, the monthly job,
 *   the Apps Script bundle in node:vm, the `sajja` command as built;
 * - tools: TOOLS above.
 * A test file not listed in unit or tools is an integration test, so none is left out.
 */
export default defineConfig({
  test: {
    // a floor under the core's coverage by the unit tests alone (82% of lines on 2026-12-01)
    coverage: {
      provider: 'v8',
      include: ['core/**/*.ts'],
      reporter: ['text-summary'],
      thresholds: { statements: 80, branches: 72, functions: 75, lines: 80 },
    },
    // tests prove behaviour and benches measure time (npm run bench): a busy 2-core laptop may be
    // slow, and a test must not fail for it (issue 17). A hang is still caught, in minutes.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, exclude: TOOLS } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...UNIT, ...TOOLS],
          globalSetup: ['test/global-setup.ts'],
        },
      },
      { extends: true, test: { name: 'tools', include: TOOLS, globalSetup: ['test/global-setup.ts'] } },
    ],
  },
});
