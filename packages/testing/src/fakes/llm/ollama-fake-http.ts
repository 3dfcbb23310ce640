/**
 * The HTTP plumbing of the Ollama fake: JSON answers, NDJSON streams that can be slowed or cut
 * mid-way, and request bodies. Kept on raw `node:http` so the fake controls every byte and pause.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRecord } from './ollama-fake-answers.ts';

/** What one streamed answer must do besides writing lines. */
export interface StreamControl {
  chunkDelayMs: number;
  /** Destroy the connection after this many lines (undefined: never). */
  dropAfterChunks: number | undefined;
}

const NDJSON = { 'content-type': 'application/x-ndjson' };

/**
 * Writes NDJSON lines, pausing between them and cutting the connection when asked.
 * Returns true when every line was written.
 */
export async function streamLines(
  res: ServerResponse,
  lines: readonly Record<string, unknown>[],
  control: StreamControl,
): Promise<boolean> {
  const { chunkDelayMs, dropAfterChunks } = control;
  if (chunkDelayMs === 0 && dropAfterChunks === undefined) {
    res.writeHead(200, NDJSON).end(lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    return true;
  }
  res.writeHead(200, NDJSON).flushHeaders();
  for (const [index, line] of lines.entries()) {
    if (index === dropAfterChunks) {
      res.socket?.destroy();
      return false;
    }
    if (index > 0 && chunkDelayMs > 0) await sleep(chunkDelayMs);
    if (res.destroyed) return false;
    // Wait until the line is handed to the socket, so a drop after it really is mid-stream.
    await new Promise((resolve) => res.write(JSON.stringify(line) + '\n', resolve));
  }
  res.end();
  return true;
}

/** Sends `body` as JSON; a string is sent as it is (to inject bodies that are not JSON). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    .end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Reads the whole request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parses a JSON object body; anything else is undefined. */
export function parseJson(raw: Buffer): Record<string, unknown> | undefined {
  if (raw.length === 0) return undefined;
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
