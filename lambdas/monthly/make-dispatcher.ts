import { runDispatcher } from '../../app/monthly/dispatch.ts';
import type { MonthlyJob } from '../../app/monthly/ports.ts';
import type { WorkerDeps } from '../../app/monthly/worker-deps.ts';
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
