/**
 * `npm run bench:monthly`: the monthly job at scale on one computer — BENCH_GROUPS groups (100 by
 * default; 2,000 for docs/monthly-at-scale.md), read through the Sheets API stand-in (sajja
 * sheets-serve, with BENCH_LATENCY_MS of latency and a 429 for one group in twenty) by the real
 * Sheets client: wall time, Sheets requests per group, DynamoDB operations per group (archive and
 * status), peak memory of the one process; then the wall time the AWS job takes under the Sheets
 * quotas and its cost at list prices, from those measured counts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorkbook } from '../cli/generate/generate-workbook.ts';
import { runMonthly } from '../cli/monthly.ts';
import { startSheetsServer } from '../cli/sheets-serve.ts';
import { writeXlsx } from '../cli/sources/write-xlsx.ts';

const GROUPS = Number(process.env.BENCH_GROUPS ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'sajja-bench-monthly-'));
const sheetsDir = join(dir, 'sheets');
mkdirSync(sheetsDir);
let rows = 0;
const groups = [];
for (let i = 0; i < GROUPS; i++) {
  const wb = generateWorkbook({
    groupId: `g${i}`,
    groupName: `กลุ่ม ${i}`,
    households: 9,
    months: 4,
    start: '2026-07',
    seed: i + 1,
  });
  rows += wb.tabs.reduce((n, t) => n + Math.max(0, t.rows.length - 1), 0);
  writeFileSync(join(sheetsDir, `s${i}.xlsx`), await writeXlsx(wb));
  groups.push({ group_id: `g${i}`, spreadsheet_id: `s${i}`, coordinators: [`g${i}@example.org`] });
}
writeFileSync(
  join(dir, 'registry.json'),
  JSON.stringify({ network: { name: 'bench', coordinators: ['net@example.org'] }, groups }),
);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);
const faults = new Map(
  groups.filter((_, i) => i % 20 === 7).map((g) => [g.spreadsheet_id, { status: 429 as const, times: 1 }]),
);
const sheets = await startSheetsServer({ dir: sheetsDir, latencyMs: LATENCY_MS, faults });
const dynamo = new Map<string, number>();
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
const started = performance.now();
const result = await runMonthly({
  registryFile: join(dir, 'registry.json'),
  month: '2026-10',
  outbox: join(dir, 'out'),
  dataDir: join(dir, 'data'),
  sheetsUrl: sheets.url,
  now: () => Date.UTC(2026, 10, 1),
  sleep: async () => {},
  onDynamoCommand: (name) => dynamo.set(name, (dynamo.get(name) ?? 0) + 1),
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
await sheets.close();
const counts = [...sheets.counts.values()];
const reads = counts.reduce((n, c) => n + c.reads, 0) / GROUPS;
const writes = counts.reduce((n, c) => n + c.writes, 0) / GROUPS;
const sent = result.groups.filter((g) => g.status === 'sent').length;
console.log(
  `monthly job: ${GROUPS} groups, ${rows.toLocaleString('en')} rows (~${Math.round(rows / GROUPS)} a group), ${sent} sent`,
);
console.log(
  `   wall time ${seconds.toFixed(1)} s (${((seconds / GROUPS) * 1000).toFixed(0)} ms a group, one process)`,
);
console.log(`   Sheets requests a group: ${reads} reads, ${writes} writes`);
console.log(`   peak memory of the process: ${(peak / 1024 / 1024).toFixed(0)} MiB`);
// write units a group: each content part (bytes + ~120 B of keys) at 1 KB a unit, the commit, the
// head record and the status item (each under 1 KB)
const { openArchive } = await import('../cli/archive/open-archive.ts');
const archive = await openArchive({ dataDir: join(dir, 'data') });
let units = 0;
for (const g of groups)
  for (const c of await archive.store.history(g.group_id))
    units += Math.ceil((c.bytes_stored + 120 * c.parts) / 1024) + 3;
await archive.close();
console.log(`   archive write units a group: ${(units / GROUPS).toFixed(1)} (parts, commit, head, status)`);
const perGroup = (n: number) => (n / GROUPS).toFixed(1);
console.log(
  `   DynamoDB operations a group: ${[...dynamo]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, n]) => `${name.replace(/Command$/, '')} ${perGroup(n)}`)
    .join(', ')}`,
);
console.log(`   Sheets latency ${LATENCY_MS} ms an answer; ${faults.size} groups answered 429 once`);

// the AWS job from those counts: 2 workers, each at least 5 s a group (infra/monthly-stack.ts)
const PER_USER_READS_A_MINUTE = 60;
const PROJECT_READS_A_MINUTE = 300;
const readsPerGroup = reads;
const groupsAMinute = Math.min(PER_USER_READS_A_MINUTE / readsPerGroup, (2 * 60) / 5);
const forGroups = (n: number) => n / groupsAMinute;
console.log(
  `   on AWS (2 workers, 5 s a group, ${PER_USER_READS_A_MINUTE} reads a minute for the service account; ${PROJECT_READS_A_MINUTE} for the project): ${groupsAMinute.toFixed(0)} groups a minute — ${GROUPS.toLocaleString('en')} groups in ${forGroups(GROUPS).toFixed(0)} min`,
);
// list prices (ap-southeast-1, 2026): Lambda ARM $0.0000133334 a GB-s and $0.20 a million requests;
// DynamoDB on demand $1.4269 a million write and $0.2854 a million read request units; SES $0.10 a
// thousand mails; SQS $0.40 a million requests; Secrets Manager $0.40 a secret; KMS $1 a key
const total = (n: number) => [...dynamo.values()].reduce((a, b) => a + b, 0) * (n / GROUPS);
const writesOf = (n: number) =>
  [
    'PutItemCommand',
    'UpdateItemCommand',
    'DeleteItemCommand',
    'BatchWriteItemCommand',
    'PutCommand',
    'UpdateCommand',
    'DeleteCommand',
    'BatchWriteCommand',
  ].reduce((sum, k) => sum + (dynamo.get(k) ?? 0), 0) *
  (n / GROUPS);
const cost = (n: number) => {
  const lambda = n * 5 * 1 * 0.0000133334 + (n / 1e6) * 0.2;
  const writeUnits = writesOf(n) * (units / GROUPS / Math.max(1, writesOf(GROUPS) / GROUPS));
  const readUnits = total(n) - writesOf(n);
  const ddb = (writeUnits / 1e6) * 1.4269 + (readUnits / 1e6) * 0.2854;
  const mail = ((n * 2 + 1) / 1000) * 0.1;
  const sqs = ((n * 3) / 1e6) * 0.4;
  const fixed = 3 * 0.4 + 2 * 1 + 0.5; // secrets, the two alarm keys, alarms and logs
  return { lambda, ddb, mail, sqs, fixed, all: lambda + ddb + mail + sqs + fixed };
};
const c = cost(2000);
console.log(
  `   cost a month for 2,000 groups: Lambda $${c.lambda.toFixed(2)}, DynamoDB $${c.ddb.toFixed(2)}, SES $${c.mail.toFixed(2)}, SQS $${c.sqs.toFixed(2)}, fixed (3 secrets, 2 KMS keys, alarms, logs) $${c.fixed.toFixed(2)} — $${c.all.toFixed(2)}`,
);
