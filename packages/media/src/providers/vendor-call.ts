/**
 * What every media adapter does around one vendor request: a whole-call budget that honours the
 * caller's `signal` and `timeoutMs` (a Veo video polls for minutes, so each request only gets what is
 * left), the request itself through `@plume/http` (no retries: the gateway decides on fallback), and
 * the vendor's failures turned into a typed `LlmProviderError` in plain words. Messages never carry
 * the key; URLs are given without their query (a download link may hold one).
 */
import type { HttpClient } from '@plume/http/http-client';
import { HttpNetworkError, HttpTimeoutError, SsrfBlockedError } from '@plume/http/errors';
import { parseRetryAfter } from '@plume/http/retry-after';
import type { HttpRequestInit } from '@plume/http/types';
import { LlmProviderError } from './media-provider-contract.ts';
import type { LlmErrorKind } from './media-provider-contract.ts';

/** Who is being called, for error messages. */
export interface VendorContext {
  providerId: string;
  /** The vendor in words ("Stability AI", "AUTOMATIC1111"). */
  vendor: string;
  baseUrl: string;
  /** Local servers: a refused connection means "not running" rather than an outage. */
  local: boolean;
  /** The key, only so a vendor that echoes it in an error message never gets it into ours. */
  secret?: string | undefined;
}

/** The caller's cancel and the whole-call deadline as one signal, remembering which fired. */
export interface CallBudget {
  signal: AbortSignal;
  timeoutMs: number;
  /** Milliseconds left before the deadline (at least 1, so a request can still fail with timeout). */
  remainingMs(): number;
  /** What stopped the call, once its signal fired. */
  stoppedBy(): 'cancelled' | 'timeout' | undefined;
  dispose(): void;
}

/** Starts the deadline now. */
export function startBudget(timeoutMs: number, callerSignal?: AbortSignal): CallBudget {
  const controller = new AbortController();
  const startedAt = performance.now();
  let stopped: 'cancelled' | 'timeout' | undefined;
  const stop = (why: 'cancelled' | 'timeout'): void => {
    if (stopped !== undefined) return;
    stopped = why;
    controller.abort(new DOMException(`media call ${why}`, why === 'cancelled' ? 'AbortError' : 'TimeoutError'));
  };
  const onAbort = (): void => {
    stop('cancelled');
  };
  if (callerSignal?.aborted === true) stop('cancelled');
  callerSignal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(stop, timeoutMs, 'timeout');
  return {
    signal: controller.signal,
    timeoutMs,
    remainingMs: () => Math.max(1, Math.round(timeoutMs - (performance.now() - startedAt))),
    stoppedBy: () => stopped,
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
    },
  };
}

/** A vendor answer read whole. */
export interface VendorResponse {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

/**
 * Sends one request within the budget and reads the whole body. Transport failures become typed
 * errors here; HTTP statuses are left to the adapter (each vendor words its refusals differently).
 */
export async function sendWithin(
  http: HttpClient,
  url: string,
  init: HttpRequestInit,
  budget: CallBudget,
  context: VendorContext,
): Promise<VendorResponse> {
  try {
    const response = await http.request(url, {
      ...init,
      signal: budget.signal,
      timeoutMs: budget.remainingMs(),
      retries: 0,
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes };
  } catch (error) {
    throw transportFailure(error, budget, context);
  }
}

/** Waits `ms` unless the budget runs out first (then throws its typed error). */
export async function pause(ms: number, budget: CallBudget, context: VendorContext): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, Math.min(ms, budget.remainingMs()));
    function done(): void {
      clearTimeout(timer);
      budget.signal.removeEventListener('abort', done);
      resolve();
    }
    budget.signal.addEventListener('abort', done, { once: true });
  });
  if (budget.signal.aborted) throw transportFailure(budget.signal.reason, budget, context);
}

/** Maps an error thrown while sending or reading to the contract's kinds. */
export function transportFailure(error: unknown, budget: CallBudget, context: VendorContext): LlmProviderError {
  if (error instanceof LlmProviderError) return error;
  const make = (kind: LlmErrorKind, message: string): LlmProviderError =>
    new LlmProviderError({ kind, providerId: context.providerId, message, cause: error });
  const stopped = budget.stoppedBy();
  if (stopped === 'cancelled') return make('cancelled', `The call to ${context.vendor} was cancelled.`);
  if (stopped === 'timeout' || error instanceof HttpTimeoutError) {
    return make('timeout', `${context.vendor} did not answer within ${seconds(budget.timeoutMs)}.`);
  }
  if (error instanceof SsrfBlockedError) {
    return make('bad_request', `Plume may not connect to ${context.baseUrl}; check the ${context.vendor} address.`);
  }
  if (error instanceof HttpNetworkError && error.systemCode === 'ECONNREFUSED') {
    const words = context.local
      ? `${context.vendor} is not running at ${context.baseUrl}: start it (with its API enabled) or fix the address.`
      : `${context.vendor} refused the connection at ${context.baseUrl}.`;
    return make('connection_refused', words);
  }
  if (error instanceof HttpNetworkError) {
    return make(
      'server_error',
      `The connection to ${context.vendor} at ${context.baseUrl} failed (${error.systemCode ?? 'network error'}).`,
    );
  }
  if (isConnectionCut(error)) {
    return make('server_error', `The answer from ${context.vendor} was cut off before it was complete.`);
  }
  const name = error instanceof Error ? error.name : 'unknown error';
  return make('server_error', `The call to ${context.vendor} failed unexpectedly (${name}).`);
}

