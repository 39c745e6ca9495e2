import {
  a1,
  archiveAnswer,
  archiveMonth,
  type Commit,
  changesSince,
  checkForSnapshot,
  type DataTabKey,
  DEFAULT_ZONE,
  isYearKey,
  latestByMonth,
  monthBounds,
  showCell,
  showRow,
  snapshot,
  thaiDateTime,
  thaiMonth,
  verifyChain,
} from '../../core/index.ts';
import { todayIn } from '../clock.ts';
import { loadWorkbook } from '../sources/load-workbook.ts';
import { archiveCommands, type Command, openBooks, readMonth, UsageError } from './command.ts';

const withArchive: typeof import('../archive/archive-commands.ts').withArchive = async (
  values,
  work,
  options,
) => (await archiveCommands()).withArchive(values, work, options);
const readSnapshot: typeof import('../archive/archive-commands.ts').readSnapshot = async (archive, commit) =>
  (await archiveCommands()).readSnapshot(archive, commit);

const ARCHIVE = { 'data-dir': { type: 'string' }, endpoint: { type: 'string' } } as const;
/** History shows when each snapshot was made in the groups' zone (all groups are in Thailand today). */
const ZONE = process.env.SAJJA_TIMEZONE ?? DEFAULT_ZONE;

/** A group the archive does not hold: an error, and where to see the ones it does. */
function unknownGroup(groupId: string): UsageError {
  return new UsageError({
    th: `ไม่มีกลุ่ม "${groupId}" ในคลังข้อมูล — ดูรายชื่อกลุ่มด้วย sajja groups`,
    en: `no group "${groupId}" in the archive — sajja groups lists the groups it holds`,
  });
}

