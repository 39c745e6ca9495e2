/**
 * Writes the docs that are made from the code's own declarations, so they cannot drift:
 * docs/figures.md from core/summary/figures.ts. `npm run docs`; a test fails when they are stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURES, SNAPSHOT_SCHEMA } from '../core/index.ts';

const UNIT = { satang: 'satang (baht × 100)', count: 'count', ratio: 'ratio (0.25 = 25%)' } as const;

/** docs/figures.md: every figure of a month's summary. */
export function figuresMarkdown(): string {
  return [
    '# Summary figures (ตัวเลขสรุปประจำเดือน)',
    '',
    '<!-- made by `npm run docs` from core/summary/figures.ts; do not edit by hand -->',
    '',
    "Every figure of a month's summary (SPEC §6), as the closed-month comparison, the reports, the",
    'summary tab and `sajja summary` read them. `since` is the snapshot schema that first held the',
    `figure (today: ${SNAPSHOT_SCHEMA}); a month archived in an earlier schema is never compared on`,
    'a figure it did not hold. `[]` is one per sub-group, `*` one per expense category.',
    '',
    '| path | ไทย | English | unit | since |',
    '|---|---|---|---|---|',
    ...FIGURES.map((f) => `| \`${f.path}\` | ${f.th} | ${f.en} | ${UNIT[f.unit]} | ${f.since} |`),
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(join(import.meta.dirname, 'figures.md'), figuresMarkdown());
  console.log('docs/figures.md');
}
