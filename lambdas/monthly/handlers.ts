import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { addMonths } from '../../core/index.ts';
import type { GroupJob } from './ports.ts';
import { runDispatcher, runWorker, type WorkerDeps } from './worker.ts';

/** The month just ended, in the groups' zone, on the day the schedule fires (the 1st, 07:00 Bangkok). */
export function monthJustEnded(now: number, timeZone = 'Asia/Bangkok'): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return addMonths(today, -1).slice(0, 7);
}

/** The dispatcher Lambda: EventBridge Scheduler starts it; one SQS message per enabled group. */
export function makeDispatcher(deps: {
  worker: () => Promise<Pick<WorkerDeps, 'registry' | 'status'>>;
  send: (job: GroupJob) => Promise<void>;
  flush: () => Promise<void>;
  now: () => number;
}) {
  return async (event: { month?: string; resend?: boolean } = {}) => {
    const month = event.month ?? monthJustEnded(deps.now());
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
        await runWorker(ready, JSON.parse(record.body) as GroupJob);
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
