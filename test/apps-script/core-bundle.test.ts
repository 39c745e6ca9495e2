import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleCore, CORE_GLOBAL } from '../../apps-script/bundle-core.ts';
import type * as Core from '../../core/index.ts';
import {
  batchGetFromWorkbook,
  checkBooks,
  snapshot as snapshotHere,
  summarise as summariseHere,
} from '../../core/index.ts';
import { setCell, smallBook } from '../helpers/small-book.ts';

/**
 * The core as Apps Script runs it: one IIFE inside a fresh V8 context with no Node globals (no
 * require, process, Buffer, TextEncoder or TextDecoder); the test drives it with scripts run in
 * that context, so Date cells are the context's own, as getValues() gives them.
 */
let code: string;
let sandbox: Record<string, unknown>;
// each script in a block of its own, so its consts do not meet the next script's
const inVm = <T>(script: string): T => runInNewContext(`{${script}}`, sandbox) as T;

beforeAll(async () => {
  code = await bundleCore();
  sandbox = {};
  runInNewContext(`${code}\nthis.${CORE_GLOBAL} = ${CORE_GLOBAL};`, sandbox);
});

describe('the core bundled for Apps Script (issue 8, class 7)', () => {
  it('has no Node globals to lean on', () => {
    expect(
      inVm('[typeof require, typeof process, typeof Buffer, typeof TextEncoder, typeof TextDecoder]'),
    ).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
    expect(code).not.toMatch(/\brequire\(|process\.env|node:/);
  });

  it('checks a whole book from the batchGet JSON, as the API and the monthly job do', () => {
    const wb = smallBook();
    setCell(wb, 'savings', 2, 'amount', '-5');
    sandbox.json = JSON.stringify(batchGetFromWorkbook(wb));
    const result = inVm<Core.CheckResult>(
      `${CORE_GLOBAL}.checkBooks(${CORE_GLOBAL}.workbookFromBatchGet(JSON.parse(json)), { asOf: '2026-11-26' }).result`,
    );
    expect(result.findings.map((f) => [f.code, f.cell])).toEqual([['E_VALUE', 'D2']]);
  });

  it('checks edited rows with Date cells as getValues() gives them, from a cached context', () => {
    sandbox.json = JSON.stringify(batchGetFromWorkbook(smallBook()));
    const findings = inVm<Core.Finding[]>(`
      const core = ${CORE_GLOBAL};
      const book = core.readBook(core.workbookFromBatchGet(JSON.parse(json)), { asOf: '2026-11-26' });
      const cached = core.contextToJson(book.context);          // what CacheService keeps
      const ctx = core.contextFromJson(cached);
      // 2 July 2569 typed in a date cell: a Date at local midnight in Asia/Bangkok
      const day = new Date(Date.UTC(2026, 6, 1, 17));
      core.checkRows(ctx, 'savings', [
        { row: 5, cells: [day, 'M1', 'ฝาก', 100] },
        { row: 6, cells: [day, 'M404', 'ฝาก', 100] },
        { row: 7, cells: [new Date(Date.UTC(2027, 0, 1)), 'M1', 'ฝาก', 100] },
      ]).findings;
    `);
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ['E_UNKNOWN_REF', 'B6'],
      ['E_DATE_RANGE', 'A7'],
    ]);
  });

  it('summarises and snapshots a month exactly as the CLI does', () => {
    const wb = smallBook();
    sandbox.json = JSON.stringify(batchGetFromWorkbook(wb));
    const [summary, hash] = inVm<[Core.MonthlySummary, string]>(`
      const core = ${CORE_GLOBAL};
      const workbook = core.workbookFromBatchGet(JSON.parse(json));
      const checked = core.checkBooks(workbook, { asOf: '2026-11-26' });
      [core.summarise(checked, '2026-08'), core.snapshot(core.checkForSnapshot(workbook, '2026-08'), '2026-08').content_hash];
    `);
    const here = checkBooks(wb, { asOf: '2026-11-26' });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summariseHere(here, '2026-08'));
    expect(hash).toBe(snapshotHere(checkBooks(wb, { asOf: '2026-08-31' }), '2026-08').content_hash);
  });

  it('hashes like node:crypto over TextEncoder, lone surrogates included (no TextEncoder in the VM)', () => {
    for (const text of ['', 'abc', 'ก\ud800', '\udc00x', 'สัจจะ 😀', 'a'.repeat(1000)]) {
      sandbox.text = text;
      const expected = createHash('sha256').update(new TextEncoder().encode(text)).digest('hex');
      expect(inVm<string>(`${CORE_GLOBAL}.sha256(text)`)).toBe(expected);
    }
  });

  it('advances a kept ledger state with a new row (money checks on edit)', () => {
    sandbox.json = JSON.stringify(batchGetFromWorkbook(smallBook()));
    const codes = inVm<string[]>(`
      const core = ${CORE_GLOBAL};
      const book = core.readBook(core.workbookFromBatchGet(JSON.parse(json)), { asOf: '2026-11-26' });
      const journal = core.buildJournal(book);
      const state = core.openingLedger(book);
      core.advance(state, core.ledgerEvents(journal.entries, core.datedCounts(book)), book.context);
      const kept = core.ledgerStateFromJson(core.ledgerStateToJson(state));
      const entry = { date: '2026-11-20', kind: 'withdrawal', sheet: 'savings', row: 9, column: 'amount', amount: 100000,
        postings: [{ account: 'savings:M2', amount: 100000 }, { account: 'cash', amount: -100000 }],
        member: 'M2', subgroup: undefined, loan: undefined };
      core.advance(kept, [entry], book.context).concat(core.finish(kept, book.context, '2026-11-26')).map((f) => f.code);
    `);
    expect(codes).toContain('E_SAVINGS_OVERDRAWN');
  });

  it('stays small', () => {
    // the whole core, the group's year and its reports included (the shell's own bundle, which
    // carries only what the sheet calls, has its limit in shell.vm.test.ts)
    expect(code.length).toBeLessThan(400_000);
  });
});
