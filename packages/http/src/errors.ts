/**
 * Typed errors thrown by the HTTP client. Callers branch on the class (or the stable `code`),
 * never on message text. URLs inside errors are always redacted, because errors end up in logs.
 */

/** Base class so callers can catch "anything the HTTP layer raised" in one `instanceof`. */
export abstract class HttpError extends Error {
  abstract readonly code: string;
}

/** One attempt (connect, redirects, headers, and body if read in time) exceeded its time budget. */
export class HttpTimeoutError extends HttpError {
  override readonly name = 'HttpTimeoutError';
  readonly code = 'HTTP_TIMEOUT';

  readonly method: string;
  readonly url: string;
  readonly timeoutMs: number;

  constructor(method: string, url: string, timeoutMs: number) {
    super(`${method} ${url} timed out after ${timeoutMs} ms`);
    this.method = method;
    this.url = url;
    this.timeoutMs = timeoutMs;
  }
}

/** The connection failed before a response arrived (refused, reset, DNS failure, TLS error). */
export class HttpNetworkError extends HttpError {
  override readonly name = 'HttpNetworkError';
  readonly code = 'HTTP_NETWORK';
  /** The system error code when known, e.g. `ECONNREFUSED`, `ENOTFOUND`. */
  readonly systemCode: string | undefined;

  readonly method: string;
  readonly url: string;

  constructor(method: string, url: string, cause: unknown) {
    const systemCode = readSystemCode(cause);
    super(`${method} ${url} failed: ${systemCode ?? describe(cause)}`, { cause });
    this.method = method;
    this.url = url;
    this.systemCode = systemCode;
  }
}

/** Why the SSRF guard refused a destination. */
export type SsrfBlockReason = 'scheme' | 'private-address';

/** The destination (or a redirect hop) is not a public http(s) address and is not allowlisted. */
export class SsrfBlockedError extends HttpError {
  override readonly name = 'SsrfBlockedError';
  readonly code = 'SSRF_BLOCKED';

  readonly host: string;
  readonly address: string | undefined;
  readonly reason: SsrfBlockReason;

  constructor(host: string, address: string | undefined, reason: SsrfBlockReason) {
    const target = address === undefined ? host : `${host} (${address})`;
    super(`Outbound request to ${target} blocked: ${reason}`);
    this.host = host;
    this.address = address;
    this.reason = reason;
  }
}

/** Why redirect following stopped with an error. */
export type RedirectFailure = 'too-many-redirects' | 'redirect-not-allowed';

/** Redirects looped or exceeded the hop limit, or the caller asked for `redirect: 'error'`. */
export class HttpRedirectError extends HttpError {
  override readonly name = 'HttpRedirectError';
  readonly code = 'HTTP_REDIRECT';

  readonly method: string;
  readonly url: string;
  readonly reason: RedirectFailure;

  constructor(method: string, url: string, reason: RedirectFailure) {
    super(`${method} ${url}: ${reason}`);
    this.method = method;
    this.url = url;
    this.reason = reason;
  }
}

/** Details of a non-2xx response, kept small enough to log and to store on a job. */
export interface HttpStatusDetails {
  method: string;
  url: string;
  status: number;
  retryAfterMs: number | undefined;
  bodyText: string;
  headers: Record<string, string>;
}

/** A JSON helper got a non-2xx response. `headers` are redacted; `bodyText` is at most 2 KB. */
export class HttpStatusError extends HttpError {
  override readonly name = 'HttpStatusError';
  readonly code = 'HTTP_STATUS';
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** Parsed `Retry-After`, so schedulers can retry later instead of blocking a worker. */
  readonly retryAfterMs: number | undefined;
  readonly bodyText: string;
  readonly headers: Record<string, string>;

  constructor(details: HttpStatusDetails) {
    super(`${details.method} ${details.url} responded ${details.status}`);
    this.method = details.method;
    this.url = details.url;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.bodyText = details.bodyText;
    this.headers = details.headers;
  }
}

/** One problem found in a response body; `path` is dotted, e.g. `data.items.0.id` ('' = root). */
export interface ResponseShapeIssue {
  path: string;
  message: string;
}

/** The response body was not JSON or did not match the caller's zod schema. */
export class HttpResponseShapeError extends HttpError {
  override readonly name = 'HttpResponseShapeError';
  readonly code = 'HTTP_RESPONSE_SHAPE';

  readonly method: string;
  readonly url: string;
  readonly issues: readonly ResponseShapeIssue[];

  constructor(method: string, url: string, issues: readonly ResponseShapeIssue[]) {
    const paths = issues.map((issue) => issue.path || '(root)').join(', ');
    super(`${method} ${url} returned an unexpected body at: ${paths}`);
    this.method = method;
    this.url = url;
    this.issues = issues;
  }
}

function readSystemCode(cause: unknown): string | undefined {
  // undici wraps the socket error: TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }).
  for (let current = cause, depth = 0; current instanceof Object && depth < 3; depth++) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
