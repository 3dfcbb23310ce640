/**
 * Wraps an HttpClient for contract tests against Prism: records each exchange with Prism's
 * `sl-violations`, can add a `Prefer` header (e.g. `dynamic=true` for schema-generated answers), and
 * can rewrite Prism's invented answers where a later request must carry a valid id (Prism stores
 * nothing and answers `"id": "string"`, which the next call's path pattern would then refuse).
 */
import { createJsonMethods } from '@plume/http/json-requests';
import type { HttpClient } from '@plume/http/http-client';
import type { HttpRequestInit } from '@plume/http/types';

export interface PrismViolation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

export interface PrismExchange {
  method: string;
  url: URL;
  status: number;
  violations: PrismViolation[];
}

export interface PrismRecorderOptions {
  /** Sent as `Prefer` (Prism: `code=…`, `example=…`, `dynamic=true`), on every request or as a function chooses. */
  prefer?: string | ((method: string, url: URL) => string | undefined);
  /** Replaces a JSON answer's body before the adapter sees it. */
  rewrite?: (url: URL, body: unknown) => unknown;
}

/** Violations Prism found in our request (the ones in its own invented answers do not count). */
export function requestViolations(exchange: PrismExchange): PrismViolation[] {
  return exchange.violations.filter((violation) => violation.location[0] === 'request');
}

/** One line per exchange, with the request violations: for failure messages. */
export function describeExchanges(exchanges: readonly PrismExchange[]): string {
  return exchanges
    .map((exchange) => {
      const problems = requestViolations(exchange).map(
        (violation) => `\n    ${violation.location.join('.')}: ${violation.message}`,
      );
      return `${exchange.method} ${exchange.url.pathname}${exchange.url.search} → ${exchange.status}${problems.join('')}`;
    })
    .join('\n');
}

function parseViolations(header: string | null): PrismViolation[] {
  if (header === null) return [];
  try {
    return JSON.parse(header) as PrismViolation[];
  } catch {
    return [{ location: ['unknown'], severity: 'Error', code: 'unparsed', message: header }];
  }
}

/** Returns a client that records what Prism said about every request it sends. */
export function recordPrismExchanges(
  inner: HttpClient,
  options: PrismRecorderOptions = {},
): { http: HttpClient; exchanges: PrismExchange[] } {
  const exchanges: PrismExchange[] = [];
  const request = async (input: string | URL, init: HttpRequestInit = {}): Promise<Response> => {
    const url = new URL(input);
    const headers = new Headers(init.headers);
    const prefer =
      typeof options.prefer === 'function' ? options.prefer((init.method ?? 'GET').toUpperCase(), url) : options.prefer;
    if (prefer !== undefined) headers.set('prefer', prefer);
    const response = await inner.request(url, { ...init, headers });
    exchanges.push({
      method: (init.method ?? 'GET').toUpperCase(),
      url,
      status: response.status,
      violations: parseViolations(response.headers.get('sl-violations')),
    });
    const rewrite = options.rewrite;
    if (rewrite === undefined || !response.ok || !response.headers.get('content-type')?.includes('json'))
      return response;
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return new Response(text, { status: response.status, headers: response.headers });
    }
    const rewritten = new Headers(response.headers);
    rewritten.delete('content-length');
    return new Response(JSON.stringify(rewrite(url, body)), { status: response.status, headers: rewritten });
  };
  return { http: { request, ...createJsonMethods(request, 15_000) }, exchanges };
}
