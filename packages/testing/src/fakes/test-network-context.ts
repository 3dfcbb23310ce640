/**
 * A NetworkContext for adapter tests: the real guarded HTTP client, allowed to reach loopback fakes
 * only, with retries and in-process Retry-After waits off so typed errors surface at once.
 */
import { createHttpClient } from '@plume/http/http-client';
import type { NetworkContext } from '@plume/networks/contract';

export function createTestNetworkContext(
  endpoints: Record<string, string>,
  options: { app?: { clientId: string; clientSecret: string }; now?: () => Date; timeoutMs?: number } = {},
): NetworkContext {
  return {
    http: createHttpClient({
      allowPrivateHosts: ['127.0.0.1'],
      retries: 0,
      maxRetryAfterMs: 0,
      timeoutMs: options.timeoutMs ?? 5000,
    }),
    endpoints,
    ...(options.app === undefined ? {} : { app: options.app }),
    now: options.now ?? (() => new Date()),
  };
}
