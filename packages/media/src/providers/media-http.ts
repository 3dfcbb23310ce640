/**
 * One HTTP exchange of a media adapter through `@plume/http` (so the SSRF guard and the instance's
 * allow-list apply), with the vendor's failures turned into typed `LlmProviderError`s in plain words:
 * refused → `connection_refused`, our deadline → `timeout`, 429 → `rate_limited` with `Retry-After`,
 * 5xx → `server_error`, 401/403 → `auth`, 404 → `model_not_found`, a vendor refusal → `content_filter`
 * (the adapter says how its vendor words one), other 4xx → `bad_request`. Every adapter that speaks
 * HTTP (OpenAI, Stability, Google, AUTOMATIC1111, ComfyUI) uses it.
 */
import { HttpNetworkError, HttpTimeoutError, SsrfBlockedError } from '@plume/http/errors';
import type { HttpClient } from '@plume/http/http-client';
import { parseRetryAfter } from '@plume/http/retry-after';
import { LlmProviderError, type LlmErrorKind } from './media-provider-contract.ts';

export type MediaHttpContext = {
  providerId: string;
  /** The vendor's name in messages ("OpenAI", "AUTOMATIC1111 at http://127.0.0.1:7860"). */
  vendor: string;
  model: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** True when the failed answer is the vendor refusing the prompt or the result. */
  isRefusal?: (status: number, bodyText: string) => boolean;
};

export type MediaHttpAnswer = { status: number; contentType: string; bytes: Uint8Array };

export type MediaHttpInit = { method?: string; headers?: Record<string, string>; body?: string | FormData };

/** Sends the request and reads the whole answer; throws an `LlmProviderError` for any failure. */
export async function sendMediaRequest(
  http: HttpClient,
  url: string,
  init: MediaHttpInit,
  context: MediaHttpContext,
): Promise<MediaHttpAnswer> {
  const startedAt = performance.now();
  try {
    const response = await http.request(url, {
      ...init,
      retries: 0,
      timeoutMs: context.timeoutMs,
      ...(context.signal === undefined ? {} : { signal: context.signal }),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    if (!response.ok) {
      const bodyText = new TextDecoder().decode(bytes.subarray(0, 4096));
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      throw statusFailure(context, { status: response.status, bodyText, retryAfterMs });
    }
    return { status: response.status, contentType, bytes };
  } catch (error) {
    throw transportFailure(error, context, performance.now() - startedAt);
  }
}

/** Parses a JSON answer; one that is not JSON is `malformed_response`. */
export function parseJsonAnswer(answer: MediaHttpAnswer, context: MediaHttpContext): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(answer.bytes));
  } catch {
    throw failure(context, 'malformed_response', `${context.vendor} answered something that is not JSON.`);
  }
}

export function failure(
  context: Pick<MediaHttpContext, 'providerId'>,
  kind: LlmErrorKind,
  message: string,
  extra: { status?: number; retryAfterMs?: number | undefined; cause?: unknown } = {},
): LlmProviderError {
  const { retryAfterMs, ...rest } = extra;
  return new LlmProviderError({
    kind,
    providerId: context.providerId,
    message,
    ...rest,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

type FailedAnswer = { status: number; bodyText: string; retryAfterMs: number | undefined };

function statusFailure(context: MediaHttpContext, answer: FailedAnswer): LlmProviderError {
  const { status, retryAfterMs } = answer;
  const said = vendorMessage(answer.bodyText);
  const { vendor, model } = context;
  if (context.isRefusal?.(status, answer.bodyText) === true)
    return failure(context, 'content_filter', `${vendor} refused this request: ${said}`, { status });
  if (status === 429) {
    const wait = retryAfterMs === undefined ? '' : ` Try again in ${Math.ceil(retryAfterMs / 1000)} s.`;
    return failure(context, 'rate_limited', `${vendor} is rate limiting Plume (429: ${said}).${wait}`, {
      status,
      retryAfterMs,
    });
  }
  if (status === 401 || status === 403)
    return failure(context, 'auth', `${vendor} refused the API key (${status}: ${said}).`, { status });
  if (status === 404)
    return failure(context, 'model_not_found', `${vendor} has no model ${model} (404: ${said}).`, { status });
  if (status >= 500)
    return failure(context, 'server_error', `${vendor} failed (${status}: ${said}).`, {
      status,
      retryAfterMs: status === 503 ? retryAfterMs : undefined,
    });
  return failure(context, 'bad_request', `${vendor} refused the request (${status}: ${said}).`, { status });
}

function transportFailure(error: unknown, context: MediaHttpContext, elapsedMs: number): LlmProviderError {
  if (error instanceof LlmProviderError) return error;
  const { vendor } = context;
  if (context.signal?.aborted === true)
    return failure(context, 'cancelled', `The call to ${vendor} was cancelled.`, { cause: error });
  const timedOut =
    error instanceof HttpTimeoutError ||
    (error instanceof Error && error.name === 'TimeoutError') ||
    (error instanceof Error && error.name === 'AbortError' && elapsedMs >= context.timeoutMs - 50);
  if (timedOut)
    return failure(context, 'timeout', `${vendor} did not answer within ${inWords(context.timeoutMs)}.`, {
      cause: error,
    });
  if (error instanceof SsrfBlockedError)
    return failure(context, 'bad_request', `Plume may not connect to ${vendor}: the address is private.`, {
      cause: error,
    });
  if (error instanceof HttpNetworkError) {
    if (error.systemCode === 'ECONNREFUSED')
      return failure(context, 'connection_refused', `${vendor} is not running (connection refused).`, {
        cause: error,
      });
    return failure(context, 'server_error', `The connection to ${vendor} failed (${error.systemCode ?? 'network'}).`, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return failure(context, 'server_error', `The call to ${vendor} failed (${message}).`, { cause: error });
}

/** The vendor's own words from an error body: `{error: {message}}`, `{error: "…"}`, `{message}`, `{detail}`, `{errors: [...]}`. */
export function vendorMessage(bodyText: string): string {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (body instanceof Object) {
      const record = body as Record<string, unknown>;
      const error = record['error'];
      if (typeof error === 'string') return error;
      if (error instanceof Object && typeof (error as Record<string, unknown>)['message'] === 'string')
        return (error as Record<string, string>)['message'] as string;
      for (const key of ['message', 'detail', 'name']) if (typeof record[key] === 'string') return record[key];
      const errors = record['errors'];
      if (Array.isArray(errors) && errors.every((item) => typeof item === 'string')) return errors.join('; ');
    }
  } catch {
    // not JSON: the text itself
  }
  return bodyText.slice(0, 300) || 'no details';
}

/** Image types from their first bytes: adapters never trust a declared type for what they store. */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  const starts = (...values: number[]) => values.every((value, index) => bytes[index] === value);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) return 'image/webp';
  return undefined;
}

/** `150 ms`, `3 s`, `10 min`. */
export function inWords(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
