import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStatusStore } from '../../adapters/dynamo-status-store.ts';
import { ServiceStatusError, TemporaryError } from '../../app/monthly/errors.ts';
import { InProcessQueue } from '../../app/monthly/in-process-queue.ts';
import { LEASE_MS } from '../../app/monthly/lease.ts';
import { maybeSendNetwork } from '../../app/monthly/network-report.ts';
import type { StatusStore } from '../../app/monthly/ports.ts';
import { runWorker, type WorkerDeps } from '../../app/monthly/worker.ts';
import { type ArchiveConnection, openArchive } from '../../cli/archive/open-archive.ts';
import { archiveMonth, checkForSnapshot, RegistrySchema, snapshot, type Workbook } from '../../core/index.ts';
import { addRow, setCell, smallBook } from '../helpers/small-book.ts';

/**
 * Issue 18, points 1–5: each report delivered once, none lost, against the real status store on
 * the embedded DynamoDB engine, with the failures production sees injected in the ports.
 */
let archive: ArchiveConnection;
beforeAll(async () => {
  archive = await openArchive({ inMemory: true });
});
afterAll(async () => {
  await archive.close();
});

const NOV_1 = Date.UTC(2026, 10, 1, 0, 0);
const DAY = 86_400_000;
const book = (id: string): Workbook => {
  const wb = smallBook();
  setCell(wb, 'settings', 2, 'value', id);
  return wb;
};

