import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The data folder: --data-dir, else SAJJA_DATA_DIR, else the user's data folder
 * (`$XDG_DATA_HOME/sajja`, by default `~/.local/share/sajja`) — never the working folder, so the
 * archive is the same wherever the command is run from.
 */
export function dataDirOf(option?: string): string {
  if (option) return option;
  if (process.env.SAJJA_DATA_DIR) return process.env.SAJJA_DATA_DIR;
  const dataHome = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'sajja');
}