/** Commands of the archive: archive, history, verify, diff, groups. */
export const ARCHIVE_COMMANDS: Record<string, Command> = {
  archive: {
    summary: 'เก็บเดือนลงคลัง / archive a month as a hash-chained snapshot',
    arguments: '<workbook>',
    help:
      'เก็บสแนปช็อตของเดือน / Archives a month as an immutable, hash-chained snapshot. Identical content\n' +
      'creates nothing; changed content becomes a new version. A month after the current one, or before\n' +
      'the opening date, is refused. Exit 1 when the month is archived but its rows have errors.',
    options: { month: { type: 'string' }, json: { type: 'boolean' }, ...ARCHIVE },
    async run([path], values, io) {
      const month = readMonth(values.month, 'archive');
      if (!path) throw new UsageError({ th: 'archive ต้องระบุไฟล์สมุด', en: 'archive needs a workbook' });
      // checked once, as of the month's last day: what the snapshot reads
      const checked = checkForSnapshot(await loadWorkbook(path), month);
      const { settings } = checked.book;
      if (!checked.book.identified)
        throw new UsageError({
          th: 'สมุดไม่มีรหัสกลุ่มในแท็บตั้งค่า',
          en: 'the workbook has no group_id in its settings',
        });
      const current = todayIn(settings.timezone).slice(0, 7);
      if (month > current)
        throw new UsageError({
          th: `เก็บเดือน ${thaiMonth(month)} ไม่ได้: ยังไม่ถึง (เดือนนี้คือ ${thaiMonth(current)})`,
          en: `cannot archive ${month}: it has not come yet (this month is ${current})`,
        });
      const opening = settings.opening_date?.slice(0, 7);
      if (opening !== undefined && month < opening)
        throw new UsageError({
          th: `เก็บเดือน ${thaiMonth(month)} ไม่ได้: ก่อนวันเริ่มบัญชี (${thaiMonth(opening)})`,
          en: `cannot archive ${month}: it is before the opening date (${opening})`,
        });
      const made = snapshot(checked, month);
      const result = await withArchive(values, (archive) =>
        archiveMonth(archive.store, made, new Date().toISOString()),
      );
      const c = result.commit;
      const out = archiveAnswer(result);
      io.out(
        values.json
          ? JSON.stringify(out, null, 2)
          : `${result.created ? 'เก็บแล้ว / archived' : 'มีอยู่แล้ว ไม่เปลี่ยน / already archived, unchanged'}: ${c.group_id} ${thaiMonth(c.month)} (${c.month}) v${c.version}\n` +
              `  แฮช / hash ${c.hash}\n  (${c.bytes_raw} → ${c.bytes_stored} bytes, ${result.items} items)`,
      );
      // the archive keeps what the sheet held, mistakes included: say so, and exit 1
      const { error } = made.content.counts;
      if (error === 0) return 0;
      io.err(
        `สถานะ 1: เก็บแล้ว แต่แถวของเดือนนี้มีข้อผิดพลาด ${error} รายการ (ดูด้วย sajja check) / exit 1: archived, but this month's rows have ${error} error${error === 1 ? '' : 's'} (see sajja check)`,
      );
      return 1;
    },
  },
  history: {
    summary: 'ประวัติสแนปช็อต / a group’s snapshots in chain order',
    arguments: '<group_id>',
    help: "ประวัติสแนปช็อต / Lists a group's archived snapshots in chain order, and the hash at its head.",
    options: { json: { type: 'boolean' }, ...ARCHIVE },
    async run([groupId], values, io) {
      const commits = await withArchive(values, (archive) => archive.store.history(groupId!), {
        readOnly: true,
      });
      if (commits.length === 0) throw unknownGroup(groupId!);
      if (values.json) io.out(JSON.stringify(commits, null, 2));
      else {
        io.out(`ประวัติ / history — ${groupId}: ${commits.length} สแนปช็อต / snapshots`);
        for (const c of commits) {
          io.out(
            `  #${c.seq}  ${isYearKey(c.month) ? `ปีบัญชี ${Number(c.month.slice(0, 4)) + 543}` : thaiMonth(c.month)} (${c.month}) v${c.version}  ${c.hash.slice(0, 16)}…  ← ${c.prev_hash?.slice(0, 16) ?? '—'}  ${thaiDateTime(c.created, ZONE)}${c.closed_by ? `  โดย / by ${c.closed_by.holder}` : ''}`,
          );
        }
        io.out(`  หัวสายโซ่ / head: ${commits[commits.length - 1]!.hash}`);
      }
      return 0;
    },
  },
  verify: {
    summary: 'ตรวจสายโซ่ / re-check a group’s chain of snapshots',
    arguments: '<group_id>',
    help: 'ตรวจสายโซ่ / Re-reads every snapshot, recomputes hashes and the chain, and names any break (exit 1).',
    options: { json: { type: 'boolean' }, ...ARCHIVE },
    async run([groupId], values, io) {
      const report = await withArchive(values, (archive) => verifyChain(archive.store, groupId!), {
        readOnly: true,
      });
      if (report.snapshots === 0 && report.breaks.length === 0) throw unknownGroup(groupId!);
      if (values.json) io.out(JSON.stringify(report, null, 2));
      else {
        io.out(
          report.ok
            ? `✓ สายโซ่ครบถ้วน / chain intact: ${report.snapshots} snapshots`
            : `✗ สายโซ่ขาด / chain broken: ${report.breaks.length} of ${report.snapshots}`,
        );
        for (const b of report.breaks)
          io.out(`  #${b.seq} ${b.month} v${b.version}: ${b.message.th} / ${b.message.en}`);
        io.out(`  หัวสายโซ่ / head: ${report.head_hash ?? '—'}`);
      }
      if (!report.ok) io.err('สถานะ 1: สายโซ่ขาด / exit 1: the chain is broken');
      return report.ok ? 0 : 1;
    },
  },
  groups: {
    summary: 'กลุ่มในคลัง / the groups the archive holds',
    arguments: '',
    help: 'กลุ่มในคลังข้อมูล / Lists the groups the archive holds: snapshots, last month, head hash.',
    options: { json: { type: 'boolean' }, ...ARCHIVE },
    async run(_args, values, io) {
      const groups = await withArchive(values, (archive) => archive.store.groups(), { readOnly: true });
      if (values.json) io.out(JSON.stringify({ groups }, null, 2));
      else {
        io.out(`กลุ่มในคลัง / groups in the archive: ${groups.length}`);
        for (const g of groups)
          io.out(
            `  ${g.group_id}  ${g.snapshots} สแนปช็อต / snapshots  ถึง / to ${thaiMonth(g.last_month)}  ${g.head_hash.slice(0, 16)}…`,
          );
      }
      return 0;
    },
  },
  diff: {
    summary: 'เทียบกับสแนปช็อต / what changed since a month was archived',
    arguments: '<workbook>',
    help: 'เทียบกับสแนปช็อต / Rows added, removed and changed (with cells) since the month was archived; exit 1 when any.',
    options: { month: { type: 'string' }, json: { type: 'boolean' }, ...ARCHIVE },
    async run([path], values, io) {
      const month = readMonth(values.month, 'diff');
      // the rows read do not depend on "today": read them as of the month's end
      const checked = await openBooks(path, { ...values, 'as-of': monthBounds(month).last });
      const groupId = checked.book.settings.group_id;
      const archived = await withArchive(
        values,
        async (archive) => {
          const last = latestByMonth(await archive.store.history(groupId)).get(month);
          return last ? { commit: last as Commit, content: await readSnapshot(archive, last) } : undefined;
        },
        { readOnly: true },
      );
      if (!archived)
        throw new UsageError({
          th: `${groupId} ยังไม่ได้เก็บเดือน ${thaiMonth(month)}`,
          en: `${groupId} ${month} has not been archived`,
        });
      const changes = changesSince(archived.content, checked.book.tables).map((change) => {
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
          `เทียบกับสแนปช็อต / diff — ${groupId} ${thaiMonth(month)} (${month}) v${archived.commit.version}: ${changes.length} แถว / rows`,
        );
        for (const c of changes) {
          const what = { added: 'เพิ่ม / added', removed: 'ลบ / removed', changed: 'แก้ / changed' }[c.kind];
          const moved = c.was_row === undefined ? '' : ` (เดิมแถว / was row ${c.was_row})`;
          const held = c.kind === 'changed' ? undefined : c.kind === 'added' ? c.after : c.before;
          io.out(`  ${c.sheet} row ${c.row}: ${what}${moved}`);
          // what a removed row held is what a treasurer needs to put it back
          if (held) {
            const sheet = c.sheet as DataTabKey;
            io.out(`    ${showRow(sheet, held, 'th')}`);
            io.out(`    ${showRow(sheet, held, 'en')}`);
          }
          for (const cell of c.cells) {
            const show = (value: unknown) => showCell(c.sheet as DataTabKey, cell.column, value, 'en');
            io.out(`    ${cell.cell ?? cell.column}: ${show(cell.before)} → ${show(cell.after)}`);
          }
        }
      }
      if (changes.length > 0)
        io.err(`สถานะ 1: มีแถวที่เปลี่ยน ${changes.length} แถว / exit 1: ${changes.length} rows changed`);
      return changes.length === 0 ? 0 : 1;
    },
  },
};
