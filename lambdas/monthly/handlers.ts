import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { maybeSendNetwork } from '../../app/monthly/network-report.ts';
import type { MonthlyJob } from '../../app/monthly/ports.ts';
import { runWorker, skipped, type WorkerDeps } from '../../app/monthly/worker.ts';

/**
 * The worker Lambda: an SQS batch, each message one group's month; a message that throws is
 * reported as a batch item failure (retried, then dead-lettered), the others are done.
 */
export function makeWorker(
  deps: () => Promise<WorkerDeps>,
  pace: { minMillisPerGroup: number; sleep: (ms: number) => Promise<void> } = {
    minMillisPerGroup: 0,
    sleep: async () => {},
  },
  log: (entry: Record<string, string | number | boolean | null>) => void = (entry) =>
    console.log(JSON.stringify({ timestamp: new Date().toISOString(), service: 'sajja-worker', ...entry })),
) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const ready = await deps();
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const started = ready.now();
      let worked = false;
      // one JSON line a message: its id, the group and month, what became of it (no names, no amounts)
      const line: Record<string, string | number | boolean | null> = { message_id: record.messageId };
      try {
        const job = JSON.parse(record.body) as MonthlyJob;
        line.month = job.month;
        if ('network' in job) {
          line.kind = 'network';
          line.sent = (await maybeSendNetwork(ready, job.month)).length > 0;
        } else {
          line.group_id = job.group_id;
          const item = await runWorker(ready, job);
          line.status = item.status;
          // a group whose sheet was read now is paced; one already sent, or a poison message, costs no wait
          worked = !skipped(item);
        }
        log({ level: 'info', message: 'job', ...line, duration_ms: ready.now() - started });
      } catch (error) {
        failures.push({ itemIdentifier: record.messageId });
        log({
          level: 'error',
          message: 'job failed',
          ...line,
          error: (error as Error)?.name ?? 'Error',
          detail: String((error as Error)?.message ?? error).slice(0, 300),
          duration_ms: ready.now() - started,
        });
      }
      // paced: the workers together stay under the Sheets API's 60 reads a minute per user
      const spent = ready.now() - started;
      if (worked && spent < pace.minMillisPerGroup) await pace.sleep(pace.minMillisPerGroup - spent);
    }
    return { batchItemFailures: failures };
  };
}

/**
 * A container's setup (clients, secrets, the registry), made once and kept while it works; a setup
 * that failed (a throttled Secrets Manager call, a key not pasted yet) is never kept, so the next
 * invocation tries again instead of failing with no AWS call at all.
 */
export function keepSetup<T>(make: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    kept ??= make().catch((error) => {
      kept = undefined;
      throw error;
    });
    return kept;
  };
}

/** The Google service account's key from its secret; the placeholder of a new secret is "not configured yet". */
export function googleCredentials(secret: string | undefined, secretName: string): Record<string, unknown> {
  let key: unknown;
  try {
    key = JSON.parse(secret ?? '');
  } catch {
    key = undefined;
  }
  const k = key as { client_email?: unknown; private_key?: unknown } | undefined;
  if (!k || typeof k.client_email !== 'string' || typeof k.private_key !== 'string')
    throw new Error(
      `not configured yet: the secret ${secretName} must hold the Google service account's JSON key (client_email, private_key); it holds ${secret === undefined ? 'nothing' : 'something else (the placeholder of a new secret?)'}`,
    );
  return key as Record<string, unknown>;
}
