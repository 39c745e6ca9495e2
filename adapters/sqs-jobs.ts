import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { JobQueue, MonthlyJob } from '../app/monthly/ports.ts';

/** One SQS message per group, in batches of ten (SendMessageBatch's limit). */
export class SqsJobs implements JobQueue {
  private batch: MonthlyJob[] = [];
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}
  async send(job: MonthlyJob): Promise<void> {
    this.batch.push(job);
    if (this.batch.length === 10) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const entries = this.batch.map((job, i) => ({ Id: String(i), MessageBody: JSON.stringify(job) }));
    this.batch = [];
    const result = await this.sqs.send(
      new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }),
    );
    if ((result.Failed ?? []).length > 0) throw new Error(`SQS refused ${result.Failed!.length} messages`);
  }
}
