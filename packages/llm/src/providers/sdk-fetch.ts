/**
 * The `fetch` handed to the AI SDK providers, so model calls go through `@plume/http` (SSRF guard,
 * redacted logs) like every other outbound request.
 */
import type { HttpClient } from '@plume/http/http-client';

/**
 * The HTTP client's own per-attempt budget also bounds reading the body, so a long stream would be
 * cut at its default 15 s; model calls get a generous ceiling here and their real deadline
 * (`timeoutMs`, `idleTimeoutMs`) from `generateWithSdk`.
 */
const MODEL_HTTP_CEILING_MS = 600_000;

/** A fetch-compatible function over `http`. Retries are off: the router decides on fallbacks. */
export function createSdkFetch(http: HttpClient): typeof globalThis.fetch {
  return (input, init) => {
    const url = input instanceof Request ? input.url : input;
    return http.request(url, { ...init, retries: 0, timeoutMs: MODEL_HTTP_CEILING_MS });
  };
}
