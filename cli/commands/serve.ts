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

/** A person's key as secrets.json keeps it (a revoked one keeps its id and holder, not its secret). */
interface PersonKey {
  id: string;
  holder: string;
  secret?: string;
  created_at: string;
  revoked_at?: string;
}
/** A group's entry: its shared secret, a rotation, or people's keys (adapters/secrets-json.ts). */
type GroupSecrets =
  | string
  | { secret?: string; previous?: string; previous_until?: string; keys?: PersonKey[] };

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
    summary: 'กุญแจของกลุ่ม / signing keys: secret new <group> --for "<name>", secret list|revoke',
    arguments: '<action> <group_id> [key_id]',
    help:
      'กุญแจของกลุ่ม / Signing keys, in --secrets FILE (default: secrets.json in the data folder, readable\n' +
      'by you only):\n' +
      '  sajja secret new <group_id> --for "<name>"   a key of that person\'s own (an id and 32 random\n' +
      "      bytes, printed once): they type it in the sheet's API settings; a snapshot they archive\n" +
      '      says it was them. Several people, several keys.\n' +
      "  sajja secret list <group_id>                 the keys' ids and holders (never the secrets)\n" +
      '  sajja secret revoke <group_id> <key_id>      one key stops signing; the others go on\n' +
      "  sajja secret new <group_id>                  the group's one shared secret, as before (replaced\n" +
      '      only with --force; the old one signs seven days more).',
    options: {
      secrets: { type: 'string' },
      'data-dir': { type: 'string' },
      force: { type: 'boolean' },
      for: { type: 'string' },
    },
    async run([action, group, keyId], values, io) {
      if (action !== 'new' && action !== 'list' && action !== 'revoke')
        throw new UsageError({
          th: 'ใช้ sajja secret new <group_id> --for "<ชื่อ>", secret list <group_id> หรือ secret revoke <group_id> <key_id>',
          en: 'use sajja secret new <group_id> --for "<name>", secret list <group_id> or secret revoke <group_id> <key_id>',
        });
      if (!group || !isGroupId(group))
        throw new UsageError({
          th: `"${group ?? ''}" ใช้ไม่ได้: ${GROUP_ID_RULE.th}`,
          en: `"${group ?? ''}" cannot be used: ${GROUP_ID_RULE.en}`,
        });
      const file = secretsFileOf(values);
      const secrets = existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, GroupSecrets>)
        : {};
      const entry = secrets[group];
      const keys: PersonKey[] = typeof entry === 'object' && Array.isArray(entry.keys) ? entry.keys : [];
      const save = async (next: Record<string, GroupSecrets>) => {
        const { mkdir } = await import('node:fs/promises');
        await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
        // 0600 from its first byte (written beside, then renamed): no moment when others can read it
        await writeOutput(file, `${JSON.stringify(next, null, 2)}\n`, { force: true, mode: 0o600 });
      };
      if (action === 'list') {
        for (const k of keys)
          io.out(
            `${k.id}\t${k.holder}\t${k.created_at}${k.revoked_at ? `\tยกเลิกแล้ว / revoked ${k.revoked_at}` : ''}`,
          );
        if (typeof entry === 'string' || (typeof entry === 'object' && typeof entry.secret === 'string'))
          io.out("(รหัสลับร่วมของกลุ่ม / the group's shared secret)");
        return 0;
      }
      if (action === 'revoke') {
        const key = keys.find((k) => k.id === keyId);
        if (!key)
          throw new UsageError({
            th: `กลุ่ม ${group} ไม่มีกุญแจ ${keyId ?? ''} (ดูด้วย sajja secret list ${group})`,
            en: `${group} has no key ${keyId ?? ''} (see sajja secret list ${group})`,
          });
        key.revoked_at ??= new Date().toISOString();
        delete (key as { secret?: string }).secret;
        await save({ ...secrets, [group]: { ...(entry as object), keys } });
        io.out(
          `ยกเลิกกุญแจ ${key.id} ของ ${key.holder} แล้ว / revoked ${key.id} (${key.holder}); the other keys still sign`,
        );
        return 0;
      }
      const secret = randomBytes(32).toString('base64url');
      if (typeof values.for === 'string') {
        const holder = values.for.trim().slice(0, 100);
        if (!holder) throw new UsageError({ th: '--for ต้องมีชื่อผู้ถือกุญแจ', en: "--for needs the holder's name" });
        const id = `k-${randomBytes(6).toString('hex')}`;
        keys.push({ id, holder, secret, created_at: new Date().toISOString() });
        const base = typeof entry === 'string' ? { secret: entry } : typeof entry === 'object' ? entry : {};
        await save({ ...secrets, [group]: { ...base, keys } });
        io.out(`กุญแจของ ${holder} / ${holder}'s key: ${id}`);
        io.out(`รหัสลับ / secret: ${secret}`);
        io.out(`เก็บใน / kept in ${file}`);
        return 0;
      }
      const shared = typeof entry === 'string' ? entry : entry?.secret;
      if (shared !== undefined && values.force !== true)
        throw new UsageError({
          th: `กลุ่ม ${group} มีรหัสลับแล้ว — ใช้ --force เพื่อเปลี่ยน`,
          en: `${group} has a secret already — add --force to replace it`,
        });
      // a replaced secret still signs for seven days, while the sheet is given the new one
      const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
      const rest = typeof entry === 'object' ? entry : {};
      const next =
        shared || keys.length > 0
          ? { ...rest, secret, ...(shared ? { previous: shared, previous_until: until } : {}) }
          : secret;
      await save({ ...secrets, [group]: next });
      io.out(`รหัสลับของ ${group} / the secret of ${group}: ${secret}`);
      io.out(`เก็บใน / kept in ${file}`);
      return 0;
    },
  },
};
