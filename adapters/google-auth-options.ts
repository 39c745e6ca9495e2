import { boundedFetch } from './bounded-fetch.ts';

/** Google's token endpoint, which google-auth-library's JWT client (gtoken) always asks. */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/**
 * The options for the service account's GoogleAuth: the same limits as the Sheets calls (a
 * deadline, a bounded answer) on its token request, and, when `tokenUrl` is given, that request
 * sent there instead of Google's (a stand-in): gtoken has no setting of its own for it, so the
 * fetch it is given redirects that one address.
 */
export function googleAuthOptions(
  credentials: Record<string, unknown>,
  options: { tokenUrl?: string; timeoutMs?: number } = {},
) {
  const bounded = boundedFetch({ timeoutMs: options.timeoutMs ?? 30_000, maxBytes: 64 * 1024 });
  const fetchImplementation: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return bounded(options.tokenUrl && url === GOOGLE_TOKEN_URL ? options.tokenUrl : input, init);
  };
  return {
    credentials,
    scopes: ['https://www.googleapis.com/auth/spreadsheets'],
    clientOptions: { transporterOptions: { fetchImplementation, retry: false } },
  };
}
