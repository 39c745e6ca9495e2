import type { GroupJob, JobQueue } from './ports.ts';

/**
 * SQS's delivery on one computer (`sajja monthly`): at least once — a message whose handler throws
 * is received again, up to `maxReceives` times, then goes to the dead-letter list. Groups run one
 * at a time (a laptop), in the order they were sent.
 */
export class InProcessQueue implements JobQueue {
  private readonly pending: { job: GroupJob; receives: number }[] = [];
  readonly deadLetters: { job: GroupJob; error: string }[] = [];

  constructor(private readonly maxReceives = 3) {}

  async send(job: GroupJob): Promise<void> {
    this.pending.push({ job, receives: 0 });
  }

  /** Nothing is held back: every job sent is already pending. */
  async flush(): Promise<void> {}

  /** Delivers every message until the queue is empty. */
  async drain(handle: (job: GroupJob) => Promise<void>): Promise<void> {
    while (this.pending.length > 0) {
      const message = this.pending.shift()!;
      message.receives++;
      try {
        await handle(message.job);
      } catch (error) {
        if (message.receives >= this.maxReceives)
          this.deadLetters.push({ job: message.job, error: (error as Error)?.message ?? String(error) });
        else this.pending.push(message); // visible again after its timeout: at the back of the line
      }
    }
  }
}
