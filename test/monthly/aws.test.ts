import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoStatusStore } from '../../adapters/dynamo-status-store.ts';
import { LineMessaging, tokenFromSecret } from '../../adapters/line-push.ts';
import { SesMailer } from '../../adapters/ses-mailer.ts';
import { SqsJobs } from '../../adapters/sqs-jobs.ts';
import type { WorkerDeps } from '../../app/monthly/worker.ts';
import { openArchive } from '../../cli/archive/open-archive.ts';
import { EXAMPLE_WORKBOOK } from '../../cli/main.ts';
import { loadWorkbook } from '../../cli/sources/load-workbook.ts';
import { DEFAULT_ZONE, monthJustEnded, RegistrySchema } from '../../core/index.ts';
import { googleCredentials, keepSetup, makeWorker } from '../../lambdas/monthly/handlers.ts';
import { makeDispatcher } from '../../lambdas/monthly/make-dispatcher.ts';

const sqs = mockClient(SQSClient);
const ses = mockClient(SESv2Client);
const secrets = mockClient(SecretsManagerClient);
afterEach(() => {
  sqs.reset();
  ses.reset();
  secrets.reset();
});

describe('the monthly job on AWS: dispatcher → SQS → worker → SES (issue 12)', () => {
  it('runs the whole path in-process, with the request shapes SQS, SES and Secrets Manager expect', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sajja-aws-'));
    writeFileSync(join(dir, 'x'), '');
    const archive = await openArchive({ inMemory: true });
    try {
      const registry = RegistrySchema.parse({
        network: { name: 'net', coordinators: ['net@example.org'] },
        groups: [
          {
            group_id: 'kamlon-m11',
            spreadsheet_id: 'sheet-1',
            coordinators: ['c@example.org'],
            line_to: ['U1'],
          },
          { group_id: 'off', spreadsheet_id: 'sheet-2', enabled: false },
        ],
      });
      const status = new DynamoStatusStore(archive.client, 'sajja-archive');
      sqs
        .on(SendMessageBatchCommand)
        .resolves({ Successful: [{ Id: '0', MessageId: 'm0', MD5OfMessageBody: '' }], Failed: [] });
      const jobs = new SqsJobs(new SQSClient({ region: 'ap-southeast-1' }), 'https://sqs/queue');
      const now = () => Date.UTC(2026, 10, 1, 0, 0);
      const dispatch = makeDispatcher({
        worker: async () => ({ registry, status }),
        send: (j) => jobs.send(j),
        flush: () => jobs.flush(),
        now,
      });
      expect(await dispatch({})).toEqual({ month: '2026-10', dispatched: 1 });
      const batch = sqs.commandCalls(SendMessageBatchCommand)[0]!.args[0].input;
      expect(batch.QueueUrl).toBe('https://sqs/queue');
      expect(batch.Entries).toEqual([
        { Id: '0', MessageBody: JSON.stringify({ group_id: 'kamlon-m11', month: '2026-10', resend: false }) },
      ]);

      ses.on(SendEmailCommand).resolves({ MessageId: 'e1' });
      secrets
        .on(GetSecretValueCommand, { SecretId: 'sajja/line-channel-token' })
        .resolves({ SecretString: 'line-token' });
      const pushed: { url: string; body: string; auth: string }[] = [];
      const fakeFetch = (async (url: string, init: RequestInit) => {
        pushed.push({
          url,
          body: String(init.body),
          auth: (init.headers as Record<string, string>).authorization!,
        });
        return new Response('{}', { status: 200 });
      }) as typeof fetch;
      const example = await loadWorkbook(EXAMPLE_WORKBOOK);
      const deps: WorkerDeps = {
        registry,
        source: { read: async () => example, writeSummary: async () => {} },
        store: archive.store,
        status,
        mailer: new SesMailer(new SESv2Client({ region: 'ap-southeast-1' }), 'sajja@example.org'),
        line: new LineMessaging(
          tokenFromSecret(new SecretsManagerClient({ region: 'ap-southeast-1' }), 'sajja/line-channel-token'),
          fakeFetch,
        ),
        from: 'sajja@example.org',
        now,
      };
      const event = {
        Records: batch.Entries!.map((e, i) => ({ messageId: `m${i}`, body: e.MessageBody })),
      } as unknown as SQSEvent;
      expect(await makeWorker(async () => deps)(event)).toEqual({ batchItemFailures: [] });

      const emails = ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input);
      expect(emails.map((e) => e.Destination?.ToAddresses)).toEqual([['c@example.org'], ['net@example.org']]);
      expect(emails[0]!.FromEmailAddress).toBe('sajja@example.org');
      const mail = await simpleParser(Buffer.from(emails[0]!.Content!.Raw!.Data!));
      expect(mail.subject).toContain('ต.ค. 2569');
      expect(secrets.commandCalls(GetSecretValueCommand)[0]!.args[0].input).toEqual({
        SecretId: 'sajja/line-channel-token',
      });
      expect(pushed).toHaveLength(1);
      expect(pushed[0]).toMatchObject({
        url: 'https://api.line.me/v2/bot/message/push',
        auth: 'Bearer line-token',
      });
      expect(JSON.parse(pushed[0]!.body)).toMatchObject({ to: 'U1', messages: [{ type: 'text' }] });
      expect(await status.get('off', '2026-10')).toMatchObject({ status: 'disabled' });

      // SQS delivers at least once: the same message again sends nothing
      await makeWorker(async () => deps)(event);
      expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2);
    } finally {
      await archive.close();
    }
  });

  it('reports a message that fails as a batch item failure, the others done', async () => {
    const deps = {
      registry: RegistrySchema.parse({ network: {}, groups: [] }),
      now: Date.now,
    } as unknown as WorkerDeps;
    const event = {
      Records: [
        { messageId: 'bad', body: JSON.stringify({ group_id: 'nosuch', month: '2026-10', resend: false }) },
      ],
    } as unknown as SQSEvent;
    expect(await makeWorker(async () => deps)(event)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'bad' }],
    });
  });

  it('runs for the month just ended in Bangkok when the schedule fires on the 1st at 07:00', () => {
    expect(monthJustEnded(DEFAULT_ZONE, Date.UTC(2026, 10, 1, 0, 0))).toBe('2026-10'); // 07:00 on 1 Nov in Bangkok
    expect(monthJustEnded(DEFAULT_ZONE, Date.UTC(2026, 0, 1, 0, 0))).toBe('2025-12');
  });
});

