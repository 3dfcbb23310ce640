/**
 * The base of the image/video vendor fakes (Stability, Google, AUTOMATIC1111, ComfyUI): a real HTTP
 * server on loopback that records every request (raw body, JSON, or multipart form) and can be told
 * to misbehave the way media APIs do: injected statuses (429 + Retry-After, 5xx, 401), a slow answer,
 * a dropped connection. Each vendor file only turns a request into its own wire format.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../listen-loopback.ts';

/** One request as the fake received it. */
export interface MediaFakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  /** Parsed JSON body (undefined when absent or not JSON). */
  json: unknown;
  /** Parsed multipart/form-data body (undefined otherwise). */
  form: FormData | undefined;
}

export type MediaFakeHandler = (request: MediaFakeRequest, res: ServerResponse) => Promise<void>;

/** A canned answer for the next request(s). */
export interface MediaInjectedReply {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; defaults to the vendor's error body for the status. */
  body?: unknown;
  /** How many requests get it (default 1). */
  times?: number;
  /** Only requests whose path contains this get it (default: any). */
  pathIncludes?: string;
}

/** The switches every media fake offers to tests. */
export interface MediaFakeControls {
  url: string;
  requests: MediaFakeRequest[];
  failNext(reply: MediaInjectedReply): void;
  /** The next request is read, then its connection destroyed without an answer. */
  dropNext(): void;
  /** Every answer waits this long before its first byte (0 to stop). */
  setDelay(ms: number): void;
  reset(): void;
  close(): Promise<void>;
}

interface Pending {
  remaining: number;
  pathIncludes: string | undefined;
  apply: (res: ServerResponse) => void;
}

/** Writes a JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/**
 * Starts a fake on 127.0.0.1. `errorBody(status)` builds the vendor's error body for injected
 * failures; `onReset` clears the vendor's own state.
 */
export async function startMediaFakeServer(options: {
  handler: MediaFakeHandler;
  errorBody: (status: number) => unknown;
  onReset?: () => void;
}): Promise<MediaFakeControls> {
  const requests: MediaFakeRequest[] = [];
  let pending: Pending[] = [];
  let delayMs = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `fake crashed: ${String(error)}` }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await readRequest(req);
    // A request its client gave up on while it was being read gets no answer and uses no injection
    // (one turn of the event loop lets a close that arrived with the request be seen first).
    await new Promise((resolve) => setImmediate(resolve));
    if (req.socket.destroyed) return;
    requests.push(request);
    const injection = pending.find(
      (candidate) => candidate.pathIncludes === undefined || request.path.includes(candidate.pathIncludes),
    );
    if (injection !== undefined) {
      injection.remaining -= 1;
      pending = pending.filter((candidate) => candidate.remaining > 0);
    }
    if (delayMs > 0) await waitUnlessClosed(delayMs, res);
    if (res.destroyed) return;
    if (injection !== undefined) return injection.apply(res);
    await options.handler(request, res);
  }

  const address = await listenOnLoopback(server);
  return {
    url: address.url,
    requests,
    failNext(reply) {
      pending.push({
        remaining: reply.times ?? 1,
        pathIncludes: reply.pathIncludes,
        apply: (res) => {
          const body = reply.body ?? options.errorBody(reply.status);
          res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
          res.end(typeof body === 'string' ? body : JSON.stringify(body));
        },
      });
    },
    dropNext() {
      pending.push({ remaining: 1, pathIncludes: undefined, apply: (res) => res.socket?.destroy() });
    },
    setDelay(ms) {
      delayMs = ms;
    },
    reset() {
      requests.length = 0;
      pending = [];
      delayMs = 0;
      options.onReset?.();
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

async function readRequest(req: IncomingMessage): Promise<MediaFakeRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const url = new URL(req.url ?? '/', 'http://fake.invalid');
  const type = req.headers['content-type'] ?? '';
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    raw,
    json: type.includes('json') ? parseJson(raw) : undefined,
    form: type.startsWith('multipart/form-data') ? await parseForm(raw, type) : undefined,
  };
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

async function parseForm(raw: Buffer, type: string): Promise<FormData | undefined> {
  try {
    return await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
  } catch {
    return undefined;
  }
}

function waitUnlessClosed(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    res.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
