/**
 * A client that waits less: for calls a person is waiting on (connecting an account), a short time
 * budget and no retries say "cannot reach it" in seconds instead of minutes.
 */
import type { HttpClient } from './http-client.ts';
import { createJsonMethods } from './json-requests.ts';
import type { HttpRequestInit } from './types.ts';

/**
 * Wraps `client` so each request uses `defaults` unless it sets its own.
 * @example const quick = withRequestDefaults(http, { timeoutMs: 10_000, retries: 0 });
 */
export function withRequestDefaults(client: HttpClient, defaults: { timeoutMs: number; retries?: number }): HttpClient {
  const request = (url: string | URL, init: HttpRequestInit = {}): Promise<Response> =>
    client.request(url, {
      timeoutMs: defaults.timeoutMs,
      ...(defaults.retries === undefined ? {} : { retries: defaults.retries }),
      ...init,
    });
  const exchange = client.exchange?.bind(client);
  const withDefaults = <T extends HttpRequestInit>(init: T): T => ({
    timeoutMs: defaults.timeoutMs,
    ...(defaults.retries === undefined ? {} : { retries: defaults.retries }),
    ...init,
  });
  return {
    request,
    ...(exchange === undefined ? {} : { exchange: (url, init = {}) => exchange(url, withDefaults(init)) }),
    ...createJsonMethods(request, defaults.timeoutMs),
  };
}
