import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bundleCore, CORE_GLOBAL } from '../../apps-script/bundle-core.ts';
import type * as Core from '../../core/index.ts';
import { setCell, smallBook } from '../helpers/small-book.ts';

describe('the core bundled for Apps Script', () => {
  it('runs inside node:vm with no Node globals and checks a few rows', async () => {
    const code = await bundleCore();
    const sandbox: Record<string, unknown> = {};
    runInNewContext(`${code}\nthis.${CORE_GLOBAL} = ${CORE_GLOBAL};`, sandbox);
    const core = sandbox[CORE_GLOBAL] as typeof Core;
    expect(typeof core.checkWorkbook).toBe('function');

    const wb = smallBook();
    setCell(wb, 'savings', 2, 'amount', '-5');
    setCell(wb, 'savings', 3, 'date', '๒ ก.ค. ๖๙');
    const result = core.checkWorkbook(JSON.parse(JSON.stringify(wb)), { asOf: '2026-11-26' });
    expect(result.findings.map((f) => [f.code, f.cell, f.message.th.length > 0])).toEqual([
      ['E_VALUE', 'D2', true],
    ]);
  });

  it('needs no require, process or module, and stays small', async () => {
    const code = await bundleCore();
    expect(code).not.toMatch(/\brequire\(|process\.env|node:/);
    expect(code.length).toBeLessThan(200_000);
  });
});
