/**
 * The environment variables the Lambda entries read, named once: infra/ sets them, the entries
 * read them. A name changed here changes both sides.
 */
export const ENV = {
  table: 'TABLE_NAME',
  groupSecrets: 'SECRET_ID',
  version: 'SAJJA_VERSION',
  queueUrl: 'QUEUE_URL',
  mailFrom: 'MAIL_FROM',
  googleKeySecret: 'GOOGLE_KEY_SECRET_ID',
  lineTokenSecret: 'LINE_TOKEN_SECRET_ID',
  minSecondsPerGroup: 'MIN_SECONDS_PER_GROUP',
  /** Where the Sheets API and LINE are (unset: Google's and LINE's own): the same assets against stand-ins. */
  sheetsUrl: 'SHEETS_ROOT_URL',
  /** LINE's API base (https://api.line.me unless set): the push, the quota and its consumption under it. */
  lineUrl: 'LINE_API_URL',
  googleTokenUrl: 'GOOGLE_TOKEN_URL',
} as const;
