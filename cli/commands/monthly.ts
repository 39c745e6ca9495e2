import { previousMonth } from '../../core/index.ts';
import { todayIn } from '../clock.ts';
import { type Command, positive, readMonth, UsageError } from './command.ts';

/** The monthly job on this computer, and the Sheets API stand-in it can read from. */
export const MONTHLY_COMMANDS: Record<string, Command> = {
  monthly: {
    summary: 'งานประจำเดือน / the monthly job: read, check, archive, write back, send',
    arguments: '',
    help:
      'งานประจำเดือน / The monthly job of SPEC §10 on this computer: every enabled group of --registry is read\n' +
      '(a workbook file, or its Google Sheet through --sheets-url), checked, archived, its summary tab written\n' +
      'back, and its report sent — emails as .eml files and LINE messages as JSON in --outbox (default out/).\n' +
      "Members with a LINE user id get the month's statement; --line-url URL pushes to LINE's API there\n" +
      '(https://api.line.me, or a stand-in) with the channel token in SAJJA_LINE_TOKEN, within its quota.\n' +
      'A finished month sends nothing again unless --resend. --month defaults to the month just ended.\n' +
      'Exit 0 when every enabled group is sent, 1 otherwise.',
    options: {
      registry: { type: 'string' },
      month: { type: 'string' },
      'sheets-url': { type: 'string' },
      'line-url': { type: 'string' },
      outbox: { type: 'string' },
      'data-dir': { type: 'string' },
      resend: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    async run(_args, values, io) {
      if (typeof values.registry !== 'string')
        throw new UsageError({ th: 'monthly ต้องมี --registry ไฟล์', en: 'monthly needs --registry FILE' });
      const month =
        values.month === undefined
          ? previousMonth(todayIn().slice(0, 7))
          : readMonth(values.month, 'monthly');
      const { runMonthly } = await import('../monthly.ts');
      const result = await runMonthly({
        registryFile: values.registry,
        month,
        outbox: typeof values.outbox === 'string' ? values.outbox : 'out',
        sheetsUrl: typeof values['sheets-url'] === 'string' ? values['sheets-url'] : undefined,
        lineUrl: typeof values['line-url'] === 'string' ? values['line-url'] : undefined,
        dataDir: typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined,
        resend: values.resend === true,
        progress: values.json ? undefined : (line) => io.out(line),
      });
      const { dead_letters, ...answer } = result;
      if (values.json) io.out(JSON.stringify(answer, null, 2));
      else if (answer.network.sent_to.length > 0)
        io.out(`✓ รายงานเครือข่าย / network report → ${answer.network.sent_to.join(', ')}`);
      for (const dead of dead_letters) io.err(`dead letter: ${dead}`);
      const unsent =
        answer.groups.filter((g) => g.status === 'failed').length + (answer.invalid?.length ?? 0);
      if (unsent === 0) return 0;
      io.err(`สถานะ 1: ส่งไม่สำเร็จ ${unsent} กลุ่ม / exit 1: ${unsent} group${unsent === 1 ? '' : 's'} not sent`);
      return 1;
    },
  },
  'sheets-serve': {
    summary: 'Sheets API จำลอง / a Sheets API v4 stand-in over .xlsx files, for tests and demos',
    arguments: '<dir>',
    help:
      'Sheets API จำลอง / Serves the Sheets API v4 routes the monthly job uses over <dir>/<spreadsheet_id>.xlsx\n' +
      '(writes kept in memory), so the job can be tried without Google: sajja monthly --sheets-url URL.\n' +
      '--fail 403:ID,429:ID,500:ID answers that status for a spreadsheet (429 and 500 once, 403 always).',
    options: { host: { type: 'string' }, port: { type: 'string' }, fail: { type: 'string' } },
    async run([dir], values, io) {
      if (!dir) throw new UsageError({ th: 'ต้องระบุโฟลเดอร์', en: 'sheets-serve needs a folder' });
      const { startSheetsServer } = await import('../sheets-serve.ts');
      const faults = new Map<string, { status: 403 | 429 | 500; times?: number }>();
      for (const part of typeof values.fail === 'string' ? values.fail.split(',') : []) {
        const m = /^(403|429|500):(.+)$/.exec(part.trim());
        if (!m)
          throw new UsageError({ th: `--fail "${part}" ไม่ถูกรูปแบบ`, en: `--fail "${part}" is not STATUS:ID` });
        const status = Number(m[1]) as 403 | 429 | 500;
        faults.set(m[2]!, status === 403 ? { status } : { status, times: 1 });
      }
      const server = await startSheetsServer({
        dir,
        host: typeof values.host === 'string' ? values.host : '127.0.0.1',
        port: values.port === undefined ? 8788 : positive(values.port, 8788, 'port', 65_535),
        faults,
      });
      io.out(`Sheets API stand-in: ${server.url} (Ctrl-C หยุด / to stop)`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      return 0;
    },
  },
};
