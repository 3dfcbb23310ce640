import { withRequestDefaults } from '@plume/http/request-defaults';
import type { NetworkContext } from '@plume/networks/contract';

/** How long a call a person waits on (connecting an account) may take before Plume says why it failed. */
export const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The context for calls made while a person waits: each request gives up after 10 s and is not
 * retried, so an unreachable server is reported in seconds, not after minutes of retries.
 */
export function waitBriefly(context: NetworkContext): NetworkContext {
  return { ...context, http: withRequestDefaults(context.http, { timeoutMs: CONNECT_TIMEOUT_MS, retries: 0 }) };
}
