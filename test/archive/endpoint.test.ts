import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_WORKBOOK } from '../../cli/main.ts';
import { startDynamoEndpoint } from '../helpers/dynamo-endpoint.ts';
import { runCli } from '../helpers/run-cli.ts';

let endpoint = '';
let close: () => Promise<void>;

beforeAll(async () => {
  ({ endpoint, close } = await startDynamoEndpoint());
});
afterAll(() => close());

describe('--endpoint (real DynamoDB, here any compatible server)', () => {
  it('creates the table, archives, lists and verifies through the endpoint', async () => {
    const archived = await runCli(
      'archive',
      EXAMPLE_WORKBOOK,
      '--month',
      '2026-08',
      '--endpoint',
      endpoint,
      '--json',
    );
    expect(JSON.parse(archived.out)).toMatchObject({
      group_id: 'kamlon-m11',
      month: '2026-08',
      version: 1,
      created: true,
    });
    expect(JSON.parse(archived.out).bytes_stored * 5).toBeLessThan(JSON.parse(archived.out).bytes_raw);
    const history = await runCli('history', 'kamlon-m11', '--endpoint', endpoint, '--json');
    expect(JSON.parse(history.out)).toHaveLength(1);
    expect((await runCli('verify', 'kamlon-m11', '--endpoint', endpoint)).code).toBe(0);
  });

  it('reports a month that was never archived as a usage error in diff', async () => {
    const { code, err } = await runCli(
      'diff',
      EXAMPLE_WORKBOOK,
      '--month',
      '2026-07',
      '--endpoint',
      endpoint,
    );
    expect(code).toBe(2);
    expect(err).toContain('has not been archived');
  });
});
