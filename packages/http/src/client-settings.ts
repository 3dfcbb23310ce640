/**
 * Resolves client options into complete settings once, at construction, so a bad value
 * (negative retries, NaN timeout) fails at boot rather than on the first request.
 */
import type { Agent } from 'undici';
import { createGuardedAgent } from './guarded-agent.ts';
import { createSsrfGuard } from './ssrf-guard.ts';
import type { SsrfGuard } from './ssrf-guard.ts';
import type { HttpClientOptions, HttpLogger } from './types.ts';

/** Fully resolved client configuration. */
export interface ClientSettings {
  timeoutMs: number;
  retries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  maxRetryAfterMs: number;
  maxRedirects: number;
  userAgent: string;
  logger: HttpLogger;
  guard: SsrfGuard;
  /** Connection pool whose sockets resolve names through the guard (no DNS rebinding). */
  dispatcher: Agent;
}

const silentLogger: HttpLogger = { debug: () => undefined, warn: () => undefined };

/** Applies defaults and validates numbers; throws TypeError on invalid options. */
export function resolveSettings(options: HttpClientOptions): ClientSettings {
  return {
    timeoutMs: positive('timeoutMs', options.timeoutMs ?? 15_000),
    retries: nonNegativeInteger('retries', options.retries ?? 2),
    backoffBaseMs: nonNegative('backoffBaseMs', options.backoffBaseMs ?? 200),
    backoffMaxMs: nonNegative('backoffMaxMs', options.backoffMaxMs ?? 5_000),
    maxRetryAfterMs: nonNegative('maxRetryAfterMs', options.maxRetryAfterMs ?? 60_000),
    maxRedirects: nonNegativeInteger('maxRedirects', options.maxRedirects ?? 5),
    userAgent: options.userAgent ?? 'Plume/0.1',
    logger: options.logger ?? silentLogger,
    ...guarded(options),
  };
}

function guarded(options: HttpClientOptions): { guard: SsrfGuard; dispatcher: Agent } {
  const guard = createSsrfGuard(options);
  return { guard, dispatcher: createGuardedAgent(guard) };
}

/** Validates a duration that must be above zero, such as a timeout. */
export function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${name} must be a finite number > 0`);
  return value;
}

/** Validates a duration that may be zero, such as a backoff. */
export function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new TypeError(`${name} must be a finite number ≥ 0`);
  return value;
}

/** Validates an integer option such as a retry count. */
export function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new TypeError(`${name} must be an integer ≥ 0`);
  return value;
}
