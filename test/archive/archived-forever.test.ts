import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AttributeValue, BatchWriteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoEndpoint } from '../helpers/dynamo-endpoint.ts';
import { runCli } from '../helpers/run-cli.ts';

/**
 * An archive written by Sajja 0.1.0 (test/fixtures/archive-0.1.0: the DynamoDB items of four
 * archived months and the book they came from, closed through 2026-10). Every later version must
 * read it, verify it, stay quiet on the unchanged book and still catch a changed cell.
 */
const fixture = join(import.meta.dirname, '../fixtures/archive-0.1.0');
const book = JSON.parse(readFileSync(join(fixture, 'book.json'), 'utf8')) as {
  valueRanges: { range: string; values: unknown[][] }[];
};
const dir = mkdtempSync(join(tmpdir(), 'sajja-forever-'));
let endpoint = '';

/** The items as DynamoDB's JSON gives them, binary attributes from base64. */
function wireItems(): Record<string, AttributeValue>[] {
  const items = JSON.parse(readFileSync(join(fixture, 'items.json'), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >[];
  return items.map((item) =>
    Object.fromEntries(
      Object.entries(item).map(([name, value]) => [
        name,
        (typeof value.B === 'string'
          ? { B: Buffer.from(value.B, 'base64') }
          : value) as unknown as AttributeValue,
      ]),
    ),
  );
}

/** The book with one cell changed, saved as batchGet JSON. */
function bookWith(tab: string, row: number, column: number, value: unknown): string {
  const copy = structuredClone(book);
  const range = copy.valueRanges.find((r) => r.range.includes(`(${tab})`))!;
  range.values[row - 1]![column] = value;
  const path = join(dir, `${tab}-${row}.json`);
  writeFileSync(path, JSON.stringify(copy));
  return path;
}

let close: () => Promise<void>;

beforeAll(async () => {
  ({ endpoint, close } = await startDynamoEndpoint());
  // the CLI creates the table; then the old items go in as they were stored
  expect((await runCli('groups', '--endpoint', endpoint, '--json')).code).toBe(0);
  const client = new DynamoDBClient({ endpoint });
  const items = wireItems();
  for (let i = 0; i < items.length; i += 25)
    await client.send(
      new BatchWriteItemCommand({
        RequestItems: { 'sajja-archive': items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  client.destroy();
});
afterAll(() => close());

const check = async (path: string) => {
  const { out } = await runCli('check', path, '--as-of', '2026-11-01', '--endpoint', endpoint, '--json');
  return JSON.parse(out) as {
    findings: { code: string; sheet: string; cell: string }[];
    closed_check: string;
  };
};

describe('an archive written by Sajja 0.1.0', () => {
  it('is read and verified: four months, one chain', async () => {
    const history = await runCli('history', 'kamlon-m11', '--endpoint', endpoint, '--json');
    expect(JSON.parse(history.out).map((c: { month: string }) => c.month)).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    const verify = await runCli('verify', 'kamlon-m11', '--endpoint', endpoint);
    expect(verify.err).toBe('');
    expect(verify.code).toBe(0);
  });

  it('stays quiet against its own unchanged book', async () => {
    const result = await check(join(fixture, 'book.json'));
    expect(result.closed_check).toBe('done');
    expect(result.findings).toEqual([]);
  });

  it('is not archived again when its month is unchanged', async () => {
    const again = await runCli(
      'archive',
      join(fixture, 'book.json'),
      '--month',
      '2026-08',
      '--endpoint',
      endpoint,
      '--json',
    );
    expect(JSON.parse(again.out)).toMatchObject({ month: '2026-08', version: 1, created: false });
  });

  it('still catches a changed cell of a closed month, at that cell', async () => {
    // savings row 1000 is dated in a closed month; its amount is column D
    const result = await check(bookWith('savings', 1000, 3, 12_345));
    expect(result.findings.map((f) => [f.code, f.sheet, f.cell])).toContainEqual([
      'W_CLOSED_PERIOD_CHANGED',
      'savings',
      'D1000',
    ]);
  });

  it('still catches a changed reference cell that moves a closed month’s figures', async () => {
    // household row 2 moved to another sub-group: the sub-groups' savings of every closed month move
    const moved = book.valueRanges.find((r) => r.range.includes('(households)'))!.values[1]![1];
    const other = book.valueRanges
      .find((r) => r.range.includes('(subgroups)'))!
      .values.slice(1)
      .map((r) => r[0])
      .find((id) => id !== moved);
    const result = await check(bookWith('households', 2, 1, other));
    const at = result.findings.filter((f) => f.code === 'W_CLOSED_PERIOD_CHANGED').map((f) => f.cell);
    expect(at.length).toBeGreaterThan(0);
    expect(new Set(at)).toEqual(new Set(['B2']));
  });
});