describe('a worker container that failed its setup (issue 18)', () => {
  it('tries the setup again on the next invocation, never keeping a failure', async () => {
    let calls = 0;
    const setup = keepSetup(async () => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      return { ready: true };
    });
    await expect(setup()).rejects.toThrow('Rate exceeded');
    expect(await setup()).toEqual({ ready: true });
    expect(await setup()).toEqual({ ready: true });
    expect(calls).toBe(2);
  });

  it('says "not configured yet" while the Google key secret holds its placeholder', () => {
    expect(() => googleCredentials('Vq9!generated-password', 'sajja/google-service-account')).toThrow(
      /not configured yet: the secret sajja\/google-service-account/,
    );
    expect(
      googleCredentials('{"client_email":"a@b.iam.gserviceaccount.com","private_key":"k"}', 's'),
    ).toEqual({
      client_email: 'a@b.iam.gserviceaccount.com',
      private_key: 'k',
    });
  });
});

describe('the worker Lambda logs and paces (issue 18)', () => {
  it('writes one JSON line a message, with no names or amounts, and paces only a group whose sheet it read', async () => {
    const archive = await openArchive({ inMemory: true });
    try {
      const registry = RegistrySchema.parse({
        network: {},
        groups: [{ group_id: 'kamlon-m11', workbook: 'x.xlsx', coordinators: ['c@example.org'] }],
      });
      const workbook = await loadWorkbook(EXAMPLE_WORKBOOK);
      const deps = {
        registry,
        source: { read: async () => workbook, writeSummary: async () => {} },
        store: archive.store,
        status: new DynamoStatusStore(archive.client, 'sajja-archive'),
        mailer: { send: async () => {} },
        line: { push: async () => {}, quota: async () => ({ limit: null, used: 0 }) },
        from: 'sajja@example.org',
        now: () => Date.UTC(2026, 10, 1),
      } as WorkerDeps;
      const lines: Record<string, unknown>[] = [];
      const waits: number[] = [];
      const worker = makeWorker(
        async () => deps,
        { minMillisPerGroup: 5_000, sleep: async (ms) => void waits.push(ms) },
        (entry) => lines.push(entry),
      );
      const message = (id: string, body: unknown) => ({ messageId: id, body: JSON.stringify(body) });
      const event = {
        Records: [
          message('m1', { group_id: 'kamlon-m11', month: '2026-10', resend: false }),
          message('m2', { group_id: 'kamlon-m11', month: '2026-10', resend: false }), // already sent
          message('m3', { group_id: 'nosuch', month: '2026-10', resend: false }), // poison
        ],
      } as unknown as SQSEvent;
      expect((await worker(event)).batchItemFailures).toEqual([{ itemIdentifier: 'm3' }]);
      expect(lines.map((l) => [l.message_id, l.level, l.group_id, l.status])).toEqual([
        ['m1', 'info', 'kamlon-m11', 'sent'],
        ['m2', 'info', 'kamlon-m11', 'sent'],
        ['m3', 'error', 'nosuch', undefined],
      ]);
      const text = JSON.stringify(lines);
      expect(text).not.toContain('บ้านกำโลน'); // no group or member names
      expect(text).not.toContain('c@example.org');
      // the clock stands still here: the one group read waits its full 5 s, the others not at all
      expect(waits).toEqual([5_000]);
    } finally {
      await archive.close();
    }
  });
});
