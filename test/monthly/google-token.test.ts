import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auth } from '@googleapis/sheets';
import { describe, expect, it } from 'vitest';
import { googleAuthOptions } from '../../adapters/google-auth-options.ts';

/** Issue 18, points 6 and 15: the service account's token request, bounded and pointable at a stand-in. */
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const credentials = {
  type: 'service_account',
  client_email: 'sajja@project.iam.gserviceaccount.com',
  private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};

async function tokenServer(answer: boolean) {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (d) => (body += d));
    request.on('end', () => {
      seen.push(body);
      if (!answer) return; // accepted, never answered
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ access_token: 'ya29.stand-in', expires_in: 3600, token_type: 'Bearer' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  return { url, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('the Google token request', () => {
  it('goes to the token URL it is given, signed with the service account’s key', async () => {
    const stand = await tokenServer(true);
    try {
      const google = new auth.GoogleAuth(googleAuthOptions(credentials, { tokenUrl: stand.url }));
      expect(await google.getAccessToken()).toBe('ya29.stand-in');
      expect(stand.seen[0]).toContain('grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer');
    } finally {
      await stand.close();
    }
  });

  it('gives up within its deadline on a token endpoint that never answers', async () => {
    const stand = await tokenServer(false);
    try {
      const google = new auth.GoogleAuth(
        googleAuthOptions(credentials, { tokenUrl: stand.url, timeoutMs: 300 }),
      );
      const started = Date.now();
      await expect(google.getAccessToken()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(30_000);
      // each try has the deadline; gtoken retries a token POST a few times of its own, then the queue does
      expect(stand.seen.length).toBeLessThanOrEqual(4);
    } finally {
      await stand.close();
    }
  });
});

describe('the LINE push', () => {
  it('is bounded by default: an answer without end is refused as it streams (413), not held', async () => {
    const { LineMessaging } = await import('../../adapters/line-push.ts');
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 32);
      const more = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', more);
      };
      response.on('close', () => response.destroy());
      more();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const line = new LineMessaging(
        async () => 'token',
        undefined,
        `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      );
      await expect(line.push('U1', 'hello', 'm')).rejects.toMatchObject({ status: 413 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
