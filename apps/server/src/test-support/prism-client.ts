/**
 * A client for the Prism proxy conformance test: sends a request through `prism proxy` and keeps what
 * Prism said about it (its `sl-violations` header), so the test can fail on any answer that breaks
 * the OpenAPI document. A request the test breaks on purpose (wrong type, no credentials) is marked
 * `breaksRequest`: Prism's complaints about the request itself are expected then, never about the answer.
 */
import { createHttpClient } from '@plume/http/http-client';

export type PrismViolation = { location: string[]; severity: string; code: string | number; message: string };
export type PrismCall = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** A body sent as it is, with `contentType`. */
  raw?: string;
  contentType?: string;
  token?: string;
  headers?: Record<string, string>;
  breaksRequest?: boolean;
};
export type PrismAnswer = { status: number; body: unknown; headers: Headers };
type Exchange = { label: string; violations: PrismViolation[]; breaksRequest: boolean };

function parseViolations(header: string | null): PrismViolation[] {
  if (header === null) return [];
  try {
    return JSON.parse(header) as PrismViolation[];
  } catch {
    return [{ location: ['response'], severity: 'Error', code: 'unparsed', message: header }];
  }
}

function parseBody(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

export function createPrismClient(prismUrl: string) {
  const exchanges: Exchange[] = [];
  // No retries: a 429 or a 5xx is an answer to check, not a reason to ask again.
  const http = createHttpClient({
    allowPrivateHosts: ['127.0.0.1'],
    retries: 0,
    maxRetryAfterMs: 0,
    timeoutMs: 30_000,
  });
  return {
    call: async (request: PrismCall): Promise<PrismAnswer> => {
      // Prism forwards a cookie header, so Plume (and better-auth) treat each call as a browser's and want
      // to know where it came from: say Plume's own address, as its web app's requests do.
      const headers: Record<string, string> = { origin: 'http://localhost:3000', ...request.headers };
      if (request.token !== undefined) headers['authorization'] = `Bearer ${request.token}`;
      let body: string | undefined;
      if (request.raw !== undefined) body = request.raw;
      else if (request.body !== undefined) body = JSON.stringify(request.body);
      if (body !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
      const response = await http.request(`${prismUrl}${request.path}`, {
        method: request.method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      const answer = { status: response.status, body: parseBody(await response.text()), headers: response.headers };
      exchanges.push({
        label: `${request.method} ${request.path} → ${response.status}`,
        violations: parseViolations(response.headers.get('sl-violations')),
        breaksRequest: request.breaksRequest === true,
      });
      return answer;
    },
    /** What broke the document since the last call, one line each (empty when everything conformed); then forgets. */
    takeViolations: (): string[] => {
      const found = exchanges.flatMap((exchange) =>
        exchange.violations
          .filter((violation) => !(exchange.breaksRequest && violation.location[0] === 'request'))
          .map(
            (violation) =>
              `${exchange.label}: ${violation.location.join('.')} ${violation.message} (${violation.severity})`,
          ),
      );
      exchanges.length = 0;
      return found;
    },
  };
}
