import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementRetryKey } from '../../app/monthly/worker.ts';
import { runMonthly } from '../../cli/monthly.ts';
import { writeXlsx } from '../../cli/sources/write-xlsx.ts';
import { closedPeriodFindings } from '../../core/archive/closed-period.ts';
import {
  checkBooks,
  checkForSnapshot,
  LINE_TEXT_LIMIT,
  memberStatements,
  networkReportOfRows,
  renderNetworkReport,
} from '../../core/index.ts';
import { buildSnapshot } from '../../core/jobs/snapshot.ts';
import { startLineStandIn } from '../helpers/line-stand-in.ts';
import { rowsOf, setCell, smallBook } from '../helpers/small-book.ts';

/**
 * Issue 22, point 3: members reached on LINE. The small book (test/helpers/small-book.ts) with a
 * LINE user id on each member, its October statement worked by hand, and the monthly job against
 * the local LINE stand-in (test/helpers/line-stand-in.ts): the quota read first and respected, who
 * was left out named, and never a member told twice — not on a re-run, a resend, or a push whose
 * answer was lost.
 */
const U = (n: number) =>
  `U${String(n)
    .repeat(32)
    .slice(0, 32)
    .replace(/[^0-9a-f]/g, 'a')}`;
const NOV_1 = () => Date.UTC(2026, 10, 1, 0, 0);
const dir = mkdtempSync(join(tmpdir(), 'sajja-line-'));

/** The small book, each member with a LINE user id, and a third member M3 in household H2. */
function lineBook() {
  const wb = smallBook();
  setCell(wb, 'members', 2, 'line_user_id', U(1));
  setCell(wb, 'members', 3, 'line_user_id', U(2));
  const members = rowsOf(wb, 'members');
  const header = members[0]!.map(String);
  const row: (string | number | null)[] = header.map(() => null);
  const at = (key: string) => header.findIndex((h) => h.endsWith(`(${key})`));
  row[at('member_id')] = 'M3';
  row[at('name')] = 'สุดา ใจดี';
  row[at('household_id')] = 'H2';
  row[at('joined_on')] = '1/9/2569';
  row[at('line_user_id')] = U(3);
  members.push(row);
  return wb;
}