/** undici reports a connection closed mid-answer as `TypeError: terminated` caused by a socket error. */
function isConnectionCut(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Object && depth < 5; depth++) {
    if ('code' in current && ['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'].includes(String(current.code))) return true;
    if (current instanceof TypeError && current.message === 'terminated') return true;
    current = 'cause' in current ? current.cause : undefined;
  }
  return false;
}

/** A failed HTTP answer, with the vendor's own explanation already read from its error body. */
export interface FailedAnswer {
  status: number;
  headers: Headers;
  /** The vendor's message (from its error body), shown to the admin. */
  detail: string;
  model: string;
}

/**
 * The usual meaning of a status: 401/403 the key, 404 the model, 429 (and quota) rate limits with
 * `Retry-After`, 5xx outages, other 4xx our request. Adapters check their refusals first.
 */
export function statusFailure(answer: FailedAnswer, context: VendorContext): LlmProviderError {
  const { status, model } = answer;
  const detail = scrub(answer.detail, context);
  const make = (kind: LlmErrorKind, message: string, retryAfterMs?: number): LlmProviderError =>
    new LlmProviderError({ kind, providerId: context.providerId, message, status, retryAfterMs });
  const said = detail === '' ? '' : `: ${clip(detail)}`;
  if (status === 401 || status === 403) {
    const what = context.local ? 'the credentials' : 'the key';
    return make('auth', `${context.vendor} refused ${what} (${status})${said}. Check them on the Models page.`);
  }
  if (status === 404) return make('model_not_found', `${context.vendor} has no model ${model} (404)${said}.`);
  if (status === 429 || status === 402) {
    const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'));
    const wait = retryAfterMs === undefined ? '' : ` Try again in ${seconds(retryAfterMs)}.`;
    const why = status === 402 ? 'is out of credits' : 'is rate limiting Plume';
    return make('rate_limited', `${context.vendor} ${why} (${status})${said}.${wait}`, retryAfterMs);
  }
  if (status === 408 || status === 504) return make('timeout', `${context.vendor} timed out (${status})${said}.`);
  if (status >= 500) {
    const retryAfterMs = status === 503 ? parseRetryAfter(answer.headers.get('retry-after')) : undefined;
    return make('server_error', `${context.vendor} failed with ${model} (${status})${said}.`, retryAfterMs);
  }
  return make('bad_request', `${context.vendor} refused the request for ${model} (${status})${said}.`);
}

/** Parses a JSON body, or undefined when it is not JSON. */
export function jsonOf(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The answer is not what the vendor documents. */
export function malformed(context: VendorContext, what: string): LlmProviderError {
  return new LlmProviderError({
    kind: 'malformed_response',
    providerId: context.providerId,
    message: `${context.vendor} sent an answer Plume could not read (${what}).`,
  });
}

/**
 * The model cannot take this call (reference images on a text-only model): `model_not_found`, so the
 * gateway tries the next candidate (one that takes references) instead of failing the generation.
 */
export function modelCannot(context: VendorContext, model: string, why: string): LlmProviderError {
  return new LlmProviderError({
    kind: 'model_not_found',
    providerId: context.providerId,
    message: `${context.vendor} model ${model} ${why}.`,
  });
}

/** The vendor refused the prompt or its result. */
export function refused(context: VendorContext, why: string): LlmProviderError {
  return new LlmProviderError({
    kind: 'content_filter',
    providerId: context.providerId,
    message: `${context.vendor} refused this request under its content policy${why === '' ? '' : ` (${clip(scrub(why, context))})`}.`,
  });
}

/** Replaces the key wherever a vendor repeated it. */
function scrub(text: string, context: VendorContext): string {
  const { secret } = context;
  return secret === undefined || secret.length < 4 ? text : text.split(secret).join('[key]');
}

/** Vendor messages can be long (stack traces from local servers): keep the first line's start. */
export function clip(text: string, max = 300): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/** The base URL without a trailing slash. */
export function trimBase(url: string): string {
  return url.replace(/\/+$/, '');
}
