import { join } from 'node:path';

/** The real `sajja serve` (the built command) in its own process: UrlFetchApp is synchronous and blocks this one. */
export async function startSajjaServe(dir: string): Promise<{ url: string; close(): void }> {
  const { spawn } = await import('node:child_process');
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const child = spawn(
    process.execPath,
    [
      join(import.meta.dirname, '../../bin/sajja.js'),
      'serve',
      '--port',
      String(port),
      '--data-dir',
      dir,
      '--secrets',
      join(dir, 'secrets.json'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const found = /sajja API: (\S+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', (code) => reject(new Error(`sajja serve exited ${code}: ${output}`)));
  });
  return { url, close: () => child.kill('SIGTERM') };
}