let n = 0;
/** A registry of one group of its own (its own id: LINE keeps a retry key a day, across tests too). */
async function registry(): Promise<string> {
  const name = `g${++n}`;
  const wb = lineBook();
  setCell(wb, 'settings', 2, 'value', name);
  writeFileSync(join(dir, `${name}.xlsx`), await writeXlsx(wb));
  const path = join(dir, `${name}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      network: { name: 'เครือข่าย', coordinators: [] },
      groups: [{ group_id: name, workbook: `${name}.xlsx`, coordinators: ['c@example.org'] }],
    }),
  );
  return path;
}

describe("a member's month on LINE (SPEC §15, issue 22)", () => {
  it('states savings, the loan and its next instalment, and welfare as of the month’s end, by hand', () => {
    const statements = memberStatements(checkForSnapshot(lineBook(), '2026-10'), '2026-10');
    expect(statements.map((s) => [s.member_id, s.line_user_id])).toEqual([
      ['M1', U(1)],
      ['M2', U(2)],
      ['M3', U(3)],
    ]);
    const m2 = statements[1]!.text;
    // 50.50 saved, 20 withdrawn; L1: 1,000 less 100 repaid in each of August to October
    expect(m2).toContain('สัจจะ กลุ่มทดสอบ · ต.ค. 2569');
    expect(m2).toContain('มาลี ศรีสุข (M2)');
    expect(m2).toContain('เงินออม 30.50 บาท');
    // the next instalment after 31 October: 10 November, 100 + 1 % of the 700 left
    expect(m2).toContain('เงินกู้ L1 คงค้าง 700.00 · งวดถัดไป 10 พ.ย. 2569 107.00 (ต้น 100.00 + ดอกเบี้ย 7.00)');
    expect(m2).toContain('สวัสดิการ สมทบแล้ว 0.00 · ได้รับ 0.00');
    // M1 paid 30 into welfare on 1 August; no loan
    expect(statements[0]!.text).toContain('สวัสดิการ สมทบแล้ว 30.00');
    expect(statements[0]!.text).not.toContain('เงินกู้');
    for (const s of statements) {
      expect(s.text.length).toBeLessThanOrEqual(LINE_TEXT_LIMIT);
      expect(s.text.split('\n').length).toBeLessThanOrEqual(8);
    }
    // in September M3 had not yet joined by… the 1st: joined 1/9, so September has all three;
    // in August M3 is not yet a member
    expect(
      memberStatements(checkForSnapshot(lineBook(), '2026-08'), '2026-08').map((s) => s.member_id),
    ).toEqual(['M1', 'M2']);
  });

  it('refuses a LINE id that is not a user id, at its cell, in Thai and English', () => {
    const wb = lineBook();
    setCell(wb, 'members', 2, 'line_user_id', '@somchai');
    const found = checkBooks(wb, { asOf: '2026-11-26' }).findings.filter((f) => f.sheet === 'members');
    expect(found).toHaveLength(1);
    expect(found[0]!.message.th).toContain('รหัสผู้ใช้ LINE');
    expect(found[0]!.message.en).toContain('not the LINE ID people search by');
  });

  it('writes each message to the outbox as the push body, with its retry key', async () => {
    const outbox = join(dir, 'outbox');
    const registryFile = await registry();
    const group = `g${n}`;
    const result = await runMonthly({ registryFile, month: '2026-10', outbox, inMemory: true, now: NOV_1 });
    expect(result.groups[0]!.line_statements).toEqual({
      sent: 3,
      already: 0,
      left_out: [],
      quota: { limit: null, used: 0 },
    });
    const files = readdirSync(outbox)
      .filter((f) => f.endsWith('.line.json'))
      .sort();
    expect(files).toEqual(['M1', 'M2', 'M3'].map((m) => `${group}-2026-10-${m}.line.json`));
    const body = JSON.parse(readFileSync(join(outbox, files[1]!), 'utf8'));
    expect(body).toMatchObject({
      to: U(2),
      messages: [{ type: 'text' }],
      retry_key: statementRetryKey(group, '2026-10', 'M2'),
    });
    expect(body.messages[0].text).toContain('เงินกู้ L1 คงค้าง 700.00');
  });

  describe('against the LINE stand-in', () => {
    let line: Awaited<ReturnType<typeof startLineStandIn>>;
    beforeAll(async () => {
      line = await startLineStandIn({ limit: 3, used: 2 });
      process.env.SAJJA_LINE_TOKEN = line.token;
    });
    afterAll(async () => {
      delete process.env.SAJJA_LINE_TOKEN;
      await line.close();
    });

    it('reads the quota first, sends what fits, names who was left out, and sends them later — never twice', async () => {
      const options = {
        registryFile: await registry(),
        month: '2026-10',
        outbox: join(dir, 'out-stand-in'),
        dataDir: join(dir, 'data-quota'),
        lineUrl: line.url,
        now: NOV_1,
      };
      const said: string[] = [];
      const first = await runMonthly({ ...options, progress: (l) => said.push(l) });
      // the quota's two reads come before any push
      expect(line.requests.slice(0, 2).map((r) => r.path)).toEqual([
        '/v2/bot/message/quota',
        '/v2/bot/message/quota/consumption',
      ]);
      expect(first.groups[0]!.status).toBe('sent');
      expect(first.groups[0]!.line_statements).toEqual({
        sent: 1,
        already: 0,
        left_out: ['M2', 'M3'],
        quota: { limit: 3, used: 2 },
      });
      expect(said.join('\n')).toContain('ไม่ได้ส่ง 2 คน (โควตา LINE เดือนนี้ไม่พอ): M2, M3');
      // and in the group's row of the network report the coordinators get
      expect(first.groups[0]!.network_row?.line).toEqual({ sent: 1, left_out: ['M2', 'M3'] });
      expect(
        renderNetworkReport(
          networkReportOfRows('เครือข่าย', [first.groups[0]!.network_row!], '2026-10', '2026-11-01'),
        ),
      ).toContain('ไม่ได้ส่ง 2 (โควตาหมด): M2, M3');
      expect(line.accepted.map((a) => a.to)).toEqual([U(1)]);
      // no push was made past the quota
      expect(line.requests.filter((r) => r.status === 429)).toEqual([]);
      // run again: the month is done, nothing goes
      await runMonthly(options);
      expect(line.accepted).toHaveLength(1);
      // the next month's quota has room: a resend sends the two left out, and never M1 again
      line.quota.limit = 500;
      const resent = await runMonthly({ ...options, resend: true });
      expect(resent.groups[0]!.line_statements).toMatchObject({ sent: 2, already: 1, left_out: [] });
      expect(line.accepted.map((a) => a.to).sort()).toEqual([U(1), U(2), U(3)]);
      // and a second resend tells nobody again
      const again = await runMonthly({ ...options, resend: true });
      expect(again.groups[0]!.line_statements).toMatchObject({ sent: 0, already: 3 });
      expect(line.accepted).toHaveLength(3);
    });

    it('a push whose answer was lost is retried with its retry key, and LINE does not deliver it twice', async () => {
      const before = line.accepted.length;
      const pushes = line.requests.filter((r) => r.path.endsWith('/push')).length;
      // exactly room for the three: a retry of M1 must not be counted out by the quota
      line.quota = { limit: line.quota.used + 3, used: line.quota.used };
      line.failAfterAccept = 1; // LINE takes M1's message, then answers 500
      const result = await runMonthly({
        registryFile: await registry(),
        month: '2026-10',
        outbox: join(dir, 'out-lost'),
        dataDir: join(dir, 'data-lost'),
        lineUrl: line.url,
        now: NOV_1,
        sleep: async () => {},
      });
      expect(result.groups[0]!.status).toBe('sent');
      const mine = line.accepted.slice(before);
      expect(mine.map((a) => a.to)).toEqual([U(1), U(2), U(3)]);
      // the retry was answered 409 (the key was accepted): delivered, once
      const mineRequests = line.requests.filter((r) => r.path.endsWith('/push')).slice(pushes);
      expect(mineRequests.map((r) => r.status)).toEqual([500, 409, 200, 200]);
      expect(result.groups[0]!.line_statements).toMatchObject({ sent: 3, left_out: [] });
      expect(new Set(mine.map((a) => a.retryKey)).size).toBe(3);
    });

    it("a refused channel token fails the LINE channel alone: the report went, the reason is LINE's", async () => {
      process.env.SAJJA_LINE_TOKEN = 'not-the-token';
      try {
        const result = await runMonthly({
          registryFile: await registry(),
          month: '2026-10',
          outbox: join(dir, 'out-token'),
          dataDir: join(dir, 'data-token'),
          lineUrl: line.url,
          now: NOV_1,
        });
        const g = result.groups[0]!;
        expect(g.status).toBe('failed');
        expect(g.sent_to).toEqual(['c@example.org']);
        expect(g.error?.en).toContain('/v2/bot/message/quota answered 401');
        expect(g.line_statements).toBeUndefined();
      } finally {
        process.env.SAJJA_LINE_TOKEN = line.token;
      }
    });

    it('LINE refusing for its monthly limit leaves the member out, named, rather than failing the group', async () => {
      const options = {
        registryFile: await registry(),
        month: '2026-10',
        outbox: join(dir, 'out-race'),
        dataDir: join(dir, 'data-race'),
        lineUrl: line.url,
        now: NOV_1,
      };
      // the quota read says ten are left, but another group's job takes all but one meanwhile
      line.quota = { limit: line.quota.used + 10, used: line.quota.used };
      const read = line.requests.length;
      const stolen = setInterval(() => {
        if (line.requests.slice(read).some((r) => r.path.endsWith('/consumption')))
          line.quota.used = Math.max(line.quota.used, line.quota.limit! - 1);
      }, 0);
      let result: Awaited<ReturnType<typeof runMonthly>>;
      try {
        result = await runMonthly(options);
      } finally {
        clearInterval(stolen);
      }
      const l = result.groups[0]!.line_statements!;
      expect(result.groups[0]!.status).toBe('sent');
      expect(l.sent + l.left_out.length).toBe(3);
      expect(l.left_out.length).toBeGreaterThan(0);
      // LINE said why: its monthly limit (429), not retried as a throttle would be
      expect(line.requests.slice(read).some((r) => r.status === 429)).toBe(true);
    });
  });

  it('a month archived before members had LINE ids stays quiet when they are added', () => {
    const without = smallBook();
    rowsOf(without, 'settings').push(['closed_through', '2026-10']);
    const archived = buildSnapshot(without, '2026-10').content;
    // as the version before issue 22 wrote it: schema 5, its members without the column
    const older = {
      ...archived,
      schema: 5,
      rows: {
        ...archived.rows,
        members: archived.rows.members?.map((r) => ({
          row: r.row,
          values: Object.fromEntries(Object.entries(r.values).filter(([k]) => k !== 'line_user_id')),
        })),
      },
    } as typeof archived;
    const withIds = lineBook();
    rowsOf(withIds, 'members').pop(); // the same members, now with their LINE ids
    rowsOf(withIds, 'settings').push(['closed_through', '2026-10']);
    const checked = checkBooks(withIds, { asOf: '2026-11-26' });
    expect(closedPeriodFindings(checked.book, [older])).toEqual([]);
  });
});
