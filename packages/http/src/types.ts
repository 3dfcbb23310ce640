/**
 * Shared types of the HTTP client. Kept apart so the guard, the redirect follower and the
 * client can depend on them without depending on each other.
 */

/** The logger subset we need; a pino logger satisfies it, so no logging dependency is forced. */
export interface HttpLogger {
  debug(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

/** One resolved address, the shape `dns.promises.lookup(host, { all: true })` returns. */
export interface LookupAddress {
  address: string;
  family: number;
}

/** Resolves a hostname to every address a connection might use; injectable for tests. */
export type LookupFn = (hostname: string) => Promise<readonly LookupAddress[]>;

/** Who may be reached besides the public internet. */
export interface SsrfPolicy {
  /** Hostnames, IPs or CIDRs that may be private, e.g. `['localhost', '10.0.0.0/8']`. */
  allowPrivateHosts?: readonly string[];
  /** Disables the private-address check (schemes are still enforced). For trusted setups only. */
  allowAllPrivate?: boolean;
  /** DNS resolution; defaults to `node:dns/promises` lookup with `all: true`. */
  lookup?: LookupFn;
}

/** Options of `createHttpClient`; every field has a safe default. */
export interface HttpClientOptions extends SsrfPolicy {
  /** Budget of one attempt, redirects and body included. Default 15000. */
  timeoutMs?: number;
  /** Extra attempts for idempotent requests. Default 2 (so at most 3 attempts). */
  retries?: number;
  /** First backoff ceiling; doubles per attempt (full jitter). Default 200. */
  backoffBaseMs?: number;
  /** Largest backoff ceiling. Default 5000. */
  backoffMaxMs?: number;
  /** Longest `Retry-After` we wait in-process; above it we return at once. Default 60000. */
  maxRetryAfterMs?: number;
  /** Redirect hops followed per attempt. Default 5. */
  maxRedirects?: number;
  /** Receives one debug line per attempt and a warning per retry. Default: silent. */
  logger?: HttpLogger;
  /** Sent unless the request sets its own `User-Agent`. Default `Plume/0.1`. */
  userAgent?: string;
}

/** `fetch` options plus per-request overrides of the client's retry and timeout policy. */
export interface HttpRequestInit extends RequestInit {
  /** Allow retries for a non-idempotent method, e.g. a POST keyed by an idempotency key. */
  idempotent?: boolean;
  /** Overrides the client's `timeoutMs` for this request (e.g. slow model calls). */
  timeoutMs?: number;
  /** Overrides the client's `retries` for this request. */
  retries?: number;
}
