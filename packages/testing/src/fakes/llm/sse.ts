/**
 * Wire helpers shared by the LLM fakes: deterministic token counts, JSON answers and
 * Server-Sent Events (https://html.spec.whatwg.org/multipage/server-sent-events.html) written with
 * an optional pause between events, stopping as soon as the client goes away.
 */
import type { ServerResponse } from 'node:http';

/** Tokens are words here, so tests and benchmarks can predict usage exactly. */
export function countTokens(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Splits an answer into streamed pieces (one word with its following space each), keeping every character. */
export function splitIntoChunks(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** The first `maxTokens` words of `text` (all of it when undefined). */
export function truncateToTokens(text: string, maxTokens: number | undefined): { text: string; truncated: boolean } {
  const chunks = splitIntoChunks(text);
  if (maxTokens === undefined || countTokens(text) <= maxTokens) return { text, truncated: false };
  return { text: chunks.slice(0, maxTokens).join('').trimEnd(), truncated: true };
}

/** Waits `ms`, or less if the client disconnects meanwhile. */
export function sleep(ms: number, res?: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      res?.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res?.once('close', done);
  });
}

/** Sends a JSON body (strings are sent as they are, for deliberately broken bodies). */
export function writeJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** One SSE event: `data` objects are serialised, strings (e.g. `[DONE]`) sent raw. */
export interface SseEvent {
  event?: string;
  data: unknown;
}

/** Streams `events` as `text/event-stream`, pausing `delayMs` between them. */
export async function writeSse(res: ServerResponse, events: readonly SseEvent[], delayMs: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  // Without pauses the whole stream goes out in one write: benchmarks measure the code under test, not the fake.
  if (delayMs <= 0) {
    res.end(events.map(formatEvent).join(''));
    return;
  }
  for (const [index, item] of events.entries()) {
    if (res.destroyed) return;
    if (index > 0) await sleep(delayMs, res);
    res.write(formatEvent(item));
  }
  res.end();
}

function formatEvent(item: SseEvent): string {
  const data = typeof item.data === 'string' ? item.data : JSON.stringify(item.data);
  return item.event === undefined ? `data: ${data}\n\n` : `event: ${item.event}\ndata: ${data}\n\n`;
}
