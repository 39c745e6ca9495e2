// Baseline for the check benchmark: read the batchGet file, JSON.parse it, and pass once over every cell.
import { readFileSync } from 'node:fs';

const json = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let cells = 0;
for (const range of json.valueRanges) {
  for (const row of range.values ?? []) {
    for (const cell of row) if (cell !== null && cell !== '') cells++;
  }
}
process.stdout.write(`${cells}\n`);