/** Counts each call of a status store: the network report must not read every group after each. */
function counted(store: StatusStore) {
  const calls = new Map<string, number>();
  const proxy = new Proxy(store, {
    get(target, name) {
      const value = Reflect.get(target, name);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(name), (calls.get(String(name)) ?? 0) + 1);
        return value.apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

let months = 0;
/** A network of groups for a month of its own (each test its own month: the store is shared). */
function world(
  groups: string[],
  faults: { mail?: (name: string) => void; line?: (to: string) => void } = {},
) {
  const month = `20${String(30 + months++)}-10`;
  const mails: string[] = [];
  const raws: Buffer[] = [];
  const lines: string[] = [];
  const status = counted(new DynamoStatusStore(archive.client, 'sajja-archive'));
  const deps: WorkerDeps = {
    registry: RegistrySchema.parse({
      network: { name: 'เครือข่าย', coordinators: ['net@example.org'] },
      groups: groups.map((group_id) => ({
        group_id,
        workbook: `${group_id}.xlsx`,
        coordinators: [`${group_id}@example.org`],
        line_to: ['U1'],
      })),
    }),
    source: { read: async (g) => book(g.workbook!.replace('.xlsx', '')), writeSummary: async () => {} },
    store: archive.store,
    status: status.store,
    mailer: {
      async send(mail) {
        faults.mail?.(mail.name);
        mails.push(mail.name);
        raws.push(mail.raw);
      },
    },
    line: {
      quota: async () => ({ limit: null, used: 0 }),
      async push(to, _text, name) {
        faults.line?.(to);
        lines.push(name);
      },
    },
    from: 'sajja@example.org',
    now: () => NOV_1,
  };
  // archive months of their own: the month is the job's, the books are November 2026's
  const job = (group_id: string) => ({ group_id, month, resend: false });
  return { deps, month, mails, raws, lines, calls: status.calls, job };
}

describe('each report delivered once, none lost (issue 18)', () => {
  it('records the network report only after it went: a throttle retries it, it is never lost or sent twice', async () => {
    let throttles = 1;
    const w = world(['d1', 'd2'], {
      mail: (name) => {
        if (name.startsWith('network-') && throttles-- > 0)
          throw Object.assign(new Error('Maximum sending rate exceeded'), { name: 'Throttling' });
      },
    });
    const queue = new InProcessQueue(5);
    for (const g of ['d1', 'd2']) await queue.send(w.job(g));
    await queue.drain(async (job) => void (await runWorker(w.deps, job as ReturnType<typeof w.job>)));
    expect(queue.deadLetters).toEqual([]);
    expect(w.mails.filter((m) => m.startsWith('network-'))).toHaveLength(1);
    // later runs find it delivered: nothing more
    expect(await maybeSendNetwork(w.deps, w.month)).toEqual([]);
    expect(w.mails.filter((m) => m.startsWith('network-'))).toHaveLength(1);
  });

  it('takes over a network report whose sender died between claim and send, once its lease ran out', async () => {
    const w = world(['k1']);
    await runWorker(w.deps, w.job('k1'));
    expect(w.mails.filter((m) => m.startsWith('network-'))).toHaveLength(1);
    const dead = world(['k2']);
    // a run claimed it and was killed before sending
    expect(await dead.deps.status.claim(dead.month, 'NETWORK', NOV_1, LEASE_MS)).toBe('mine');
    await runWorker(dead.deps, dead.job('k2'));
    expect(dead.mails.filter((m) => m.startsWith('network-'))).toEqual([]); // the lease still runs
    const later = { ...dead.deps, now: () => NOV_1 + LEASE_MS + 1 };
    expect(await maybeSendNetwork(later, dead.month)).toEqual(['net@example.org']);
    expect(dead.mails.filter((m) => m.startsWith('network-'))).toHaveLength(1);
  });

  it('never mails twice when LINE refuses a recipient: the email is recorded, LINE alone is tried again', async () => {
    const w = world(['l1'], {
      line: () => {
        throw new ServiceStatusError('LINE answered 400: invalid to', 400);
      },
    });
    for (let run = 0; run < 3; run++) {
      const item = await runWorker(w.deps, w.job('l1'));
      expect(item.status).toBe('failed');
      expect(item.sent_to).toEqual(['l1@example.org']);
      expect(item.error!.en).toContain('400');
    }
    expect(w.mails.filter((m) => m.startsWith('l1-'))).toHaveLength(1);
    expect(w.lines).toEqual([]);
  });

  it('sends email and LINE once when SQS delivers one message twice, at once', async () => {
    const w = world(['t1']);
    const results = await Promise.allSettled([
      runWorker(w.deps, w.job('t1')),
      runWorker(w.deps, w.job('t1')),
    ]);
    // one of the two may find the other's delivery in flight: it is retried later, not resent
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(TemporaryError);
    const retried = await runWorker(w.deps, w.job('t1'));
    expect(retried.status).toBe('sent');
    expect(w.mails.filter((m) => m.startsWith('t1-'))).toHaveLength(1);
    expect(w.lines).toHaveLength(1);
  });

  it('retries a temporary error (an SES throttle, a 5xx) instead of recording a failure', async () => {
    let throttles = 2;
    const w = world(['s1'], {
      mail: (name) => {
        if (name.startsWith('s1-') && throttles-- > 0)
          throw Object.assign(new Error('Throttling'), { name: 'TooManyRequestsException', $retryable: {} });
      },
    });
    await expect(runWorker(w.deps, w.job('s1'))).rejects.toBeInstanceOf(TemporaryError);
    expect(await w.deps.status.get('s1', w.month)).toBeUndefined();
    await expect(runWorker(w.deps, w.job('s1'))).rejects.toBeInstanceOf(TemporaryError);
    const item = await runWorker(w.deps, w.job('s1'));
    expect(item.status).toBe('sent');
    expect(w.mails.filter((m) => m.startsWith('s1-'))).toHaveLength(1);
    // a permanent error is final: a sheet not shared
    const shut = world(['p1']);
    shut.deps.source.read = async () => {
      throw new ServiceStatusError('403', 403);
    };
    expect((await runWorker(shut.deps, shut.job('p1'))).status).toBe('failed');
  });

  it('sends the network report at its deadline, naming the groups not reached', async () => {
    const w = world(['n1', 'n2']);
    await runWorker(w.deps, w.job('n1')); // n2 never finishes (dead-lettered)
    expect(w.mails.filter((m) => m.startsWith('network-'))).toEqual([]);
    const year = Number(w.month.slice(0, 4));
    // the daily check: the day before the deadline (the 3rd of the next month) nothing, on it the report
    const second = { ...w.deps, now: () => Date.UTC(year, 10, 2, 1) };
    expect(await maybeSendNetwork(second, w.month)).toEqual([]);
    const third = { ...w.deps, now: () => Date.UTC(year, 10, 2, 1) + DAY };
    expect(await maybeSendNetwork(third, w.month)).toEqual(['net@example.org']);
    expect(w.mails.filter((m) => m.startsWith('network-'))).toHaveLength(1);
    const all = await w.deps.status.all(w.month);
    expect(all.map((s) => s.group_id)).toEqual(['n1']);
  });

  it('reads one count per group to decide the network report, not every group’s status', async () => {
    const groups = Array.from({ length: 12 }, (_, i) => `c${i}`);
    const w = world(groups);
    for (const g of groups) await runWorker(w.deps, w.job(g));
    expect(w.mails.filter((m) => m.startsWith('network-'))).toHaveLength(1);
    // per group: its own status, the count; the month's statuses once, for the report itself
    expect(w.calls.get('get')).toBe(groups.length);
    expect(w.calls.get('doneCount')).toBe(groups.length);
    expect(w.calls.get('all')).toBe(1);
  });

  it('says "SES sandbox: recipient not verified" when SES is still in its sandbox (issue 18)', async () => {
    const w = world(['sb1'], {
      mail: (name) => {
        if (name.startsWith('network-')) return;
        throw Object.assign(
          new Error(
            'Email address is not verified. The following identities failed the check in region AP-SOUTHEAST-1: sb1@example.org',
          ),
          { name: 'MessageRejected', $metadata: { httpStatusCode: 400 } },
        );
      },
    });
    const item = await runWorker(w.deps, w.job('sb1'));
    expect(item.status).toBe('failed');
    expect(item.error!.en).toContain('SES sandbox: recipient not verified');
    expect(item.error!.th).toContain('sandbox');
  });

  it('puts a closed month edited since it was archived in the report’s checks and to-do (issue 18)', async () => {
    const w = world(['cm1']);
    const archived = book('cm1');
    await archiveMonth(
      archive.store,
      snapshot(checkForSnapshot(archived, '2026-07'), '2026-07'),
      '2026-08-01T00:00:00Z',
    );
    // July closed, then its first deposit edited from 100 to 120
    const edited = book('cm1');
    addRow(edited, 'settings', { key: 'closed_through', value: '2026-07' });
    setCell(edited, 'savings', 2, 'amount', 120);
    w.deps.source.read = async () => edited;
    const item = await runWorker(w.deps, w.job('cm1'));
    expect(item.status).toBe('sent');
    const mail = await simpleParser(w.raws[0]!);
    expect(mail.text).toContain('check 1 change to closed months (2026-07)');
    expect(mail.html || '').toContain('ตรวจเดือนที่ปิดบัญชีแล้วแต่ถูกแก้ไข');
  });
});
