/**
 * The base of every network fake: a real HTTP server on loopback with declared routes, a record of
 * every request, and switches to inject the failures networks really produce (401, 429 + Retry-After,
 * 5xx, malformed bodies, slow answers, connections dropped after the request was read).
 *
 * Each network's fake (`fakes/<network>.ts`) declares its routes after the vendor's documentation and
 * keeps whatever state the vendor would (posts, media, tokens) so tests can read back what was sent.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback } from '../listen-loopback.ts';

export interface FakeRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  rawBody: Buffer;
  /** Parsed body: JSON object, form fields as an object, or undefined for other content. */
  body: unknown;
  /** `Bearer` token from the Authorization header, if any. */
  bearer: string | undefined;
  /** Parses a multipart/form-data (or urlencoded) body, files included. */
  formData(): Promise<FormData>;
  /** When the request's headers arrived (Date.now()), before the body was read; benchmarks measure lateness with it. */
  receivedAt: number;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings and Buffers as they are. */
  body?: unknown;
}

export type FakeHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface FakeRoute {
  method: string;
  /** `/2/tweets/:id` style; `*` at the end matches the rest of the path. */
  path: string;
  handler: FakeHandler;
}

export interface InjectedFailure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests get it (default 1). */
  times?: number;
  /** Only requests this predicate accepts (default: all). */
  match?: (request: FakeRequest) => boolean;
}

export interface FakeNetworkServer {
  url: string;
  port: number;
  requests: FakeRequest[];
  /** Requests no route matched: a test that sees any is calling the wrong address. */
  unhandled: FakeRequest[];
  /** The next matching request(s) get this answer instead of the route's. */
  failNext(failure: InjectedFailure): void;
  /** The next matching request is read and handled, then its connection is destroyed without an answer. */
  dropNext(options?: { match?: (request: FakeRequest) => boolean; handle?: boolean }): void;
  /** Answers a matching request with a 2xx body that is not valid JSON. */
  malformNext(options?: { match?: (request: FakeRequest) => boolean; status?: number }): void;
  /** Every answer waits this long first (0 to stop). */
  setDelay(ms: number): void;
  /** Clears recorded requests and pending injections. */
  reset(): void;
  close(): Promise<void>;
}

interface PendingInjection {
  match: (request: FakeRequest) => boolean;
  remaining: number;
  apply: (request: FakeRequest, route: FakeRoute | undefined, res: ServerResponse) => Promise<void>;
}

const always = (): boolean => true;

/** Starts a fake on 127.0.0.1 (or `options.host`, another loopback address) with an OS-chosen port. */
export async function startFakeNetworkServer(
  routes: readonly FakeRoute[],
  options: { host?: string } = {},
): Promise<FakeNetworkServer> {
  const requests: FakeRequest[] = [];
  const unhandled: FakeRequest[] = [];
  let injections: PendingInjection[] = [];
  let delayMs = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'fake_crashed', message: String(error) }));
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const matched = findRoute(routes, req.method ?? 'GET', url.pathname);
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      params: matched?.params ?? {},
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      body: parseBody(rawBody, req.headers['content-type']),
      bearer: /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1],
      formData: () =>
        new Response(new Uint8Array(rawBody), {
          headers: { 'content-type': req.headers['content-type'] ?? '' },
        }).formData(),
      receivedAt,
    };
    requests.push(request);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));

    const injection = injections.find((candidate) => candidate.remaining > 0 && candidate.match(request));
    if (injection !== undefined) {
      injection.remaining -= 1;
      injections = injections.filter((candidate) => candidate.remaining > 0);
      await injection.apply(request, matched?.route, res);
      return;
    }
    if (matched === undefined) {
      unhandled.push(request);
      writeResponse(res, {
        status: 404,
        body: { error: 'not_found', message: `The fake has no route ${request.method} ${request.path}` },
      });
      return;
    }
    writeResponse(res, await matched.route.handler(request));
  }

  const address = await listenOnLoopback(server, options.host);

  return {
    url: address.url,
    port: address.port,
    requests,
    unhandled,
    failNext(failure) {
      injections.push({
        match: failure.match ?? always,
        remaining: failure.times ?? 1,
        apply: async (_request, _route, res) => {
          writeResponse(res, {
            status: failure.status,
            headers: failure.headers,
            body: failure.body ?? { error: `injected ${failure.status}` },
          });
        },
      });
    },
    dropNext(options = {}) {
      injections.push({
        match: options.match ?? always,
        remaining: 1,
        apply: async (request, route, res) => {
          // By default the request takes effect (the network stored the post) before the connection dies.
          if ((options.handle ?? true) && route !== undefined) await route.handler(request);
          res.socket?.destroy();
        },
      });
    },
    malformNext(options = {}) {
      injections.push({
        match: options.match ?? always,
        remaining: 1,
        apply: async (request, route, res) => {
          if (route !== undefined) await route.handler(request);
          res.writeHead(options.status ?? 200, { 'content-type': 'application/json' });
          res.end('{"this is": not json');
        },
      });
    },
    setDelay(ms) {
      delayMs = ms;
    },
    reset() {
      requests.length = 0;
      unhandled.length = 0;
      injections = [];
      delayMs = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

function findRoute(
  routes: readonly FakeRoute[],
  method: string,
  pathname: string,
): { route: FakeRoute; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method.toUpperCase() !== method.toUpperCase()) continue;
    const params = matchPath(route.path, pathname);
    if (params !== undefined) return { route, params };
  }
  return undefined;
}

function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = pathname.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    if (part === '*') {
      params['*'] = pathParts.slice(index).join('/');
      return params;
    }
    const actual = pathParts[index];
    if (actual === undefined) return undefined;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return undefined;
  }
  return pathParts.length === patternParts.length ? params : undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json' || type?.endsWith('+json') === true) {
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      return undefined;
    }
  }
  if (type === 'application/x-www-form-urlencoded')
    return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  return undefined;
}

function writeResponse(res: ServerResponse, response: FakeResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload: string | Buffer = '';
  if (Buffer.isBuffer(response.body) || typeof response.body === 'string') {
    payload = response.body;
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(response.status ?? 200, headers);
  res.end(payload);
}
