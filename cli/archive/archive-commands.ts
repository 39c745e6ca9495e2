import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CheckedBooks,
  type Commit,
  compareClosedMonths,
  readSnapshot as readVerified,
  type SnapshotContent,
} from '../../core/index.ts';
import { UsageError } from '../commands/command.ts';
import { type ArchiveConnection, dataDirOf, openArchive } from './open-archive.ts';

/** Opens the archive the options name, runs `work`, and closes it. */
export async function withArchive<T>(
  values: Record<string, unknown>,
  work: (archive: ArchiveConnection) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const endpoint = typeof values.endpoint === 'string' ? values.endpoint : undefined;
  const dataDir = dataDirOf(typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined);
  // a command that only reads never creates an archive (a mistyped --data-dir stays mistyped)
  if (options.readOnly && !endpoint && !existsSync(join(dataDir, 'dynamo')))
    throw new UsageError({
      th: `ไม่มีคลังข้อมูลที่ ${dataDir} — ตรวจ --data-dir หรือเก็บเดือนแรกด้วย sajja archive`,
      en: `no archive at ${dataDir} — check --data-dir, or archive a first month with sajja archive`,
    });
  const archive = await openArchive({ endpoint, dataDir });
  try {
    return await work(archive);
  } finally {
    await archive.close();
  }
}

/** The stored content of a commit, verified (the core's readSnapshot). */
export async function readSnapshot(archive: ArchiveConnection, commit: Commit): Promise<SnapshotContent> {
  return readVerified(archive.store, commit);
}

/**
 * Adds W_CLOSED_PERIOD_CHANGED (and W_CLOSED_THROUGH_BEHIND) to a check when an archive is there
 * to compare with (an endpoint, or an embedded archive already in the data folder): every month it
 * holds is closed, whatever the book's `closed_through` says.
 */
export async function checkClosedPeriods(
  checked: CheckedBooks,
  values: Record<string, unknown>,
): Promise<CheckedBooks> {
  if (!checked.book.identified) return { ...checked, closedCheck: 'not_needed' };
  const embedded = join(dataDirOf(values['data-dir'] as string | undefined), 'dynamo');
  if (typeof values.endpoint !== 'string' && !existsSync(embedded))
    return { ...checked, closedCheck: 'no_archive' };
  return withArchive(values, (archive) => compareClosedMonths(checked, archive.store), { readOnly: true });
}
