import MailComposer from 'nodemailer/lib/mail-composer/index.js';

/**
 * An email as RFC 5322 bytes: multipart/alternative (the HTML report and its plain text), a Thai
 * subject in UTF-8 (RFC 2047, done by nodemailer's composer — no MIME written by hand).
 */
export async function composeMail(message: {
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  date: Date;
}): Promise<Buffer> {
  const mail = new MailComposer({
    from: message.from,
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    date: message.date,
    textEncoding: 'base64',
  });
  return mail.compile().build();
}
