/**
 * Typed errors every network operation throws instead of raw HTTP failures. The network adapter decides
 * which one a response means (status, vendor error code); the publishing engine only looks at `kind`,
 * never at response text.
 */
export type ProviderErrorKind = 'auth_expired' | 'rate_limited' | 'retryable' | 'permanent';

type ProviderErrorOptions = { cause?: unknown };

/** Base class; `kind` is stable and safe to store and match on. */
export abstract class ProviderError extends Error {
  abstract readonly kind: ProviderErrorKind;
}

/**
 * The access token was rejected or expired. The engine refreshes the token once and retries; if the
 * refresh fails the account is disconnected and the user is told to reconnect.
 */
export class AuthExpired extends ProviderError {
  readonly kind = 'auth_expired';

  constructor(message = 'The network rejected the access token.', options: ProviderErrorOptions = {}) {
    super(message, options);
    this.name = 'AuthExpired';
  }
}

/**
 * The network said "too many requests". The engine waits `retryAfterMs` before trying again; `scope`
 * says whether only this account is throttled or the whole app (then every account on it waits).
 */
export class RateLimited extends ProviderError {
  readonly kind = 'rate_limited';
  readonly retryAfterMs: number;
  readonly scope: 'account' | 'app';

  constructor(retryAfterMs: number, scope: 'account' | 'app', options: ProviderErrorOptions = {}) {
    super(`Rate limited (${scope}); retry after ${retryAfterMs} ms.`, options);
    this.name = 'RateLimited';
    this.retryAfterMs = retryAfterMs;
    this.scope = scope;
  }
}

/**
 * A transient failure that happened before the network accepted the request (5xx, timeout on connect).
 * The engine retries with backoff. Throw it only when the post certainly was not created; an unknown
 * outcome must not be retried (it becomes `unconfirmed`).
 */
export class Retryable extends ProviderError {
  readonly kind = 'retryable';
  readonly reason: string;

  constructor(reason: string, options: ProviderErrorOptions = {}) {
    super(reason, options);
    this.name = 'Retryable';
    this.reason = reason;
  }
}

/**
 * The network refused the request for good (text too long, media rejected, account suspended).
 * The engine fails the target and shows `reason`, written in plain words for the user; `vendorCode`
 * keeps the network's own code for support.
 */
export class Permanent extends ProviderError {
  readonly kind = 'permanent';
  readonly reason: string;
  readonly vendorCode: string | undefined;

  constructor(reason: string, options: ProviderErrorOptions & { vendorCode?: string } = {}) {
    super(reason, { cause: options.cause });
    this.name = 'Permanent';
    this.reason = reason;
    this.vendorCode = options.vendorCode;
  }
}

/** The handle names no account the network shows publicly (unknown, deleted, suspended or private). */
export class ProfileNotFound extends Permanent {
  readonly handle: string;

  constructor(handle: string, networkName: string, options: ProviderErrorOptions = {}) {
    super(`${networkName} has no public account "${handle}".`, options);
    this.name = 'ProfileNotFound';
    this.handle = handle;
  }
}

/** The four errors an operation may throw; `switch (error.kind)` narrows to one of them. */
export type AnyProviderError = AuthExpired | RateLimited | Retryable | Permanent;

/** True for any typed provider error; narrow further with `error.kind`. */
export function isProviderError(value: unknown): value is AnyProviderError {
  return value instanceof ProviderError;
}

/**
 * The network accepts an answer to a direct message only within a window after the person's last
 * message (Messenger and Instagram: 24 hours) and that window has closed. Permanent: sending again
 * cannot work until the person writes again.
 */
export class ReplyWindowClosed extends Permanent {
  constructor(reason: string, options: ProviderErrorOptions & { vendorCode?: string } = {}) {
    super(reason, options);
    this.name = 'ReplyWindowClosed';
  }
}
