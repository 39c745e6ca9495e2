/**
 * The errors the monthly job's ports throw: a service answered with an HTTP status (a sheet not
 * shared, a LINE push refused). The worker turns a known status into the group's `failed` reason;
 * anything else is a crash the queue retries.
 */
export class ServiceStatusError extends Error {
  override name = 'ServiceStatusError';
  constructor(
    message: string,
    readonly status: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * A failure worth trying again later (a throttle, a 5xx, a timeout, a delivery another run is
 * making): thrown out of the worker so the queue delivers the message again, with its backoff.
 */
export class TemporaryError extends Error {
  override name = 'TemporaryError';
}

/** AWS SDK and network error names that say "try again". */
const TEMPORARY_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalServerError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'AbortError',
]);
const TEMPORARY_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

/**
 * Whether a failure is temporary: a status of 408, 429 or 5xx, an AWS SDK error marked retryable
 * or named as a throttle or an outage, a timeout, a connection that dropped. Everything else (a
 * sheet not shared, a recipient LINE refuses, an address SES rejects) is permanent: retrying would
 * only repeat it.
 */
export function isTemporary(error: unknown): boolean {
  if (error instanceof TemporaryError) return true;
  const e = error as {
    status?: unknown;
    name?: unknown;
    code?: unknown;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: number };
    cause?: unknown;
  };
  if (e === null || typeof e !== 'object') return false;
  const status = Number(e.status ?? e.$metadata?.httpStatusCode);
  if (status === 408 || status === 429 || status >= 500) return true;
  if (e.$retryable) return true;
  if (typeof e.name === 'string' && TEMPORARY_NAMES.has(e.name)) return true;
  if (typeof e.code === 'string' && TEMPORARY_CODES.has(e.code)) return true;
  // fetch wraps a dropped connection: TypeError('fetch failed', { cause: { code } })
  return e.cause !== undefined && e.cause !== error && isTemporary(e.cause);
}
