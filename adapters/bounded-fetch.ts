import { ServiceStatusError } from '../app/monthly/errors.ts';

/**
 * `fetch` with the limits a job needs from a remote service: a deadline for the whole request
 * (connect and response: a server that accepts and never answers does not stall a Lambda until its
 * 300 s limit), and a bound on the response's size, counted as it streams (a body without a
 * Content-Length too: a 450 MB answer is refused, never held in memory). A timeout is temporary
 * (408, retried); a response too large is permanent (413).
 */
export function boundedFetch(
  limits: { timeoutMs: number; maxBytes: number },
  base: typeof fetch = fetch,
): typeof fetch {
  return async (input, init = {}) => {
    const deadline = AbortSignal.timeout(limits.timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    let response: Response;
    try {
      response = await base(input, { ...init, signal });
    } catch (error) {
      if (deadline.aborted)
        throw new ServiceStatusError(`no answer within ${limits.timeoutMs} ms`, 408, { cause: error });
      throw error;
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    const tooLarge = () => new ServiceStatusError(`the answer is larger than ${limits.maxBytes} bytes`, 413);
    if (declared > limits.maxBytes) {
      await response.body?.cancel();
      throw tooLarge();
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    try {
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limits.maxBytes) {
          await reader.cancel();
          throw tooLarge();
        }
        parts.push(value);
      }
    } catch (error) {
      if (error instanceof ServiceStatusError) throw error;
      if (deadline.aborted)
        throw new ServiceStatusError(`no answer within ${limits.timeoutMs} ms`, 408, { cause: error });
      throw error;
    }
    const body = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      body.set(p, at);
      at += p.byteLength;
    }
    return new Response(response.status === 204 || response.status === 304 ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
