import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoArchiveStore } from '../../adapters/dynamo-archive-store.ts';
import { DynamoNonceStore } from '../../adapters/dynamo-nonce-store.ts';
import { DynamoStatusStore } from '../../adapters/dynamo-status-store.ts';
import { registryFromTable } from '../../adapters/registry-table.ts';
import { makeHandler } from '../../app/api/handler.ts';
import { runDispatcher } from '../../app/monthly/dispatch.ts';
import { runWorker, type WorkerDeps } from '../../app/monthly/worker.ts';
import { type ArchiveConnection, openArchive } from '../../cli/archive/open-archive.ts';
import { batchGetFromWorkbook, canonicalString, hmacSha256Hex, sha256, utf8 } from '../../core/index.ts';
import { API_TABLE_ACTIONS } from '../../infra/api-stack.ts';
import { TABLE_ACTIONS } from '../../infra/monthly-stack.ts';
import { setCell, smallBook } from '../helpers/small-book.ts';

/**
 * Issue 18, point 14: each function may make exactly the table calls its code makes. The code runs
 * its paths against the embedded engine through the real SDK; a middleware records every command
 * sent; the set must equal the actions the CDK app grants that function.
 */
let archive: ArchiveConnection;
beforeAll(async () => {
  archive = await openArchive({ inMemory: true });
});
afterAll(async () => {
  await archive.close();
});

const ACTION: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
};

