/**
 * `npm run bench:monthly`: the monthly job at scale on one computer — 100 groups of ~2,000 rows
 * each, read through the Sheets API stand-in (sajja sheets-serve) by the real Sheets client:
 * wall time, requests per group, archive write units per group, peak memory of the one process.
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
const sheets = await startSheetsServer({ dir: sheetsDir });
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
