import { randomBytes } from 'node:crypto';
import { realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { FileError } from './commands/command.ts';

/** Why a file could not be written, in Thai and English, from the system's error code. */
export function fileProblem(path: string, error: unknown): FileError {
  const code = (error as NodeJS.ErrnoException).code;
  const why: Record<string, [string, string]> = {
    ENOENT: ['ไม่มีโฟลเดอร์นี้', 'no such folder'],
    EACCES: ['ไม่มีสิทธิ์เขียน', 'permission denied'],
    EPERM: ['ไม่มีสิทธิ์เขียน', 'permission denied'],
    EROFS: ['ดิสก์อ่านได้อย่างเดียว', 'read-only file system'],
    EISDIR: ['เป็นโฟลเดอร์ ไม่ใช่ไฟล์', 'is a folder, not a file'],
    ENOTDIR: ['ส่วนหนึ่งของที่อยู่ไม่ใช่โฟลเดอร์', 'a part of the path is not a folder'],
    ENOSPC: ['ดิสก์เต็ม', 'no space left on the device'],
    EEXIST: ['มีไฟล์ชื่อนี้อยู่แล้ว', 'already exists'],
  };
  const [th, en] = why[code ?? ''] ?? ['เขียนไม่ได้', (error as Error).message];
  return new FileError(
    { th: `เขียน ${path} ไม่ได้: ${th}`, en: `cannot write ${path}: ${en}` },
    { cause: error },
  );
}

/**
 * Writes a file the user named: never over a file that exists unless `force`, never over one of
 * the command's own inputs, and a missing folder, a folder given as the file, a full disk or no
 * permission are one clear line (exit 2), never a stack trace.
 */
export async function writeOutput(
  path: string,
  data: string | Uint8Array,
  options: {
    force?: boolean;
    inputs?: string[];
    /** A private file (a secret): made with this mode from its first byte, then renamed into place. */
    mode?: number;
  } = {},
): Promise<void> {
  const target = resolve(path);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory())
    throw new FileError({ th: `${path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์`, en: `${path} is a folder, not a file` });
  if (existing) {
    const real = await realpath(target);
    for (const input of options.inputs ?? []) {
      const source = await realpath(resolve(input)).catch(() => resolve(input));
      if (source === real)
        throw new FileError({
          th: `จะเขียนทับไฟล์ต้นฉบับ ${path} ไม่ได้ — ใช้ชื่อไฟล์อื่นใน --out`,
          en: `will not write over the input ${path} — give --out another name`,
        });
    }
    if (!options.force)
      throw new FileError({
        th: `มีไฟล์ ${path} อยู่แล้ว — ใช้ --force เพื่อเขียนทับ`,
        en: `${path} already exists — add --force to replace it`,
      });
  }
  const folder = await stat(dirname(target)).catch(() => undefined);
  if (!folder)
    throw new FileError({
      th: `ไม่มีโฟลเดอร์ ${dirname(path)} — สร้างโฟลเดอร์ก่อน`,
      en: `no folder ${dirname(path)} — create it first`,
    });
  try {
    if (options.mode === undefined) await writeFile(target, data);
    else {
      // never readable by others, not even for a moment: a new file with its mode, renamed over the old
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, data, { mode: options.mode, flag: 'wx' });
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    }
  } catch (error) {
    throw fileProblem(path, error);
  }
}
