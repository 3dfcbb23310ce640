/**
 * Turns whatever the AI SDK (or the HTTP client under it) threw into a typed `LlmProviderError`,
 * so the router decides on a `kind`, and the Models page shows plain words instead of a stack.
 * Vendors' error codes are read from the body (`context_length_exceeded`, `model_not_found`,
 * Anthropic's `overloaded_error`); the key is never part of a message.
 */
import {
  APICallError,
  EmptyResponseBodyError,
  InvalidResponseDataError,
  JSONParseError,
  NoContentGeneratedError,
  NoOutputGeneratedError,
  NoSuchModelError,
  TypeValidationError,
} from 'ai';
import { z } from 'zod';
import { HttpNetworkError, HttpTimeoutError, SsrfBlockedError } from '@plume/http/errors';
import { parseRetryAfter } from '@plume/http/retry-after';
import { LlmProviderError } from '../provider-contract.ts';
import type { LlmErrorKind } from '../provider-contract.ts';

/** Who failed, in the words the Models page uses ("OpenAI", "Anthropic", or the admin's name). */
export interface ProviderIdentity {
  id: string;
  label: string;
}

/** What else is known about the failed call, for clearer messages. */
export interface FailureContext {
  model?: string;
}

/** OpenAI, Groq, Perplexity and Anthropic all nest their error under `error`. */
const VendorErrorSchema = z.object({
  error: z.object({ code: z.string().nullish(), type: z.string().nullish(), message: z.string().nullish() }),
});
type VendorError = z.infer<typeof VendorErrorSchema>['error'];

/** Socket errors that mean nothing is listening there (as opposed to a connection cut short). */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const MALFORMED = [
  JSONParseError,
  TypeValidationError,
  InvalidResponseDataError,
  EmptyResponseBodyError,
  NoOutputGeneratedError,
  NoContentGeneratedError,
];

/**
 * Maps a failure to an `LlmProviderError`; one already typed is returned as it is.
 * @example toLlmProviderError(error, { id: 'openai', label: 'OpenAI' }, { model: 'gpt-4o-mini' }).kind // 'rate_limited'
 */
export function toLlmProviderError(
  error: unknown,
  provider: ProviderIdentity,
  context: FailureContext = {},
): LlmProviderError {
  if (error instanceof LlmProviderError) return error;
  const fail = (
    kind: LlmErrorKind,
    message: string,
    extra: { status?: number; retryAfterMs?: number } = {},
  ): LlmProviderError => new LlmProviderError({ kind, providerId: provider.id, message, cause: error, ...extra });

  if (APICallError.isInstance(error) && error.statusCode !== undefined)
    return fromStatus(error, error.statusCode, provider, context, fail);
  const transport = fromTransport(error, provider);
  if (transport !== undefined) return fail(transport.kind, transport.message);
  if (NoSuchModelError.isInstance(error))
    return fail('model_not_found', `${provider.label} does not offer the model "${context.model ?? error.modelId}".`);
  if (MALFORMED.some((type) => type.isInstance(error)) || error instanceof SyntaxError || error instanceof z.ZodError)
    return fail('malformed_response', `${provider.label} sent an answer Plume could not read.`);
  if (error instanceof Error && error.name === 'AbortError')
    return fail('cancelled', `The call to ${provider.label} was cancelled.`);
  if (error instanceof Error && error.name === 'TimeoutError')
    return fail('timeout', `${provider.label} did not answer in time.`);
  return fail('server_error', `The call to ${provider.label} failed unexpectedly.`);
}

type Fail = (
  kind: LlmErrorKind,
  message: string,
  extra?: { status?: number; retryAfterMs?: number },
) => LlmProviderError;

function fromStatus(
  error: APICallError,
  status: number,
  provider: ProviderIdentity,
  context: FailureContext,
  fail: Fail,
): LlmProviderError {
  const vendor = readVendorError(error.responseBody);
  const retryAfterMs = parseRetryAfter(error.responseHeaders?.['retry-after']);
  const { label } = provider;
  if (isContextOverflow(status, vendor))
    return fail('context_overflow', `The prompt is too long for the ${label} model${named(context)}.`, { status });
  if (vendor.code === 'model_not_found' || status === 404) {
    return fail(
      'model_not_found',
      `${label} does not offer the model${named(context)}, or this key may not use it (${status}).`,
      { status },
    );
  }
  if (vendor.code === 'content_filter' || vendor.code === 'content_policy_violation') {
    return fail('content_filter', `${label} refused the request under its content policy.`, { status });
  }
  if (status === 401 || status === 403)
    return fail('auth', `The ${label} key was refused (${status}): check it on the Models page.`, { status });
  if (status === 429) {
    const wait = retryAfterMs === undefined ? '' : `; it asks to wait ${Math.ceil(retryAfterMs / 1000)} s`;
    return fail('rate_limited', `${label} is rate limiting this key (429)${wait}.`, { status, retryAfterMs });
  }
  if (status === 408) return fail('timeout', `${label} gave up waiting for the request (408).`, { status });
  if (status >= 500) {
    const what = vendor.type === 'overloaded_error' || status === 529 ? 'is overloaded' : 'had a server error';
    return fail('server_error', `${label} ${what} (${status}); this is usually temporary.`, { status, retryAfterMs });
  }
  const detail = vendor.message ? `: ${vendor.message.slice(0, 200)}` : '';
  return fail('bad_request', `${label} rejected the request (${status})${detail}`, { status });
}

/**
 * Anthropic has no code for an over-long prompt, only `invalid_request_error` with the message
 * "prompt is too long: …"; its wording is documented, so it is the one message we match.
 */
function isContextOverflow(status: number, vendor: VendorError): boolean {
  if (vendor.code === 'context_length_exceeded' || status === 413) return true;
  return status === 400 && vendor.type === 'invalid_request_error' && /^prompt is too long/i.test(vendor.message ?? '');
}

/** Failures before (or instead of) an HTTP status: refused, cut, timed out, blocked. */
function fromTransport(
  error: unknown,
  provider: ProviderIdentity,
): { kind: LlmErrorKind; message: string } | undefined {
  for (let current = error, depth = 0; current instanceof Object && depth < 6; depth++) {
    if (current instanceof HttpTimeoutError)
      return { kind: 'timeout', message: `${provider.label} did not answer within ${current.timeoutMs} ms.` };
    if (current instanceof SsrfBlockedError) {
      return {
        kind: 'connection_refused',
        message: `Plume may not connect to ${current.host} for ${provider.label}: private addresses must be allowed first.`,
      };
    }
    const code = current instanceof HttpNetworkError ? current.systemCode : readCode(current);
    if (code !== undefined && UNREACHABLE_CODES.has(code)) {
      return {
        kind: 'connection_refused',
        message: `${provider.label} could not be reached (${code}): is it running, and is the address right?`,
      };
    }
    if (current instanceof HttpNetworkError || (code !== undefined && /^(ECONNRESET|EPIPE|UND_ERR_)/.test(code))) {
      return {
        kind: 'server_error',
        message: `The connection to ${provider.label} was closed before the answer was complete.`,
      };
    }
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

function readVendorError(body: string | undefined): VendorError {
  if (body === undefined) return {};
  try {
    const parsed = VendorErrorSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data.error : {};
  } catch {
    return {};
  }
}

function readCode(value: object): string | undefined {
  return 'code' in value && typeof value.code === 'string' ? value.code : undefined;
}

function named(context: FailureContext): string {
  return context.model === undefined ? '' : ` "${context.model}"`;
}
