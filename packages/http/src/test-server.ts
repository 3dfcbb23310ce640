/**
 * Real loopback HTTP servers for this package's tests: the client is exercised over actual
 * sockets, never a mocked fetch.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { afterEach } from 'vitest';

/** A running server; `requests` records every request it received, in order. */
export interface TestServer {
  url: string;
  port: number;
  requests: IncomingMessage[];
  close(): Promise<void>;
}

/** Starts a server on `host` (default 127.0.0.1), on a port chosen by the OS. */
export async function startTestServer(handler: RequestListener, host = '127.0.0.1'): Promise<TestServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // servers that never answer keep sockets open
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** Returns a `startTestServer` whose servers are closed after each test of the calling file. */
export function useTestServers(): typeof startTestServer {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (handler, host) => {
    const server = await startTestServer(handler, host);
    servers.push(server);
    return server;
  };
}

/** A port on which nothing listens: bind one, then release it. */
export async function findClosedPort(): Promise<number> {
  const server = await startTestServer(() => undefined);
  await server.close();
  return server.port;
}

/** Writes a JSON response. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A handler that always answers with the same JSON. */
export function replyJson(status: number, body: unknown, headers: Record<string, string> = {}): RequestListener {
  return (_req, res) => {
    sendJson(res, status, body, headers);
  };
}