/** Records the DynamoDB actions a client sends while `work` runs. */
async function actionsOf(client: DynamoDBClient, work: () => Promise<unknown>): Promise<string[]> {
  const seen = new Set<string>();
  const name = `record-${Math.random()}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName).replace(/Command$/, '');
      seen.add(`dynamodb:${ACTION[command] ?? command}`);
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    await work();
  } finally {
    client.middlewareStack.remove(name);
  }
  return [...seen].sort();
}

const table = 'sajja-archive';
const SECRET = 'the-secret-0123456789abcdefghijklmnop';

describe('IAM: exactly the calls the code makes (issue 18)', () => {
  it('the API', async () => {
    const handle = makeHandler({
      store: new DynamoArchiveStore(archive.client, { tableName: table }),
      nonces: new DynamoNonceStore(archive.client, table),
      secrets: { secretsOf: async (g) => (g === 'g1' ? [{ id: null, holder: null, secret: SECRET }] : []) },
      now: () => Date.UTC(2026, 10, 26),
      log: () => {},
      version: 'test',
    });
    let n = 0;
    const call = (method: string, path: string, body?: unknown) => {
      const text = body === undefined ? '' : JSON.stringify(body);
      const timestamp = String(Math.floor(Date.UTC(2026, 10, 26) / 1000));
      const nonce = `nonce-${String(++n).padStart(12, '0')}`;
      const canonical = canonicalString({
        group: 'g1',
        timestamp,
        nonce,
        method,
        path,
        bodySha256: sha256(text),
      });
      return handle({
        rawPath: path,
        body: text,
        isBase64Encoded: false,
        requestContext: { http: { method }, requestId: `r${n}` },
        headers: {
          'x-sajja-group': 'g1',
          'x-sajja-timestamp': timestamp,
          'x-sajja-nonce': nonce,
          'x-sajja-signature': `v1=${hmacSha256Hex(utf8(SECRET), utf8(canonical))}`,
        },
      } as never);
    };
    const workbook = batchGetFromWorkbook(smallBook());
    const used = await actionsOf(archive.client, async () => {
      for (const [method, path, body] of [
        ['POST', '/v1/check', { workbook }],
        ['POST', '/v1/summary', { workbook, month: '2026-08' }],
        ['POST', '/v1/archive', { workbook, month: '2026-08' }],
        ['GET', '/v1/groups/g1/snapshots'],
        ['GET', '/v1/groups/g1/snapshots/2026-08'],
        ['GET', '/v1/groups/g1/verify'],
      ] as const) {
        const answer = await call(method, path, body);
        expect(answer.statusCode, `${path}: ${answer.body}`).toBe(200);
      }
    });
    expect(used).toEqual([...API_TABLE_ACTIONS].sort());
  });

  it('the monthly dispatcher and worker', async () => {
    const doc = archive.client;
    // the registry, as the table holds it
    const { DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
    const writer = DynamoDBDocumentClient.from(doc);
    await writer.send(
      new PutCommand({
        TableName: table,
        Item: {
          PK: 'REGISTRY',
          SK: 'NETWORK',
          json: JSON.stringify({ name: 'n', coordinators: ['net@example.org'] }),
        },
      }),
    );
    for (const group of [
      { group_id: 'w1', spreadsheet_id: 's1', coordinators: ['c@example.org'], line_to: ['U1'] },
      { group_id: 'off', spreadsheet_id: 's2', enabled: false },
    ])
      await writer.send(
        new PutCommand({
          TableName: table,
          Item: { PK: 'REGISTRY', SK: `G#${group.group_id}`, json: JSON.stringify(group) },
        }),
      );
    const status = new DynamoStatusStore(doc, table);
    const dispatched = await actionsOf(doc, async () => {
      const registry = await registryFromTable(doc, table);
      await runDispatcher({ registry, status }, '2026-10', async () => {}, false);
      await runDispatcher({ registry, status }, '2026-10', async () => {}, true); // --resend
    });
    expect(dispatched).toEqual([...TABLE_ACTIONS.dispatcher].sort());

    const book = smallBook();
    setCell(book, 'settings', 2, 'value', 'w1');
    let lineFails = 1;
    const deps: WorkerDeps = {
      registry: await registryFromTable(doc, table),
      source: { read: async () => book, writeSummary: async () => {} },
      store: new DynamoArchiveStore(doc, { tableName: table }),
      status,
      mailer: { send: async () => {} },
      line: {
        quota: async () => ({ limit: null, used: 0 }),
        push: async () => {
          // a channel refused is released (DeleteItem) and tried again by the next run (one that
          // timed out is kept, marked attempted: UpdateItem)
          if (lineFails-- > 0) throw Object.assign(new Error('400'), { status: 400 });
        },
      },
      from: 'sajja@example.org',
      now: () => Date.UTC(2026, 10, 1),
    };
    const worked = await actionsOf(doc, async () => {
      expect((await runWorker(deps, { group_id: 'w1', month: '2026-10', resend: false })).status).toBe(
        'failed',
      );
      expect((await runWorker(deps, { group_id: 'w1', month: '2026-10', resend: false })).status).toBe(
        'sent',
      );
    });
    expect(worked).toEqual([...TABLE_ACTIONS.worker].sort());
  });
});

describe('no function can write the registry (issue 18)', () => {
  it('limits every write to the partitions its code owns', async () => {
    const { Template } = await import('aws-cdk-lib/assertions');
    const { sajjaApp } = await import('../../infra/app.ts');
    const { api, monthly } = sajjaApp();
    for (const stack of [api, monthly]) {
      const statements = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')).flatMap(
        (p) =>
          (
            p as {
              Properties: {
                PolicyDocument: { Statement: { Action: string | string[]; Condition?: unknown }[] };
              };
            }
          ).Properties.PolicyDocument.Statement,
      );
      const writes = statements.filter((s) =>
        [s.Action].flat().some((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a)),
      );
      expect(writes.length).toBeGreaterThan(0);
      for (const w of writes) {
        const keys = (w.Condition as { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': string[] } })[
          'ForAllValues:StringLike'
        ]['dynamodb:LeadingKeys'];
        expect(keys.length).toBeGreaterThan(0);
        for (const k of keys) expect('REGISTRY'.startsWith(k.replace('*', ''))).toBe(false);
      }
    }
  });
});
