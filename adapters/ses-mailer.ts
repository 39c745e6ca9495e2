import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer, OutgoingMail } from '../app/monthly/ports.ts';

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
