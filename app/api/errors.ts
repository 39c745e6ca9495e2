/** The API's errors (SPEC §9): one map from error to HTTP status, a Thai and English message each. */
export const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  too_large: 413,
  month_out_of_range: 422,
  internal: 500,
  not_configured: 503,
} as const;

export type ApiErrorCode = keyof typeof STATUS;

/** An answer other than 200: the handler turns it into `{error: {code, message, request_id, issues?}}`. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    readonly text: { th: string; en: string },
    readonly issues?: { path: string; message: string }[],
  ) {
    super(text.en);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const unauthorized = (en: string, th: string) => new ApiError('unauthorized', { th, en });

/** A part of the deployment not set up yet (a secret still holding its placeholder): 503, said plainly. */
export class NotConfiguredError extends ApiError {
  override name = 'NotConfiguredError';
  constructor(text: { th: string; en: string }) {
    super('not_configured', text);
  }
}
