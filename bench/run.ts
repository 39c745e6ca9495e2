import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PART_BYTES } from '../adapters/dynamo-archive-store.ts';
import { openArchive } from '../cli/archive/open-archive.ts';
import { buildCli } from '../cli/build.ts';
import { generateWorkbook } from '../cli/generate/generate-workbook.ts';
import { type ArchiveResult, archiveMonth } from '../core/archive/archive-month.ts';
import { monthBounds } from '../core/calendar.ts';
import { exportLedger } from '../core/export/plain-ledger.ts';
import { buildJournal, checkBooks, readBook, type Workbook } from '../core/index.ts';
import { buildSnapshot } from '../core/jobs/snapshot.ts';
import { buyoutFindings } from '../core/ledger/buyouts.ts';
import { creditFindings } from '../core/ledger/credit-rules.ts';
import { checkLedger } from '../core/ledger/ledger-checks.ts';
import { welfareFindings } from '../core/ledger/welfare-rules.ts';
import { batchGetFromWorkbook } from '../core/sources/batchget.ts';
import { summariseMonth } from '../core/summary/monthly-summary.ts';

/**
 * `npm run bench`. Every figure is a ratio against a baseline measured in the same run, since
 * the machine is shared and noisy.
 *  1. The whole `sajja check` process on a generated workbook of ≥150,000 rows read from
 *     batchGet JSON, against a process that only reads it, JSON.parses it and passes once over
 *     every cell.
 *  2. Journal, ledger checks and summaries in-process on a ledger of ≥150,000 transactions.
 *  3. `hledger check` and `bean-check` on the same ledger (through `sajja export`), against the
 *     whole `sajja check` process.
 *  4. Archiving a month of ≥10,000 rows into the embedded DynamoDB engine: bytes and write units
 *     stored against the snapshot's raw JSON, and the time it takes.
 */
const OUT = 'bench/out';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MIN = 150_000;
const AS_OF = '2026-11-01';
const START = '2026-05';
const MONTHS = 6;

mkdirSync(OUT, { recursive: true });
// the command users type: bin/sajja.js, running the bundle `npm ci` builds (prepare)
await buildCli('dist');
const cli = 'bin/sajja.js';

const make = (households: number) =>
  generateWorkbook({
    groupId: 'bench',
    groupName: 'bench',
    households,
    months: MONTHS,
    start: START,
    seed: 7,
    // the group's year: shares and voluntary savings besides sajja, bylaws with an allocation
    products: true,
  });
const sizes = (wb: Workbook) => {
  const rows = wb.tabs.reduce((n, t) => n + Math.max(0, t.rows.length - 1), 0);
  const transactions = buildJournal(readBook(wb, { asOf: AS_OF })).entries.length;
  return { rows, transactions };
};
let households = 300;
let workbook = make(households);
let size = sizes(workbook);
while (size.rows < MIN || size.transactions < MIN) {
  households = Math.ceil(households * (MIN / Math.min(size.rows, size.transactions)) * 1.02);
  workbook = make(households);
  size = sizes(workbook);
}
const file = join(OUT, `bench-${size.rows}.json`);
writeFileSync(file, JSON.stringify(batchGetFromWorkbook(workbook)));

