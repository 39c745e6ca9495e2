import { archiveMonth } from '../../core/archive/archive-month.ts';
import { diffRows } from '../../core/archive/diff-rows.ts';
import { buildSnapshot, monthRows } from '../../core/archive/snapshot.ts';
import { verifyChain } from '../../core/archive/verify-chain.ts';
import { a1, isMonth, monthBounds } from '../../core/index.ts';
import { ARCHIVE_OPTIONS } from '../archive/options.ts';
import { loadWorkbook } from '../sources/load-workbook.ts';
import { archiveCommands, type Command, openBooks, UsageError } from './command.ts';

const withArchive: typeof import('../archive/archive-commands.ts').withArchive = async (values, work) =>
  (await archiveCommands()).withArchive(values, work);
const readSnapshot: typeof import('../archive/archive-commands.ts').readSnapshot = async (archive, commit) =>
  (await archiveCommands()).readSnapshot(archive, commit);

/** Commands of the archive: archive, history, verify, diff. */
export const ARCHIVE_COMMANDS: Record<string, Command> = {
  archive: {
    usage: 'sajja archive <workbook> --month YYYY-MM [--json] [--data-dir DIR | --endpoint URL]',
    help:
      'เก็บสแนปช็อตของเดือน / Archives a month as an immutable, hash-chained snapshot. Identical content\n' +
      'creates nothing; changed content becomes a new version. Embedded DynamoDB under --data-dir\n' +
      '(default .sajja/, or SAJJA_DATA_DIR); --endpoint URL for real DynamoDB.',
    options: { month: { type: 'string' }, json: { type: 'boolean' }, ...ARCHIVE_OPTIONS },
    async run([path], values, io) {
      const month = String(values.month ?? '');
      if (!isMonth(month)) throw new UsageError('archive needs --month YYYY-MM');
      if (!path) throw new UsageError('archive needs a workbook');
      const snapshot = buildSnapshot(await loadWorkbook(path), month);
      if (!snapshot.content.group_id) throw new UsageError('the workbook has no group_id in its settings');
      const result = await withArchive(values, (archive) =>
        archiveMonth(archive.store, snapshot, new Date().toISOString()),
      );
      const c = result.commit;
      const out = {
        group_id: c.group_id,
        month: c.month,
        version: c.version,
        hash: c.hash,
        prev_hash: c.prev_hash,
        created: result.created,
        bytes_raw: c.bytes_raw,
        bytes_stored: c.bytes_stored,
        items: result.items,
      };
      io.out(
        values.json
          ? JSON.stringify(out, null, 2)
          : `${result.created ? 'เก็บแล้ว / archived' : 'มีอยู่แล้ว ไม่เปลี่ยน / already archived, unchanged'}: ${c.group_id} ${c.month} v${c.version} ` +
              `${c.hash.slice(0, 12)}… (${c.bytes_raw} → ${c.bytes_stored} bytes, ${result.items} items)`,
      );
      const { error } = snapshot.content.counts;
      // the archive keeps what the sheet held, mistakes included: say so when there are some
      if (!values.json && error > 0) {
        io.out(`  ⚠ เดือนนี้มีข้อผิดพลาด ${error} รายการ / errors in this month's rows: ${error} (sajja check)`);
      }
      return 0;
    },
  },
  history: {
    usage: 'sajja history <group_id> [--json] [--data-dir DIR | --endpoint URL]',
    help: "ประวัติสแนปช็อต / Lists a group's archived snapshots in chain order.",
    options: { json: { type: 'boolean' }, ...ARCHIVE_OPTIONS },
    async run([groupId], values, io) {
      if (!groupId) throw new UsageError('history needs a group_id');
      const commits = await withArchive(values, (archive) => archive.store.history(groupId));
      if (values.json) io.out(JSON.stringify(commits, null, 2));
      else {
        io.out(`ประวัติ / history — ${groupId}: ${commits.length} สแนปช็อต / snapshots`);
        for (const c of commits) {
          io.out(
            `  #${c.seq}  ${c.month} v${c.version}  ${c.hash.slice(0, 16)}…  ← ${c.prev_hash?.slice(0, 16) ?? '—'}  ${c.created}`,
          );
        }
      }
      return 0;
    },
  },
  verify: {
    usage: 'sajja verify <group_id> [--json] [--data-dir DIR | --endpoint URL]',
    help: 'ตรวจสายโซ่ / Re-reads every snapshot, recomputes hashes and the chain, and names any break (exit 1).',
    options: { json: { type: 'boolean' }, ...ARCHIVE_OPTIONS },
    async run([groupId], values, io) {
      if (!groupId) throw new UsageError('verify needs a group_id');
      const report = await withArchive(values, (archive) => verifyChain(archive.store, groupId));
      if (values.json) io.out(JSON.stringify(report, null, 2));
      else {
        io.out(
          report.ok
            ? `✓ สายโซ่ครบถ้วน / chain intact: ${report.snapshots} snapshots`
            : `✗ สายโซ่ขาด / chain broken: ${report.breaks.length} of ${report.snapshots}`,
        );
        for (const b of report.breaks)
          io.out(`  #${b.seq} ${b.month} v${b.version}: ${b.message.th} / ${b.message.en}`);
      }
      return report.ok ? 0 : 1;
    },
  },
  diff: {
    usage: 'sajja diff <workbook> --month YYYY-MM [--json] [--data-dir DIR | --endpoint URL]',
    help: 'เทียบกับสแนปช็อต / Rows added, removed and changed (with cells) since the month was archived; exit 1 when any.',
    options: { month: { type: 'string' }, json: { type: 'boolean' }, ...ARCHIVE_OPTIONS },
    async run([path], values, io) {
      const month = String(values.month ?? '');
      if (!isMonth(month)) throw new UsageError('diff needs --month YYYY-MM');
      // the rows read do not depend on "today": read them as of the month's end
      const checked = await openBooks(path, { ...values, 'as-of': monthBounds(month).last });
      const groupId = checked.book.settings.group_id;
      const archived = await withArchive(values, async (archive) => {
        const versions = await archive.store.versions(groupId, month);
        const last = versions[versions.length - 1];
        return last ? { commit: last, content: await readSnapshot(archive, last) } : undefined;
      });
      if (!archived) throw new UsageError(`${groupId} ${month} has not been archived`);
      const changes = diffRows(archived.content.rows, monthRows(checked.book.tables, month)).map((change) => {
        const layout = checked.book.context.layouts.get(change.sheet as never);
        const cellOf = (column: string) => {
          const index = layout?.columns.get(column);
          return change.kind === 'removed' || index === undefined ? null : a1(index, change.row);
        };
        return { ...change, cells: change.cells.map((c) => ({ ...c, cell: cellOf(c.column) })) };
      });
      const out = {
        group_id: groupId,
        month,
        version: archived.commit.version,
        hash: archived.commit.hash,
        changes,
      };
      if (values.json) io.out(JSON.stringify(out, null, 2));
      else {
        io.out(
          `เทียบกับสแนปช็อต / diff — ${groupId} ${month} v${archived.commit.version}: ${changes.length} แถว / rows`,
        );
        for (const c of changes) {
          const what = { added: 'เพิ่ม / added', removed: 'ลบ / removed', changed: 'แก้ / changed' }[c.kind];
          io.out(`  ${c.sheet} row ${c.row}: ${what}`);
          for (const cell of c.cells)
            io.out(
              `    ${cell.cell ?? cell.column}: ${JSON.stringify(cell.before)} → ${JSON.stringify(cell.after)}`,
            );
        }
      }
      return changes.length === 0 ? 0 : 1;
    },
  },
};
