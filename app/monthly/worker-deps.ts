import type { ArchiveStore, Registry } from '../../core/index.ts';
import type { LinePush, Mailer, StatusStore, WorkbookSource } from './ports.ts';

/** What the worker needs, passed in: the same code on AWS (SQS) and in `sajja monthly` (in-process). */
export interface WorkerDeps {
  registry: Registry;
  source: WorkbookSource;
  store: ArchiveStore;
  status: StatusStore;
  mailer: Mailer;
  line: LinePush;
  /** The sender's address (a verified SES identity on AWS). */
  from: string;
  now: () => number;
  /** A crash injected after archiving, before sending (tests of at-least-once delivery). */
  crashAfterArchive?: (group: string) => boolean;
}