interface Run {
  ms: number;
  rssKiB: number;
  status: number | null;
}
function timed(command: string, args: string[], node = true): Run {
  const start = process.hrtime.bigint();
  const child = node
    ? spawnSync(process.execPath, ['--import', './bench/report-rss.mjs', command, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.error) throw child.error;
  return { ms, rssKiB: Number(/maxRSS (\d+)/.exec(child.stderr ?? '')?.[1] ?? 0), status: child.status };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = <T>(fn: () => T): [T, number] => {
  const start = process.hrtime.bigint();
  const value = fn();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
};

// 1. the whole check process against read + JSON.parse
const baseline: Run[] = [];
const check: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  baseline.push(timed('bench/baseline.mjs', [file]));
  check.push(timed(cli, ['check', file, '--as-of', AS_OF, '--json']));
}
if (check.some((r) => r.status !== 0)) throw new Error(`sajja check exited ${check.map((r) => r.status)}`);
const baseMs = median(baseline.map((r) => r.ms));
const checkMs = median(check.map((r) => r.ms));

// 1b. the year-end (issue 20): the same book's year, against sajja check in the same run
const yearRuns: Run[] = [];
for (let i = 0; i < RUNS; i++)
  yearRuns.push(timed(cli, ['year-end', file, '--year', AS_OF.slice(0, 4), '--as-of', AS_OF, '--json']));
if (yearRuns.some((r) => r.status !== 0))
  throw new Error(`sajja year-end exited ${yearRuns.map((r) => r.status)}`);
const yearMs = median(yearRuns.map((r) => r.ms));

// 2. the ledger in-process (after one warm-up)
const phases: Record<string, number[]> = {
  read: [],
  journal: [],
  ledger: [],
  summaries: [],
  check: [],
  rules: [],
};
let transactions = 0;
for (let i = 0; i < RUNS + 1; i++) {
  const [book, read] = time(() => readBook(workbook, { asOf: AS_OF }));
  const [journal, posting] = time(() => buildJournal(book));
  const [, ledger] = time(() => checkLedger(book, journal));
  const [checked, whole] = time(() => checkBooks(workbook, { asOf: AS_OF }));
  // the credit, buy-out and welfare rules of issue 21, run as checkBooks runs them, on the same book
  const [, rules] = time(() => [
    ...creditFindings(checked.book, checked.journal),
    ...buyoutFindings(checked.book),
    ...welfareFindings(checked.book),
  ]);
  const months = Array.from({ length: MONTHS }, (_, m) =>
    monthBounds(`2026-${String(5 + m).padStart(2, '0')}`).first.slice(0, 7),
  );
  const [, summaries] = time(() => months.map((month) => summariseMonth(checked, month)));
  transactions = journal.entries.length;
  if (i === 0) continue;
  phases.read!.push(read);
  phases.journal!.push(posting);
  phases.ledger!.push(ledger);
  phases.summaries!.push(summaries);
  phases.check!.push(whole);
  phases.rules!.push(rules);
}

// 3. the auditors' tools on the same ledger
const checked = checkBooks(workbook, { asOf: AS_OF });
const journalFile = join(OUT, 'bench.journal');
const beanFile = join(OUT, 'bench.beancount');
writeFileSync(journalFile, exportLedger(checked, 'hledger'));
writeFileSync(beanFile, exportLedger(checked, 'beancount'));
const tools: Record<string, number | null> = {};
for (const [name, command, args] of [
  ['hledger check', 'hledger', ['check', '-f', journalFile]],
  ['bean-check', 'bean-check', [beanFile]],
] as const) {
  try {
    const runs = [timed(command, [...args], false), timed(command, [...args], false)];
    if (runs.some((r) => r.status !== 0)) throw new Error(`${name} rejected the export`);
    tools[name] = median(runs.map((r) => r.ms));
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}`);
    tools[name] = null;
  }
}
const fastest = Math.min(...Object.values(tools).filter((ms): ms is number => ms !== null));

const report = {
  rows: size.rows,
  transactions,
  households,
  file_mib: +(statSync(file).size / 2 ** 20).toFixed(1),
  runs: RUNS,
  check: {
    baseline_ms: Math.round(baseMs),
    check_ms: Math.round(checkMs),
    ratio_to_baseline: +(checkMs / baseMs).toFixed(2),
    rows_per_s: Math.round(size.rows / (checkMs / 1000)),
    peak_rss_mib: Math.round(median(check.map((r) => r.rssKiB)) / 1024),
    baseline_peak_rss_mib: Math.round(median(baseline.map((r) => r.rssKiB)) / 1024),
  },
  ledger_ms: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(median(v))])),
  tools_ms: Object.fromEntries(Object.entries(tools).map(([k, v]) => [k, v === null ? null : Math.round(v)])),
  check_faster_than: Object.fromEntries(
    Object.entries(tools).map(([k, v]) => [k, v === null ? null : +(v / checkMs).toFixed(1)]),
  ),
};
const l = report.ledger_ms;
console.log(
  `Sajja bench — ${size.rows.toLocaleString('en')} rows, ${transactions.toLocaleString('en')} transactions, median of ${RUNS}`,
);
console.log('1. whole `sajja check` process, batchGet JSON');
console.log(
  `   baseline (read + JSON.parse + one pass)  ${report.check.baseline_ms} ms, peak ${report.check.baseline_peak_rss_mib} MiB`,
);
console.log(
  `   sajja check                              ${report.check.check_ms} ms, peak ${report.check.peak_rss_mib} MiB`,
);
console.log(
  `   rows/s ${report.check.rows_per_s.toLocaleString('en')}; ratio to baseline ${report.check.ratio_to_baseline}× (target ≤ 4×)`,
);
console.log(
  `   sajja year-end --year ${AS_OF.slice(0, 4)}                 ${yearMs.toFixed(0)} ms: ${(yearMs / checkMs).toFixed(2)}× sajja check (target ≤ 2×)`,
);
console.log('2. ledger in-process');
console.log(
  `   read+row checks ${l.read} ms · journal ${l.journal} ms · ledger checks ${l.ledger} ms · ${MONTHS} summaries ${l.summaries} ms`,
);
console.log(
  `   the bylaws' credit, buy-out and welfare rules (issue 21) ${l.rules} ms of a ${l.check} ms check: +${((100 * l.rules!) / (l.check! - l.rules!)).toFixed(1)} % over the check without them (target ≤ 10 %)`,
);
console.log("3. the same ledger in the auditors' tools (whole process)");
for (const [name, ms] of Object.entries(report.tools_ms)) {
  console.log(
    `   ${name.padEnd(14)} ${ms === null ? 'not run' : `${ms} ms → sajja check is ${report.check_faster_than[name]}× faster`}`,
  );
}
console.log(
  `   target: ≥ 10× faster than the faster tool (${Number.isFinite(fastest) ? `${(fastest / checkMs).toFixed(1)}×` : 'n/a'})`,
);

// 4. the archive: one month of ≥10,000 rows into the embedded DynamoDB engine
const monthBook = generateWorkbook({
  groupId: 'bench-month',
  groupName: 'bench',
  households: 240,
  months: 1,
  start: '2026-07',
  seed: 9,
});
const archive = await openArchive({ inMemory: true });
const archiveRuns: number[] = [];
let archived: ArchiveResult | undefined;
let monthRowsCount = 0;
for (let i = 0; i < RUNS; i++) {
  // a fresh group each run, so that each run writes a whole snapshot
  const settings = monthBook.tabs[0]!.rows.find((row) => String(row[0]).endsWith('(group_id)'))!;
  settings[1] = `bench-${i}`;
  const start = process.hrtime.bigint();
  const snapshot = buildSnapshot(monthBook, '2026-07');
  archived = await archiveMonth(archive.store, snapshot, 'bench');
  archiveRuns.push(Number(process.hrtime.bigint() - start) / 1e6);
  monthRowsCount = Object.values(snapshot.content.rows).reduce((n, list) => n + (list?.length ?? 0), 0);
}
await archive.close();
const c = archived!.commit;
const wcu = (bytes: number) => Math.ceil(bytes / 1024);
// each part: its bytes plus keys and attribute names (~120 B); the commit item is under 1 KB
const storedWcu =
  Array.from({ length: c.parts }, (_, n) =>
    wcu(Math.min(PART_BYTES, c.bytes_stored - n * PART_BYTES) + 120),
  ).reduce((a, b) => a + b, 0) + 1;
const archiveReport = {
  rows: monthRowsCount,
  bytes_raw: c.bytes_raw,
  bytes_stored: c.bytes_stored,
  ratio: +(c.bytes_raw / c.bytes_stored).toFixed(1),
  parts: c.parts,
  write_units: storedWcu,
  raw_write_units: wcu(c.bytes_raw),
  ms: Math.round(median(archiveRuns)),
};
console.log(
  `4. archive of one month (${monthRowsCount.toLocaleString('en')} rows), embedded DynamoDB, median of ${RUNS}`,
);
console.log(
  `   raw canonical JSON ${c.bytes_raw.toLocaleString('en')} B → stored ${c.bytes_stored.toLocaleString('en')} B in ${c.parts} parts + 1 commit`,
);
console.log(
  `   ${archiveReport.ratio}× smaller (target ≥ 5×); write units ${storedWcu} vs ${archiveReport.raw_write_units} for the raw JSON`,
);
console.log(`   archive time ${archiveReport.ms} ms (snapshot, hash, gzip, writes, commit)`);
writeFileSync(join(OUT, 'report.json'), JSON.stringify({ ...report, archive: archiveReport }, null, 2));

// 5. reports (issue 10): sizes and render time in-process; a passbook PDF with a warm browser
{
  const { EXAMPLE_WORKBOOK } = await import('../cli/main.ts');
  const { loadWorkbook } = await import('../cli/sources/load-workbook.ts');
  const {
    groupReportData,
    renderGroupReport,
    networkReportData,
    renderNetworkReport,
    passbook,
    renderPassbook,
  } = await import('../core/index.ts');
  const example = checkBooks(await loadWorkbook(EXAMPLE_WORKBOOK), { asOf: AS_OF });
  const renders: number[] = [];
  let page = '';
  for (let i = 0; i < RUNS + 1; i++) {
    const [html, ms] = time(() => renderGroupReport(groupReportData(example, '2026-10', AS_OF)));
    page = html;
    if (i > 0) renders.push(ms); // after one warm-up
  }
  const groups = Array.from({ length: 9 }, (_, i) => ({
    group_id: `g${i + 1}`,
    checked: checkBooks(make(10 + i * 3), { asOf: AS_OF }),
  }));
  const networkPage = renderNetworkReport(networkReportData('network', groups, '2026-10', AS_OF));
  console.log('5. reports');
  console.log(
    `   group report of the example: ${Buffer.byteLength(page).toLocaleString('en')} B (budget < 100 KB), rendered in ${median(renders).toFixed(1)} ms (budget < 50 ms, median of ${RUNS})`,
  );
  console.log(
    `   network report of 9 groups: ${Buffer.byteLength(networkPage).toLocaleString('en')} B (budget < 100 KB)`,
  );
  try {
    const { launchChromium } = await import('../cli/browser.ts');
    const browser = await launchChromium();
    const pdfRuns: number[] = [];
    const members = ['M0001', 'M0002', 'M0003', 'M0004', 'M0005', 'M0006'];
    for (const [i, member] of members.entries()) {
      const start = process.hrtime.bigint();
      const tab = await browser.newPage();
      await tab.setContent(renderPassbook(passbook(example, member)!, 'A5'), { waitUntil: 'load' });
      await tab.pdf({ format: 'A5', printBackground: true, preferCSSPageSize: true });
      await tab.close();
      if (i > 0) pdfRuns.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    await browser.close();
    console.log(
      `   passbook PDF with a warm browser: ${median(pdfRuns).toFixed(0)} ms per member (budget < 300 ms)`,
    );
  } catch (error) {
    console.log(`   passbook PDF: not run (${(error as Error).message})`);
  }
}

// 6. the API (issue 11): the Lambda bundle's size and cold import; check latency through sajja serve
{
  const { build } = await import('esbuild');
  const outfile = join(OUT, 'api', 'index.mjs');
  await build({
    entryPoints: ['lambdas/api/index.ts'],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // the AWS SDK inside, as the CDK app bundles it (infra/lib/sajja-function.ts)
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  const bytes = statSync(outfile).size;
  const imports: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = spawnSync(
      process.execPath,
      [
        '-e',
        `const t=performance.now();await import(${JSON.stringify(`./${outfile}`)});console.log(performance.now()-t)`,
        '--input-type=module',
      ],
      { encoding: 'utf8', env: { ...process.env, AWS_REGION: 'ap-southeast-1' } },
    );
    imports.push(Number(run.stdout.trim()));
  }
  const { createHash, createHmac, randomBytes } = await import('node:crypto');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { startServer } = await import('../cli/serve.ts');
  const { EXAMPLE_WORKBOOK } = await import('../cli/main.ts');
  const { loadWorkbook } = await import('../cli/sources/load-workbook.ts');
  const secret = randomBytes(32).toString('base64url');
  const secrets = join(mkdtempSync(join(tmpdir(), 'sajja-bench-')), 'secrets.json');
  writeFileSync(secrets, JSON.stringify({ 'kamlon-m11': secret }));
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    secretsFile: secrets,
    inMemory: true,
    version: 'bench',
    log: () => {},
  });
  const body = JSON.stringify({
    workbook: batchGetFromWorkbook(await loadWorkbook(EXAMPLE_WORKBOOK)),
    as_of: AS_OF,
  });
  const bodyHash = createHash('sha256').update(body).digest('hex');
  const latencies: number[] = [];
  for (let i = 0; i < 60; i++) {
    const ts = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString('base64url');
    const canonical = ['v1', 'kamlon-m11', ts, nonce, 'POST', '/v1/check', bodyHash].join('\n');
    const signature = `v1=${createHmac('sha256', secret).update(canonical).digest('hex')}`;
    const start = performance.now();
    const response = await fetch(`${server.url}/v1/check`, {
      method: 'POST',
      body,
      headers: {
        'x-sajja-group': 'kamlon-m11',
        'x-sajja-timestamp': ts,
        'x-sajja-nonce': nonce,
        'x-sajja-signature': signature,
      },
    });
    await response.arrayBuffer();
    if (i >= 10) latencies.push(performance.now() - start); // after ten warm-ups
  }
  await server.close();
  latencies.sort((a, b) => a - b);
  console.log('6. the API');
  console.log(
    `   Lambda bundle ${(bytes / 1024).toFixed(0)} KiB (budget < 1 MB); cold import ${median(imports).toFixed(0)} ms (budget < 300 ms)`,
  );
  console.log(
    `   check of the example through sajja serve, one client: p50 ${latencies[Math.floor(latencies.length / 2)]!.toFixed(0)} ms, p99 ${latencies[Math.floor(latencies.length * 0.99)]!.toFixed(0)} ms`,
  );
}
