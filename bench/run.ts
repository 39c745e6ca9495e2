import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli } from '../cli/build.ts';
import { generateWorkbook } from '../cli/generate/generate-workbook.ts';
import { batchGetFromWorkbook } from '../cli/sources/batchget-json.ts';

/**
 * `npm run bench`: the whole `sajja check` process on a generated workbook of at least 150,000
 * rows read from batchGet JSON, against a baseline process measured in the same run (read +
 * JSON.parse of the same file + one pass over every cell). Reports medians and their ratio.
 */
const OUT = 'bench/out';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MIN_ROWS = 150_000;

mkdirSync(OUT, { recursive: true });
const cli = await buildCli(join(OUT, 'cli'));

let households = 260;
let workbook = generateWorkbook({
  groupId: 'bench',
  groupName: 'bench',
  households,
  months: 6,
  start: '2026-05',
  seed: 7,
});
const countRows = () => workbook.tabs.reduce((n, t) => n + Math.max(0, t.rows.length - 1), 0);
while (countRows() < MIN_ROWS) {
  households = Math.ceil(households * (MIN_ROWS / countRows()) * 1.02);
  workbook = generateWorkbook({
    groupId: 'bench',
    groupName: 'bench',
    households,
    months: 6,
    start: '2026-05',
    seed: 7,
  });
}
const rows = countRows();
const file = join(OUT, `bench-${rows}.json`);
writeFileSync(file, JSON.stringify(batchGetFromWorkbook(workbook)));
const bytes = statSync(file).size;

interface Run {
  ms: number;
  rssKiB: number;
  status: number | null;
}
function timed(args: string[]): Run {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', './bench/report-rss.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /maxRSS (\d+)/.exec(child.stderr)?.[1];
  return { ms, rssKiB: Number(rss ?? 0), status: child.status };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const baseline: Run[] = [];
const check: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  baseline.push(timed(['bench/baseline.mjs', file]));
  check.push(timed([cli, 'check', file, '--as-of', '2026-11-26', '--json']));
}
if (check.some((r) => r.status !== 0)) throw new Error(`sajja check exited ${check.map((r) => r.status)}`);

const b = median(baseline.map((r) => r.ms));
const c = median(check.map((r) => r.ms));
const report = {
  rows,
  households,
  file_mib: +(bytes / 2 ** 20).toFixed(1),
  runs: RUNS,
  baseline_ms: +b.toFixed(0),
  check_ms: +c.toFixed(0),
  ratio: +(c / b).toFixed(2),
  rows_per_s: Math.round(rows / (c / 1000)),
  peak_rss_mib: +(median(check.map((r) => r.rssKiB)) / 1024).toFixed(0),
  baseline_peak_rss_mib: +(median(baseline.map((r) => r.rssKiB)) / 1024).toFixed(0),
};
console.log('sajja check — whole process, batchGet JSON, median of', RUNS, 'runs');
console.log(`  rows                 ${rows.toLocaleString('en')} (${report.file_mib} MiB)`);
console.log(`  baseline (read+parse) ${report.baseline_ms} ms, peak ${report.baseline_peak_rss_mib} MiB`);
console.log(`  sajja check          ${report.check_ms} ms, peak ${report.peak_rss_mib} MiB`);
console.log(`  rows/s               ${report.rows_per_s.toLocaleString('en')}`);
console.log(`  ratio to baseline    ${report.ratio}× (target ≤ 4×)`);
writeFileSync(join(OUT, 'check.json'), JSON.stringify(report, null, 2));
