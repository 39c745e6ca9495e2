import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { GroupJob, LinePush, Mailer, OutgoingMail } from '../app/monthly/ports.ts';
import { type Registry, RegistrySchema } from '../core/index.ts';

/** Emails through SES v2, as the raw MIME the composer built (HTML + text, Thai subject). */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
  ) {}
  async send(mail: OutgoingMail): Promise<void> {
    await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: mail.to },
        Content: { Raw: { Data: new Uint8Array(mail.raw) } },
      }),
    );
  }
}

/** LINE Messaging API push, the channel token from Secrets Manager (read once per container). */
export class LineMessaging implements LinePush {
  private token: string | undefined;
  constructor(
    private readonly secrets: SecretsManagerClient,
    private readonly tokenSecretId: string,
    private readonly post: typeof fetch = fetch,
    private readonly endpoint = 'https://api.line.me/v2/bot/message/push',
  ) {}
  async push(to: string, text: string): Promise<void> {
    this.token ??= (
      await this.secrets.send(new GetSecretValueCommand({ SecretId: this.tokenSecretId }))
    ).SecretString;
    const response = await this.post(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ to, messages: [{ type: 'text', text }] }),
    });
    if (!response.ok)
      throw Object.assign(new Error(`LINE push answered ${response.status}`), { status: response.status });
  }
}

/** The registry on AWS: items in the archive table, `PK = REGISTRY`, `SK = NETWORK` and `G#<group>`. */
export async function registryFromTable(client: DynamoDBClient, table: string): Promise<Registry> {
  const doc = DynamoDBDocumentClient.from(client);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'PK = :r',
        ExpressionAttributeValues: { ':r': 'REGISTRY' },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const network = items.find((i) => i.SK === 'NETWORK');
  return RegistrySchema.parse({
    network: network ? JSON.parse(String(network.json)) : { coordinators: [] },
    groups: items.filter((i) => String(i.SK).startsWith('G#')).map((i) => JSON.parse(String(i.json))),
  });
}

/** One SQS message per group, in batches of ten (SendMessageBatch's limit). */
export class SqsJobs {
  private batch: GroupJob[] = [];
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}
  async send(job: GroupJob): Promise<void> {
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
