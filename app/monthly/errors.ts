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
