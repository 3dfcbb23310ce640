/**
 * A webhook receiver on loopback for tests: records every request (headers and raw body) and answers
 * with the status the test sets (`respondWith`), 204 by default.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { listenOnLoopback } from '@plume/testing/listen-loopback';

export type ReceivedWebhook = { headers: Record<string, string>; body: string };

export type WebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  respondWith: (status: number, body?: string) => void;
  close: () => Promise<void>;
};

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
  );
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let answer = { status: 204, body: '' };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: flatten(request.headers), body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = answer.status;
      response.end(answer.body);
    });
  });
  const { url } = await listenOnLoopback(server);
  return {
    url: `${url}/hooks`,
    received,
    respondWith: (status, body = '') => {
      answer = { status, body };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
