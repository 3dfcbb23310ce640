/**
 * Turns whatever an Ollama call threw (our HTTP client's typed errors, the `ollama` client's
 * `ResponseError`, a stream cut short) into an `LlmProviderError` the router can act on.
 * Decisions come from our own signals and the HTTP status first; Ollama's error text is read
 * only where Ollama offers nothing else (context-length errors share 400/500 with other failures).
 */
import { HttpNetworkError, HttpStatusError, HttpTimeoutError, SsrfBlockedError } from '@plume/http/errors';
import { LlmProviderError } from '../provider-contract.ts';
import type { LlmErrorKind } from '../provider-contract.ts';
import type { LastResponse } from '../ollama/ollama-http.ts';
import type { DeadlineReason } from './call-deadline.ts';

/** What we know about a failed call besides the error itself. */
export interface OllamaFailureContext {
  providerId: string;
  baseUrl: string;
  model: string;
  /** Set when our own deadline or idle timer fired, or the caller aborted. */
  stopped: DeadlineReason | undefined;
  timeoutMs: number;
  idleTimeoutMs: number;
  lastResponse: LastResponse;
}

/** Ollama's words when the prompt does not fit the context window (e.g. "input length exceeds the context length"). */
const CONTEXT_OVERFLOW_TEXT = /context (length|window|size)|too long|exceeds.*(context|num_ctx)/i;

/** Maps a failure of an Ollama call to a typed provider error with a message in plain words. */
export function toOllamaError(error: unknown, context: OllamaFailureContext): LlmProviderError {
  if (error instanceof LlmProviderError) return error;
  const make = (
    kind: LlmErrorKind,
    message: string,
    extra: { status?: number; retryAfterMs?: number } = {},
  ): LlmProviderError =>
    new LlmProviderError({ kind, providerId: context.providerId, message, cause: error, ...extra });
  const { stopped, lastResponse } = context;

  if (stopped === 'cancelled') return make('cancelled', `The call to Ollama model ${context.model} was cancelled.`);
  if (stopped === 'timeout' || findCause(error, HttpTimeoutError) !== undefined) {
    return make('timeout', `Ollama model ${context.model} did not finish within ${seconds(context.timeoutMs)}.`);
  }
  if (stopped === 'idle') {
    return make(
      'timeout',
      `Ollama model ${context.model} sent nothing for ${seconds(context.idleTimeoutMs)}; the call was stopped.`,
    );
  }
  const network = findCause(error, HttpNetworkError);
  if (network?.systemCode === 'ECONNREFUSED') {
    return make('connection_refused', `Ollama is not running at ${context.baseUrl}: start it with \`ollama serve\`.`);
  }
  if (findCause(error, SsrfBlockedError) !== undefined) {
    return make(
      'bad_request',
      `Plume may not connect to ${context.baseUrl}; check the Ollama address in the settings.`,
    );
  }
  if (network !== undefined)
    return make(
      'server_error',
      `The connection to Ollama at ${context.baseUrl} failed (${network.systemCode ?? 'network error'}).`,
    );

  const statusError = findCause(error, HttpStatusError);
  const status = statusError?.status ?? lastResponse.status;
  const text = statusError === undefined ? errorText(error) : ollamaErrorField(statusError.bodyText);
  const retryAfterMs = statusError?.retryAfterMs ?? lastResponse.retryAfterMs;
  if (status !== undefined && status >= 400) return fromStatus({ status, text, retryAfterMs }, context, make);
  if (CONTEXT_OVERFLOW_TEXT.test(text)) return make('context_overflow', contextMessage(context.model, text));
  // A 200 whose stream broke off or could not be read: Ollama crashed or the connection dropped.
  if (isConnectionCut(error))
    return make('server_error', `Ollama at ${context.baseUrl} closed the connection before the answer was complete.`);
  return make('malformed_response', `Ollama sent an answer Plume could not read (${text}).`);
}

type Make = (
  kind: LlmErrorKind,
  message: string,
  extra?: { status?: number; retryAfterMs?: number },
) => LlmProviderError;

interface FailedResponse {
  status: number;
  text: string;
  retryAfterMs: number | undefined;
}

function fromStatus(response: FailedResponse, context: OllamaFailureContext, make: Make): LlmProviderError {
  const { status, text } = response;
  const { model } = context;
  if (CONTEXT_OVERFLOW_TEXT.test(text)) return make('context_overflow', contextMessage(model, text), { status });
  if (status === 404) {
    return make(
      'model_not_found',
      `Ollama has no model ${model}: run \`ollama pull ${model}\` or pull it on the Models page.`,
      { status },
    );
  }
  if (status === 429) {
    const { retryAfterMs } = response;
    const wait = retryAfterMs === undefined ? '' : ` Try again in ${seconds(retryAfterMs)}.`;
    return make('rate_limited', `Ollama at ${context.baseUrl} is busy (too many requests).${wait}`, {
      status,
      retryAfterMs,
    });
  }
  if (status === 401 || status === 403)
    return make('auth', `Ollama at ${context.baseUrl} refused the credentials (${status}).`, { status });
  if (status >= 500) {
    const retryAfterMs = status === 503 ? response.retryAfterMs : undefined;
    return make('server_error', `Ollama failed while answering with ${model} (${status}: ${text}).`, {
      status,
      retryAfterMs,
    });
  }
  return make('bad_request', `Ollama refused the request for ${model} (${status}: ${text}).`, { status });
}

function contextMessage(model: string, text: string): string {
  return `The prompt is too long for the context window of ${model} (${text}). Shorten it or raise the context length.`;
}

/** Walks `cause` links (the SDK and the `ollama` client wrap errors) to find one of a class. */
function findCause<T>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  for (let current = error, depth = 0; current instanceof Object && depth < 6; depth++) {
    if (current instanceof type) return current;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

/** undici reports a body cut mid-way as `TypeError: terminated` caused by a socket error. */
function isConnectionCut(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Object && depth < 6; depth++) {
    if ('code' in current && (current.code === 'UND_ERR_SOCKET' || current.code === 'ECONNRESET')) return true;
    current = 'cause' in current ? current.cause : undefined;
  }
  return false;
}

/** Ollama's error bodies are `{"error": "..."}`; anything else is shown as it came. */
function ollamaErrorField(bodyText: string): string {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (body instanceof Object && 'error' in body && typeof body.error === 'string') return body.error;
  } catch {
    // not JSON: fall through to the raw text
  }
  return bodyText;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
