/**
 * One hop of the buffered path (`HttpClient.exchange`): undici's `request` on the guarded connection
 * pool instead of `fetch`, so no WHATWG Request, Response, Headers or body stream is built per call.
 * The guards are the fetch path's: the SSRF guard before the hop and on connect (the pool resolves
 * names through it), redirects followed by hand under the same policy, a time budget over the answer
 * and its body, credentials dropped on a cross-origin redirect.
 */
import type { Agent } from 'undici';
import { raceWithSignal } from './abort-utils.ts';
import { HttpError, HttpNetworkError, HttpRedirectError, HttpTimeoutError, SsrfBlockedError } from './errors.ts';
import { redactUrl } from './redact.ts';
import type { SsrfGuard } from './ssrf-guard.ts';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

export type RawHeaders = Record<string, string | string[] | undefined>;

/** A request of the buffered path: headers as a plain object with lower-case names, the body as bytes or text. */
export interface PlainRequest {
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  redirect: RequestRedirect;
}

/** What a hop sequence ended with: status, headers, the body read (at most `maxBodyBytes`). */
export interface RawAnswer {
  status: number;
  headers: RawHeaders;
  body: Buffer;
  /** The body was longer than `maxBodyBytes`; `body` holds its start. */
  truncated: boolean;
  finalUrl: URL;
  redirects: number;
}

export interface HopContext {
  guard: SsrfGuard;
  dispatcher: Agent;
  maxRedirects: number;
  timeoutMs: number;
  maxBodyBytes: number;
  callerSignal: AbortSignal | undefined;
}

/** One attempt, redirects included, under one time budget; failures come out as the client's typed errors. */
export async function exchangeAttempt(startUrl: URL, request: PlainRequest, context: HopContext): Promise<RawAnswer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new HttpTimeoutError(request.method, redactUrl(startUrl), context.timeoutMs));
  }, context.timeoutMs);
  const { callerSignal } = context;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted === true) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    return await followHops(startUrl, request, context, controller.signal);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (callerSignal?.aborted === true) throw callerSignal.reason;
    if (timedOut) throw new HttpTimeoutError(request.method, redactUrl(startUrl), context.timeoutMs);
    throw typedTransportError(error, request.method, startUrl);
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

async function followHops(
  startUrl: URL,
  request: PlainRequest,
  context: HopContext,
  signal: AbortSignal,
): Promise<RawAnswer> {
  let url = startUrl;
  let { method, body } = request;
  const headers = { ...request.headers };
  for (let redirects = 0; ; redirects += 1) {
    await raceWithSignal(context.guard.assertAllowed(url, method), signal);
    const answer = await context.dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method,
      headers,
      body: body ?? null,
      signal,
    });
    const next = nextLocation(answer.statusCode, answer.headers, url);
    if (next === null || request.redirect === 'manual') {
      const read = await readCapped(answer.body, context.maxBodyBytes);
      return { status: answer.statusCode, headers: answer.headers, ...read, finalUrl: url, redirects };
    }
    await answer.body.dump().catch(() => undefined);
    if (request.redirect === 'error' || redirects >= context.maxRedirects) {
      const reason = request.redirect === 'error' ? 'redirect-not-allowed' : 'too-many-redirects';
      throw new HttpRedirectError(method, redactUrl(startUrl), reason);
    }
    if (rewritesToGet(answer.statusCode, method)) {
      method = 'GET';
      body = undefined;
      for (const name of BODY_HEADERS) delete headers[name];
    }
    if (next.origin !== url.origin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
    url = next;
  }
}

/** Reads the body up to `limit` bytes, then stops reading and frees the connection. */
async function readCapped(
  body: AsyncIterable<Buffer> & { destroy(): void },
  limit: number,
): Promise<{ body: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of body) {
    if (bytes + chunk.length > limit) {
      chunks.push(chunk.subarray(0, limit - bytes));
      body.destroy();
      return { body: Buffer.concat(chunks), truncated: true };
    }
    bytes += chunk.length;
    chunks.push(chunk);
  }
  return { body: chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks), truncated: false };
}

/** The absolute redirect target, or null when the answer is not a usable redirect. */
function nextLocation(status: number, headers: RawHeaders, base: URL): URL | null {
  const location = headerValue(headers, 'location');
  if (!REDIRECT_STATUSES.has(status) || location === null) return null;
  try {
    return new URL(location, base);
  } catch {
    return null;
  }
}

/** Fetch semantics: 303 becomes GET (except HEAD); 301/302 turn a POST into a GET. */
function rewritesToGet(status: number, method: string): boolean {
  if (status === 303) return method !== 'GET' && method !== 'HEAD';
  return (status === 301 || status === 302) && method === 'POST';
}

/** A header as `Headers.get` gives it: repeated values joined by ", ", null when absent. */
export function headerValue(headers: RawHeaders, name: string): string | null {
  const value = headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** undici's `request` rejects with the socket's error (or the guard's refusal) itself, not wrapped. */
function typedTransportError(error: unknown, method: string, url: URL): unknown {
  if (error instanceof SsrfBlockedError) return error;
  if (error instanceof Error && error.cause instanceof SsrfBlockedError) return error.cause;
  if (error instanceof Error && 'code' in error) return new HttpNetworkError(method, redactUrl(url), error);
  return error;
}
