/**
 * Typed failures of model management (list, pull, delete...), with messages written for the
 * Models page. The `ollama` client throws plain errors, so the kind is decided from our HTTP
 * client's typed errors and the HTTP status we recorded, and, for pulls only, from the one error
 * line Ollama streams when its registry has no such model (it offers no code for it).
 */
import { HttpNetworkError, HttpTimeoutError } from '@plume/http/errors';
import type { DeadlineReason } from '../providers/call-deadline.ts';
import type { LastResponse } from './ollama-http.ts';

export const OLLAMA_MANAGER_ERROR_KINDS = [
  'not_running',
  'unknown_model',
  'not_installed',
  'does_not_fit',
  'cancelled',
  'timeout',
  'failed',
] as const;
export type OllamaManagerErrorKind = (typeof OLLAMA_MANAGER_ERROR_KINDS)[number];

/** A model-management call failed; `kind` says why, `message` says it in plain words. */
export class OllamaManagerError extends Error {
  readonly kind: OllamaManagerErrorKind;
  readonly status: number | undefined;

  constructor(kind: OllamaManagerErrorKind, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'OllamaManagerError';
    this.kind = kind;
    this.status = options.status;
  }
}

/** What Ollama streams on `/api/pull` for a name its registry does not have. */
const UNKNOWN_MANIFEST = /file does not exist|manifest unknown/i;

export interface ManagerFailureContext {
  baseUrl: string;
  /** The model the call was about, if any. */
  model: string | undefined;
  lastResponse: LastResponse;
  stopped: DeadlineReason | undefined;
  isPull: boolean;
}

/** Maps anything a management call threw to an `OllamaManagerError`. */
export function toManagerError(error: unknown, context: ManagerFailureContext): OllamaManagerError {
  if (error instanceof OllamaManagerError) return error;
  const model = context.model ?? 'the model';
  const status = context.lastResponse.status;
  if (context.stopped === 'cancelled')
    return new OllamaManagerError('cancelled', `Stopped: ${model} was cancelled.`, { cause: error });
  if (context.stopped !== undefined || hasCause(error, (cause) => cause instanceof HttpTimeoutError)) {
    return new OllamaManagerError('timeout', `Ollama at ${context.baseUrl} stopped answering about ${model}.`, {
      cause: error,
    });
  }
  if (hasCause(error, (cause) => cause instanceof HttpNetworkError && cause.systemCode === 'ECONNREFUSED')) {
    return new OllamaManagerError(
      'not_running',
      `Ollama is not running at ${context.baseUrl}: start it with \`ollama serve\`.`,
      { cause: error },
    );
  }
  const text = error instanceof Error ? error.message : String(error);
  if (context.isPull && UNKNOWN_MANIFEST.test(text)) {
    const message = `Ollama's library has no model named "${model}". Check the name and tag on ollama.com/library (for example llama3.2:3b).`;
    return new OllamaManagerError('unknown_model', message, { status, cause: error });
  }
  if (status === 404)
    return new OllamaManagerError('not_installed', `${model} is not installed in Ollama at ${context.baseUrl}.`, {
      status,
      cause: error,
    });
  return new OllamaManagerError(
    'failed',
    `Ollama at ${context.baseUrl} failed (${status === undefined ? '' : `${status}: `}${text}).`,
    { status, cause: error },
  );
}

function hasCause(error: unknown, test: (cause: unknown) => boolean): boolean {
  for (let current = error, depth = 0; current instanceof Object && depth < 6; depth++) {
    if (test(current)) return true;
    current = 'cause' in current ? current.cause : undefined;
  }
  return false;
}
