import type { GroupOutcome, PlainCell, Workbook } from '../../core/index.ts';

/** A group's month as the queue carries it: one message per enabled group. */
export interface GroupJob {
  group_id: string;
  month: string;
  /** Send again even when the month was already sent (no second snapshot). */
  resend: boolean;
}

/** The network report's check (the worker sends it when due: every group done, or its deadline passed). */
export interface NetworkJob {
  network: true;
  month: string;
}

/** What the queue carries: a group's month, or the network report's check. */
export type MonthlyJob = GroupJob | NetworkJob;

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

/** The month's LINE messages: how many the channel may send (null: no limit) and how many it sent. */
export interface LineQuota {
  limit: number | null;
  used: number;
}

/** LINE refused a push because the channel's messages for the month are used up (not retried this month). */
export class MonthlyLimitReached extends Error {
  override name = 'MonthlyLimitReached';
}

/** LINE Messaging API push and quota (a JSON file in the outbox locally, with no limit). */
export interface LinePush {
  /**
   * Sends one text to one LINE user. `retryKey` (a UUID the same for the same message) makes a
   * push made again after a crash a no-op at LINE's end.
   */
  push(to: string, text: string, name: string, retryKey?: string): Promise<void>;
  /** The month's quota and consumption, read before the members' statements go. */
  quota(): Promise<LineQuota>;
}

/**
 * What a claim on one delivery found: this caller's to do now ('retry' when an attempt before may
 * have reached the service: send it again only in a way the service runs once), already
 * delivered, or another's lease.
 */
export type Claim = 'mine' | 'retry' | 'done' | 'held';

/**
 * The monthly job's records (the archive table on AWS, the embedded archive locally): each group's
 * outcome, a count of groups done, and one record per delivery — a channel of a group's month
 * (`G#<group>#email`, `#line:1`, `#summary`) or the network report (`NETWORK`) — so at-least-once
 * delivery never sends a channel twice and a failed channel is retried alone.
 */
export interface StatusStore {
  get(group: string, month: string): Promise<StatusItem | undefined>;
  /** Records a group's outcome; true the first time the group is done this month (it is counted). */
  put(item: StatusItem): Promise<boolean>;
  /** How many groups are done this month (one read, whatever the network's size). */
  doneCount(month: string): Promise<number>;
  /** Every group's outcome of a month (one query of the month's records). */
  all(month: string): Promise<StatusItem[]>;
  /**
   * Takes the lease on a delivery until `now + leaseMs`: 'mine' to deliver it now (no claim yet,
   * or one whose lease ran out: its holder died), 'done' when it was delivered, 'held' while
   * another caller's lease runs.
   */
  claim(month: string, key: string, now: number, leaseMs: number): Promise<Claim>;
  /** Records a delivery done (after it succeeded, never before). */
  delivered(month: string, key: string, at: number): Promise<void>;
  /**
   * Lets go of a claim whose delivery failed, so the next attempt may take it at once; `attempted`
   * when the failure may have come after the service acted (a timeout, a 5xx): the next claim is
   * then a 'retry'.
   */
  release(month: string, key: string, options?: { attempted?: boolean }): Promise<void>;
  /**
   * A resend: forgets the groups' outcomes, their deliveries, the count and the network report's,
   * so every channel and the network report go once more — all but the members' own statements
   * (`#member:<id>`), which a member gets once a month whatever is resent.
   */
  reopen(month: string, groups: string[]): Promise<void>;
}

/** A group's month as the job keeps it: its outcome, under its month. */
export interface StatusItem extends GroupOutcome {
  month: string;
}

/** Where the dispatcher puts one job per group (SQS on AWS, the in-process queue locally). */
export interface JobQueue {
  send(job: MonthlyJob): Promise<void>;
  /** Sends what is still held (SQS sends in batches of ten). */
  flush(): Promise<void>;
}
