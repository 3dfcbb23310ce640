/**
 * The contract every LLM provider adapter implements (`providers/<vendor>.ts`). The gateway
 * (router, budgets, ledger, cache) only ever talks to this interface, so a provider is one file that
 * turns a `ModelCall` into the vendor's request (through the Vercel AI SDK) and the vendor's failures
 * into a typed `LlmProviderError` the router can decide on.
 */

// Tasks and provider kinds are API words: they live in the contract, which the web app shares.
import { LLM_TASKS, PROVIDER_KINDS, type LlmTask, type ProviderKind } from '@plume/contract/llm/llm-enums';

export { LLM_TASKS, PROVIDER_KINDS };
export type { LlmTask, ProviderKind };

/** Local providers cost nothing per token; their time is still recorded. */
export const LOCAL_PROVIDER_KINDS: readonly ProviderKind[] = ['ollama', 'openai_compatible'];

export interface ProviderSettings {
  /** Stable id of this configured provider (e.g. `ollama`, `openai`, or a name the admin chose for a custom server). */
  id: string;
  kind: ProviderKind;
  /** API base URL; each adapter has the vendor's default. */
  baseUrl?: string;
  /** Decrypted API key, only in memory, never logged. */
  apiKey?: string;
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
  /** Images the model looks at with the text (vision models: alt text); Ollama gets them as base64 `images`. */
  images?: readonly { bytes: Uint8Array; mimeType: string }[];
}

export interface ModelCall {
  model: string;
  system?: string;
  messages: readonly ChatMessage[];
  /** `json`: the provider is asked for a JSON object (Ollama `format: "json"`, OpenAI `response_format`...). */
  responseFormat?: 'text' | 'json';
  maxOutputTokens?: number;
  temperature?: number;
  /** Ollama: context window to allocate (`options.num_ctx`); always sent on native Ollama calls. */
  numCtx?: number;
  /** Ollama: how long the model stays loaded after the call (`keep_alive`, e.g. "5m"). */
  keepAlive?: string;
  /** Whole-call deadline. Streaming providers also give up when no token arrives for `idleTimeoutMs`. */
  timeoutMs?: number;
  idleTimeoutMs?: number;
  signal?: AbortSignal;
  /** Called with each text delta when the provider streams. */
  onDelta?: (delta: string) => void;
}

export interface ModelAnswer {
  text: string;
  inputTokens: number;
  outputTokens: number;
  /** From the call's start to the whole answer. */
  latencyMs: number;
  /** From the call's start to the first text delta (equal to latencyMs when not streamed). */
  firstTokenMs: number;
  finishReason: 'stop' | 'length' | 'content_filter' | 'other';
  /** The model the vendor says answered (may differ in tag/version from the one asked). */
  model: string;
}

export interface ModelInfo {
  id: string;
  contextWindow?: number;
  /** Bytes on disk (Ollama). */
  sizeBytes?: number;
}

export interface ProviderHealth {
  ok: boolean;
  latencyMs: number;
  /** Plain words for the Models page when not ok ("Ollama is not running at http://127.0.0.1:11434"). */
  reason?: string;
  models?: number;
}

export interface LlmProvider {
  readonly id: string;
  readonly kind: ProviderKind;
  generate(call: ModelCall): Promise<ModelAnswer>;
  listModels(signal?: AbortSignal): Promise<ModelInfo[]>;
  /** "Test connection": a cheap authenticated call (list models), never a paid generation. */
  health(signal?: AbortSignal): Promise<ProviderHealth>;
}

/**
 * Why a provider call failed. The router falls back to the next candidate on every kind marked
 * `fallback`; the others are the caller's fault and are reported as they are.
 */
export const LLM_ERROR_KINDS = {
  timeout: { fallback: true },
  model_not_found: { fallback: true },
  rate_limited: { fallback: true },
  server_error: { fallback: true },
  connection_refused: { fallback: true },
  context_overflow: { fallback: true },
  auth: { fallback: true },
  bad_request: { fallback: false },
  content_filter: { fallback: false },
  malformed_response: { fallback: true },
  cancelled: { fallback: false },
} as const;
export type LlmErrorKind = keyof typeof LLM_ERROR_KINDS;

export class LlmProviderError extends Error {
  readonly kind: LlmErrorKind;
  readonly providerId: string;
  readonly status: number | undefined;
  /** From `Retry-After` on 429/503, in ms. */
  readonly retryAfterMs: number | undefined;

  constructor(input: {
    kind: LlmErrorKind;
    providerId: string;
    message: string;
    status?: number;
    retryAfterMs?: number;
    cause?: unknown;
  }) {
    super(input.message, { cause: input.cause });
    this.name = 'LlmProviderError';
    this.kind = input.kind;
    this.providerId = input.providerId;
    this.status = input.status;
    this.retryAfterMs = input.retryAfterMs;
  }

  get fallback(): boolean {
    return LLM_ERROR_KINDS[this.kind].fallback;
  }
}
