import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../cli/generate/generate-workbook.ts';
import { checkBooks } from '../../core/index.ts';
import { summarise } from '../../core/jobs/summarise.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The heap in use after collecting garbage twice. */
function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('a warm process checks group after group (issue 8, class 5)', () => {
  it('keeps no group alive: the heap does not grow with the number of groups checked', () => {
    const checkGroup = (seed: number) => {
      // each group its own ids, amounts and names (another seed, another group id)
      const wb = generateWorkbook({
        groupId: `group-${seed}`,
        groupName: `กลุ่ม ${seed}`,
        households: 30,
        months: 3,
        start: '2026-06',
        seed,
      });
      const checked = checkBooks(wb, { asOf: '2026-09-05' });
      summarise(checked, '2026-08');
    };
    for (let seed = 1; seed <= 10; seed++) checkGroup(seed); // warm up: caches filled, code compiled
    const after10 = heapUsed();
    for (let seed = 11; seed <= 50; seed++) checkGroup(seed);
    const after50 = heapUsed();
    // forty more groups of ~4,000 rows each (one is ~10 MB of rows while checked) leave < 4 MB behind
    expect(after50 - after10).toBeLessThan(4 * 1024 * 1024);
  });
});
