/**
 * The one way Plume's Ollama code reaches Ollama: our HTTP client (`@plume/http`), handed to the
 * `ollama` and `ai-sdk-ollama` clients as their `fetch`. Ollama usually listens on loopback, which
 * the SSRF guard blocks, so the client allows exactly the configured Ollama host and nothing else.
 */
import { createHttpClient } from '@plume/http/http-client';
import type { HttpClient } from '@plume/http/http-client';
import { parseRetryAfter } from '@plume/http/retry-after';

/** Where `ollama serve` listens by default. */
export const DEFAULT_OLLAMA_URL = 'http://127.0.0.1:11434';

/** The `fetch` shape the `ollama` and `ai-sdk-ollama` clients accept. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * An HTTP client that may reach `baseUrl`'s host even when it is private (loopback, LAN).
 * Retries are off: the gateway decides on fallback, and generations are not idempotent.
 * @example createOllamaHttpClient('http://127.0.0.1:11434')
 */
export function createOllamaHttpClient(baseUrl: string): HttpClient {
  const host = new URL(baseUrl).hostname.replace(/^\[(.*)\]$/, '$1');
  return createHttpClient({ retries: 0, allowPrivateHosts: [host] });
}

/** Status and `Retry-After` of the last response, which the `ollama` client does not pass on. */
export interface LastResponse {
  status: number | undefined;
  retryAfterMs: number | undefined;
}

export interface OllamaFetchOptions {
  /** Aborts every request of the call (the `ollama` client ignores the SDK's signal on streams). */
  signal?: AbortSignal;
  /** Budget of one request, body included: set it to the whole call's deadline when streaming. */
  timeoutMs: number;
  /** Filled with each response's status, for error mapping. */
  lastResponse?: LastResponse;
}

/** A fetch-like function over our HTTP client for the SDK clients. */
export function createOllamaFetch(http: HttpClient, options: OllamaFetchOptions): FetchLike {
  return async (input, init = {}) => {
    const url = input instanceof Request ? input.url : input;
    const signals = [init.signal, options.signal].filter(
      (signal): signal is AbortSignal => signal !== undefined && signal !== null,
    );
    const signal = signals.length === 0 ? undefined : AbortSignal.any(signals);
    const response = await http.request(url, { ...init, signal, timeoutMs: options.timeoutMs, retries: 0 });
    if (options.lastResponse !== undefined) {
      options.lastResponse.status = response.status;
      options.lastResponse.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    }
    return response;
  };
}
