import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GROUP_ID_RULE, isGroupId } from '../../core/index.ts';
import { dataDirOf } from '../archive/data-dir.ts';
import { writeOutput } from '../output.ts';
import { VERSION } from '../root.ts';
import { type Command, positive, UsageError } from './command.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const secretsFileOf = (values: Record<string, unknown>) =>
  typeof values.secrets === 'string'
    ? values.secrets
    : join(dataDirOf(values['data-dir'] as string | undefined), 'secrets.json');

/** The API on this computer, and the secrets it signs with. */
export const SERVE_COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'API บนเครื่องนี้ / the signed API (SPEC §9) on this computer',
    arguments: '',
    help:
      'API บนเครื่องนี้ / Runs the Lambda API handler on node:http against the embedded archive, so a group\n' +
      'can run the API on one computer. Listens on 127.0.0.1:8787 unless --host and --port say otherwise\n' +
      '(another address only when --host names it). Secrets: --secrets FILE (default: secrets.json in the\n' +
      'data folder), made with `sajja secret new <group>`.',
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      secrets: { type: 'string' },
      'data-dir': { type: 'string' },
      endpoint: { type: 'string' },
    },
    async run(_args, values, io) {
      const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
      const port = values.port === undefined ? 8787 : positive(values.port, 8787, 'port', 65_535);
      const secretsFile = secretsFileOf(values);
      if (!existsSync(secretsFile))
        throw new UsageError({
          th: `ไม่มีไฟล์รหัสลับ ${secretsFile} — สร้างด้วย sajja secret new <group_id>`,
          en: `no secrets file ${secretsFile} — make one with sajja secret new <group_id>`,
        });
      if (!LOOPBACK.has(host))
        io.err(
          `⚠ เปิดให้เครื่องอื่นเข้าถึงได้ที่ ${host} / listening beyond this computer on ${host} (every request is signed)`,
        );
      const { startServer } = await import('../serve.ts');
      const server = await startServer({
        host,
        port,
        secretsFile,
        dataDir: typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined,
        endpoint: typeof values.endpoint === 'string' ? values.endpoint : undefined,
        version: VERSION,
      });
      io.out(`sajja API: ${server.url} (Ctrl-C หยุด / to stop)`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      return 0;
    },
  },
  secret: {
    summary: 'รหัสลับของกลุ่ม / make a group’s signing secret (secret new <group>)',
    arguments: '<action> <group_id>',
    help:
      'รหัสลับของกลุ่ม / `sajja secret new <group_id>` makes a group its signing secret (32 random bytes, base64url)\n' +
      'in --secrets FILE (default: secrets.json in the data folder, readable by you only) and prints it once:\n' +
      "keep it in the sheet's Sajja settings. An existing group's secret is replaced only with --force.",
    options: { secrets: { type: 'string' }, 'data-dir': { type: 'string' }, force: { type: 'boolean' } },
    async run([action, group], values, io) {
      if (action !== 'new')
        throw new UsageError({ th: 'ใช้ sajja secret new <group_id>', en: 'use sajja secret new <group_id>' });
      if (!group || !isGroupId(group))
        throw new UsageError({
          th: `"${group ?? ''}" ใช้ไม่ได้: ${GROUP_ID_RULE.th}`,
          en: `"${group ?? ''}" cannot be used: ${GROUP_ID_RULE.en}`,
        });
      const file = secretsFileOf(values);
      const secrets = existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | { secret: string }>)
        : {};
      if (Object.hasOwn(secrets, group) && values.force !== true)
        throw new UsageError({
          th: `กลุ่ม ${group} มีรหัสลับแล้ว — ใช้ --force เพื่อเปลี่ยน`,
          en: `${group} has a secret already — add --force to replace it`,
        });
      const secret = randomBytes(32).toString('base64url');
      // a replaced secret still signs for seven days, while the sheet is given the new one
      const old = secrets[group];
      const previous = typeof old === 'string' ? old : old?.secret;
      const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
      const next = {
        ...secrets,
        [group]: previous ? { secret, previous, previous_until: until } : secret,
      };
      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
      // 0600 from its first byte (written beside, then renamed): no moment when others can read it
      await writeOutput(file, `${JSON.stringify(next, null, 2)}\n`, { force: true, mode: 0o600 });
      io.out(`รหัสลับของ ${group} / the secret of ${group}: ${secret}`);
      io.out(`เก็บใน / kept in ${file}`);
      return 0;
    },
  },
};
