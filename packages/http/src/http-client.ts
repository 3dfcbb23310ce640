/**
 * The one outbound HTTP client of Plume. Every request gets a timeout, safe retries that honour
 * `Retry-After`, the SSRF guard on every hop, and a redacted debug log line per attempt.
 */
import { sleep } from './abort-utils.ts';
import { nonNegativeInteger, positive, resolveSettings } from './client-settings.ts';
import type { ClientSettings } from './client-settings.ts';
import { HttpError, HttpNetworkError, SsrfBlockedError } from './errors.ts';
import type { OutgoingRequest } from './follow-redirects.ts';
import { sendExchange } from './exchange.ts';
import type { BufferedResponse, ExchangeInit } from './exchange.ts';
import { encodeFormBody } from './form-body.ts';
import { createJsonMethods } from './json-requests.ts';
import type { JsonMethods } from './json-requests.ts';
import { redactUrl } from './redact.ts';
import { discardBody } from './response-body.ts';
import { parseRetryAfter } from './retry-after.ts';
import {
  backoffDelayMs,
  honoursRetryAfter,
  isIdempotentMethod,
  isReplayableBody,
  isRetryableError,
  isRetryableStatus,
} from './retry-policy.ts';
import { sendAttempt } from './send-attempt.ts';
import type { AttemptContext } from './send-attempt.ts';
import type { HttpClientOptions, HttpRequestInit } from './types.ts';

/** Outbound HTTP for all Plume code; raw `fetch` is reserved for this package. */
export interface HttpClient extends JsonMethods {
  /**
   * Like `fetch`, but guarded and retried. Returns 4xx/5xx responses instead of throwing, so
   * callers can read error bodies; throws HttpTimeoutError, HttpNetworkError, SsrfBlockedError
   * or HttpRedirectError. When retries run out, or `Retry-After` exceeds `maxRetryAfterMs`, the
   * last response is returned as is (read `Retry-After` with `parseRetryAfter`).
   */
  request(url: string | URL, init?: HttpRequestInit): Promise<Response>;
  /**
   * Like `request`, with the same guards, retries and errors, but the answer is read whole (at most
   * `maxBodyBytes`) and returned as plain data: no WHATWG Response, Headers or stream is built, so it
   * costs a good deal less per call (exchange.ts). For JSON APIs; optional so wrappers may leave it out.
   */
  exchange?(url: string | URL, init?: ExchangeInit): Promise<BufferedResponse>;
}

/**
 * Creates a client. Options are validated here, so misconfiguration fails at boot.
 * @example
 * const http = createHttpClient({ logger, allowPrivateHosts: ['localhost'] });
 * const me = await http.getJson('https://bsky.social/xrpc/...', { schema: ProfileSchema });
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const settings = resolveSettings(options);
  // async so an invalid URL string rejects like every other failure instead of throwing.
  const request = async (url: string | URL, init: HttpRequestInit = {}): Promise<Response> =>
    sendWithRetries(new URL(url), await encodeFormBody(init), settings);
  const exchange = async (url: string | URL, init: ExchangeInit = {}): Promise<BufferedResponse> => {
    const { maxBodyBytes, ...rest } = init;
    const encoded = { ...(await encodeFormBody(rest)), ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }) };
    return sendExchange(new URL(url), encoded, settings, (target, other) => sendWithRetries(target, other, settings));
  };
  return { request, exchange, ...createJsonMethods(request, settings.timeoutMs) };
}

async function sendWithRetries(url: URL, init: HttpRequestInit, settings: ClientSettings): Promise<Response> {
  const { idempotent, timeoutMs, retries, signal, redirect, method, headers, body, ...fetchInit } = init;
  const outgoing: OutgoingRequest = {
    method: (method ?? 'GET').toUpperCase(),
    headers: withUserAgent(headers, settings.userAgent),
    body,
    fetchInit,
    redirect: redirect ?? 'follow',
  };
  const context: AttemptContext = {
    guard: settings.guard,
    dispatcher: settings.dispatcher,
    maxRedirects: settings.maxRedirects,
    timeoutMs: timeoutMs === undefined ? settings.timeoutMs : positive('timeoutMs', timeoutMs),
    callerSignal: signal ?? undefined,
  };
  const canRetry = (idempotent ?? isIdempotentMethod(outgoing.method)) && isReplayableBody(body);
  const maxAttempts = 1 + (canRetry ? nonNegativeInteger('retries', retries ?? settings.retries) : 0);
  const logFields = { method: outgoing.method, url: redactUrl(url) };
  const { logger } = settings;

  for (let attempt = 1; ; attempt += 1) {
    const startedAt = performance.now();
    let delayMs: number;
    let reason: string;
    try {
      const { response, finalUrl, redirects } = await sendAttempt(url, outgoing, context);
      const durationMs = elapsedMs(startedAt);
      const finalUrlField = redirects > 0 ? { finalUrl: redactUrl(finalUrl) } : {};
      logger.debug({ ...logFields, ...finalUrlField, status: response.status, durationMs, attempt }, 'http request');
      const delay = attempt < maxAttempts ? retryDelay(response, attempt, settings) : undefined;
      if (delay === undefined) return response;
      await discardBody(response);
      delayMs = delay;
      reason = `status ${response.status}`;
    } catch (error) {
      const errorFields = { ...logFields, attempt, durationMs: elapsedMs(startedAt), error: describe(error) };
      if (error instanceof SsrfBlockedError) logger.warn(errorFields, 'http request blocked by SSRF guard');
      else logger.debug(errorFields, 'http request failed');
      if (attempt >= maxAttempts || !isRetryableError(error)) throw error;
      delayMs = backoffDelayMs(attempt, settings.backoffBaseMs, settings.backoffMaxMs);
      reason = describe(error);
    }
    logger.warn({ ...logFields, attempt, delayMs, reason }, 'http request will be retried');
    await sleep(delayMs, context.callerSignal);
  }
}

/**
 * How long to wait before retrying this response, or undefined to return it now: it is not
 * retryable, or the server asked to wait longer than we are willing to block.
 */
function retryDelay(response: Response, attempt: number, settings: ClientSettings): number | undefined {
  if (!isRetryableStatus(response.status)) return undefined;
  const retryAfterMs = honoursRetryAfter(response.status)
    ? parseRetryAfter(response.headers.get('retry-after'))
    : undefined;
  if (retryAfterMs === undefined) return backoffDelayMs(attempt, settings.backoffBaseMs, settings.backoffMaxMs);
  if (retryAfterMs > settings.maxRetryAfterMs) {
    settings.logger.debug({ status: response.status, retryAfterMs }, 'http retry-after exceeds cap; not waiting');
    return undefined;
  }
  return retryAfterMs;
}

function withUserAgent(init: HeadersInit | undefined, userAgent: string): Headers {
  const headers = new Headers(init);
  if (!headers.has('user-agent')) headers.set('user-agent', userAgent);
  return headers;
}

function elapsedMs(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}

/** Error summary for logs: class and code only, since messages of foreign errors may hold data. */
function describe(error: unknown): string {
  if (error instanceof HttpNetworkError) return `${error.code} ${error.systemCode ?? ''}`.trim();
  if (error instanceof HttpError) return error.code;
  return error instanceof Error ? error.name : 'unknown';
}
