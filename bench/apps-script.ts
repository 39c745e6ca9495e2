/// <reference types="google-apps-script" />
/**
 * `npm run bench:script`: the Apps Script bundle users push (apps-script/dist/sajja.js) in node:vm
 * against the in-memory SpreadsheetApp — the menu (onOpen), a one-cell edit and a 500-row paste
 * in a 100,000-row tab, and "Check everything" on a book of at least 150,000 rows. Each figure is
 * a median of RUNS, beside a baseline measured in the same run: the bare read of the same cells
 * (getValues of the edited rows; batchGet + JSON round trip of the whole book), so the ratio says
 * what Sajja adds to what Apps Script must do anyway. Real Sheets calls cost ~100 ms to seconds
 * each; these figures are the script's own CPU, which Apps Script counts against its 30 s
 * (simple trigger) and 6 min (menu) limits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildScript } from '../apps-script/build.ts';
import { generateWorkbook } from '../cli/generate/generate-workbook.ts';
import type { Workbook } from '../core/index.ts';
import { edit, loadScript } from '../test/apps-script/vm-script.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const DIST = join(import.meta.dirname, '../apps-script/dist');
const bundle = readFileSync(await buildScript(), 'utf8');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}
function row(label: string, sajja: number[], baseline: number[], extra = '') {
  const s = median(sajja);
  const b = median(baseline);
  console.log(
    `${label.padEnd(44)} ${s.toFixed(1).padStart(8)} ms   baseline ${b.toFixed(1).padStart(8)} ms   ${(s / b).toFixed(1).padStart(6)}×${extra}`,
  );
}
const rowsOf = (wb: Workbook) => wb.tabs.reduce((n, t) => n + Math.max(0, t.rows.length - 1), 0);

// a book of at least 150,000 rows, as bench/run.ts makes it
const make = (households: number) =>
  generateWorkbook({
    groupId: 'bench',
    groupName: 'bench',
    households,
    months: 6,
    start: '2026-05',
    seed: 7,
  });
let households = 300;
let book = make(households);
while (rowsOf(book) < 150_000) {
  households = Math.ceil((households * 150_000 * 1.02) / rowsOf(book));
  book = make(households);
}
console.log(
  `Apps Script bundle ${(bundle.length / 1024).toFixed(0)} KiB; book of ${rowsOf(book).toLocaleString('en')} rows; ${RUNS} runs`,
);

// the menu: onOpen against a fresh context (what each open of the sheet costs)
{
  const sajja: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = loadScript(bundle, DIST, book);
    sajja.push(time(() => s.call('onOpen', {})));
    baseline.push(
      time(() =>
        s.call('(function () { SpreadsheetApp.getUi().createMenu("x").addItem("a", "b").addToUi(); })'),
      ),
    );
  }
  row('onOpen (menu)', sajja, baseline, '   (baseline: one menu item)');
}

// "Check everything": every tab's values and formats, the whole core, the kept state and findings
const s = loadScript(bundle, DIST, book);
{
  const sajja: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(
      time(() =>
        s.call(
          `(function () { return JSON.stringify(SpreadsheetApp.getActiveSpreadsheet().getSheets().map(function (sheet) { var range = sheet.getDataRange(); return [range.getValues(), range.getNumberFormats()]; })).length; })`,
        ),
      ),
    );
    s.ss.counts.reads = 0;
    sajja.push(time(() => s.call('sajjaCheckAll')));
  }
  row(
    'Check everything',
    sajja,
    baseline,
    `   (${s.ss.counts.reads} reads; baseline: every tab's values and formats + JSON)`,
  );
  const kept = s.env.cache.size();
  console.log(
    `  kept for edits in CacheService: ${kept.entries} entries of the 1,000 allowed, ${(kept.bytes / 1024 / 1024).toFixed(1)} MiB`,
  );
}

// edits in the savings tab (the biggest: ~100,000 rows)
{
  const savings = s.ss.getSheets().find((x) => x.getName().endsWith('(savings)'))!;
  const width = savings.getLastColumn();
  const tabRows = `${Math.round(savings.getLastRow() / 1000)}k-row tab`;
  const one: number[] = [];
  const oneBase: number[] = [];
  const paste: number[] = [];
  const pasteBase: number[] = [];
  const rows = Array.from({ length: 500 }, () => ['1/11/2569', 'M0002', 'ฝาก', 20]);
  let reads = { one: 0, paste: 0 };
  for (let i = 0; i < RUNS; i++) {
    const at = 50_000 + i;
    oneBase.push(
      time(() =>
        savings.getRange(at, 1, 1, width).setNotes([
          savings
            .getRange(at, 1, 1, width)
            .getValues()[0]!
            .map(() => ''),
        ]),
      ),
    );
    one.push(time(() => edit(s, 'savings', at, 4, [[i % 2 ? 100 : '12,5O']])));
    reads.one = s.ss.counts.reads;
    pasteBase.push(
      time(() =>
        savings.getRange(60_000, 1, 500, width).setNotes(
          savings
            .getRange(60_000, 1, 500, width)
            .getValues()
            .map((r) => r.map(() => '')),
        ),
      ),
    );
    paste.push(time(() => edit(s, 'savings', 60_000, 1, rows)));
    reads = { ...reads, paste: s.ss.counts.reads };
  }
  row(
    `one-cell edit in a ${tabRows}`,
    one,
    oneBase,
    `   (${reads.one} reads; baseline: getValues + setNotes of the row)`,
  );
  row(
    `500-row paste in a ${tabRows}`,
    paste,
    pasteBase,
    `   (${reads.paste} reads; baseline: getValues + setNotes of the rows)`,
  );
}
