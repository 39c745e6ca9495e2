import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

/**
 * A DynamoDB-compatible server in its own right (dynalite over its wire protocol, in memory),
 * reached only through `--endpoint`, with the credentials the AWS SDK asks for.
 */
export async function startDynamoEndpoint(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.AWS_REGION ??= 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'test';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
