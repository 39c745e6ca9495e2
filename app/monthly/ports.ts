import type { GroupOutcome, PlainCell, Workbook } from '../../core/index.ts';

/** A group's month as the queue carries it: one message per enabled group. */
export interface GroupJob {
  group_id: string;
  month: string;
  /** Send again even when the month was already sent (no second snapshot). */
  resend: boolean;
}

/** Where a group's workbook comes from: its Google Sheet (two read requests) or a file. */
export interface WorkbookSource {
  read(group: { spreadsheet_id?: string; workbook?: string }): Promise<Workbook>;
  /** Writes the summary tab (plain values), touching no other tab. A file has no sheet to write. */
  writeSummary(group: { spreadsheet_id?: string }, rows: PlainCell[][]): Promise<void>;
}

/** An email as MIME bytes (RFC 5322), with its recipients. */
export interface OutgoingMail {
  to: string[];
  raw: Buffer;
  /** A name for it (the outbox's file name locally). */
  name: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/** LINE Messaging API push (a JSON file in the outbox locally). */
export interface LinePush {
  push(to: string, text: string, name: string): Promise<void>;
}

/** Per-group status items (the archive table on AWS, the embedded archive locally). */
export interface StatusStore {
  get(group: string, month: string): Promise<StatusItem | undefined>;
  put(item: StatusItem): Promise<void>;
  /** Claims the network report of a month once: true for the one caller that may send it. */
  claimNetwork(month: string): Promise<boolean>;
  /**
   * A resend: forgets the groups' statuses and the network report's claim for the month, so the
   * network report goes once more after the last of them is done again.
   */
  reopen(month: string, groups: string[]): Promise<void>;
}

/** A group's month as the job keeps it: its outcome, under its month. */
export interface StatusItem extends GroupOutcome {
  month: string;
}

/** Where the dispatcher puts one job per group (SQS on AWS, the in-process queue locally). */
export interface JobQueue {
  send(job: GroupJob): Promise<void>;
  /** Sends what is still held (SQS sends in batches of ten). */
  flush(): Promise<void>;
}
