import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { runDispatcher } from '../../app/monthly/dispatch.ts';
import { maybeSendNetwork } from '../../app/monthly/network-report.ts';
import type { MonthlyJob } from '../../app/monthly/ports.ts';
import { runWorker, type WorkerDeps } from '../../app/monthly/worker.ts';
import { DEFAULT_ZONE, monthJustEnded } from '../../core/index.ts';

/** The dispatcher Lambda: EventBridge Scheduler starts it; one SQS message per enabled group. */
export function makeDispatcher(deps: {
  worker: () => Promise<Pick<WorkerDeps, 'registry' | 'status'>>;
  send: (job: MonthlyJob) => Promise<void>;
  flush: () => Promise<void>;
  now: () => number;
}) {
  return async (event: { month?: string; resend?: boolean; network?: boolean } = {}) => {
    const month = event.month ?? monthJustEnded(DEFAULT_ZONE, deps.now());
    if (event.network) {
      // the daily check after the 1st: the worker sends the network report if it is due
      await deps.send({ network: true, month });
      await deps.flush();
      return { month, dispatched: 0, network: true };
    }
    const dispatched = await runDispatcher(await deps.worker(), month, deps.send, event.resend === true);
    await deps.flush();
    return { month, dispatched };
  };
}

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
) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const ready = await deps();
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const started = ready.now();
      try {
        const job = JSON.parse(record.body) as MonthlyJob;
        if ('network' in job) await maybeSendNetwork(ready, job.month);
        else await runWorker(ready, job);
      } catch {
        failures.push({ itemIdentifier: record.messageId });
      }
      // paced: the workers together stay under the Sheets API's 60 reads a minute per user
      const spent = ready.now() - started;
      if (spent < pace.minMillisPerGroup) await pace.sleep(pace.minMillisPerGroup - spent);
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
