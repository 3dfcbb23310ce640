/**
 * Follows redirects by hand. fetch's own redirect handling would connect to each new location
 * without asking the SSRF guard, so a public URL could bounce us to 169.254.169.254.
 */
import { raceWithSignal } from './abort-utils.ts';
import { HttpRedirectError } from './errors.ts';
import { redactUrl } from './redact.ts';
import { discardBody } from './response-body.ts';
import { isReplayableBody } from './retry-policy.ts';
import type { SsrfGuard } from './ssrf-guard.ts';
import { fetch as undiciFetch, type Agent, type RequestInit as UndiciRequestInit } from 'undici';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Credentials meant for one origin must not be handed to another. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/** A request ready to send: method upper-cased, headers already defaulted. */
export interface OutgoingRequest {
  method: string;
  headers: Headers;
  body: RequestInit['body'];
  /** Remaining fetch options (cache, keepalive, ...), passed through untouched. */
  fetchInit: RequestInit;
  /** `follow` (default) re-checks each hop; `manual` returns the 3xx; `error` throws. */
  redirect: RequestRedirect;
}

/** Limits and checks for one attempt. */
export interface RedirectContext {
  guard: SsrfGuard;
  dispatcher: Agent;
  maxRedirects: number;
  signal: AbortSignal;
}

/** The final response and where it came from. */
export interface FollowedResponse {
  response: Response;
  finalUrl: URL;
  redirects: number;
}

/** Sends the request, checking the guard before every connection, and follows redirects. */
export async function fetchFollowingRedirects(
  startUrl: URL,
  request: OutgoingRequest,
  context: RedirectContext,
): Promise<FollowedResponse> {
  let url = startUrl;
  let { method, body } = request;
  const headers = new Headers(request.headers);

  for (let redirects = 0; ; redirects += 1) {
    await raceWithSignal(context.guard.assertAllowed(url, method), context.signal);
    // undici's fetch with the guarded pool: the socket connects only to addresses the guard allowed.
    const response = (await undiciFetch(url, {
      ...(request.fetchInit as UndiciRequestInit),
      method,
      headers: Object.fromEntries(headers.entries()),
      body: body as unknown as UndiciRequestInit['body'],
      redirect: 'manual',
      signal: context.signal,
      dispatcher: context.dispatcher,
    })) as unknown as Response;
    const next = nextLocation(response, url);
    if (next === null || request.redirect === 'manual') return { response, finalUrl: url, redirects };

    if (request.redirect === 'error' || redirects >= context.maxRedirects) {
      await discardBody(response);
      const reason = request.redirect === 'error' ? 'redirect-not-allowed' : 'too-many-redirects';
      throw new HttpRedirectError(method, redactUrl(startUrl), reason);
    }
    if (rewritesToGet(response.status, method)) {
      method = 'GET';
      body = undefined;
      for (const name of BODY_HEADERS) headers.delete(name);
    } else if (body !== undefined && body !== null && !isReplayableBody(body)) {
      // A streamed body cannot be sent twice; let the caller decide what to do with the 307/308.
      return { response, finalUrl: url, redirects };
    }
    if (next.origin !== url.origin) {
      for (const name of CREDENTIAL_HEADERS) headers.delete(name);
    }
    await discardBody(response);
    url = next;
  }
}

/** The absolute redirect target, or null when the response is not a usable redirect. */
function nextLocation(response: Response, base: URL): URL | null {
  const location = response.headers.get('location');
  if (!REDIRECT_STATUSES.has(response.status) || location === null) return null;
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
