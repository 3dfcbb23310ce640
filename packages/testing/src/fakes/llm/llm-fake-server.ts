/**
 * The base of the cloud LLM fakes (OpenAI-compatible, Anthropic): a real HTTP server on loopback that
 * records every request and can be told to misbehave the way model APIs do — injected statuses
 * (429 + Retry-After, 5xx, 529), a slow first byte, slow streams, dropped connections, broken bodies.
 * Each vendor fake only turns a parsed request into its own wire format (see `openai-fake.ts`).
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { countTokens, sleep } from './sse.ts';
import { listenOnLoopback } from '../../listen-loopback.ts';

/** One request as the fake received it. */
export interface LlmFakeRequest {
  method: string;
  /** Path without the query string, e.g. `/openai/v1/chat/completions`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when absent or not JSON). */
  body: unknown;
  /** When the request's headers arrived (Date.now()). */
  receivedAt: number;
}

/** A model the fake serves, with the context window its "too long" check uses. */
export interface LlmFakeModel {
  id: string;
  contextWindow: number;
}

/** What a vendor handler sees: the request plus the fake's current script. */
export interface LlmFakeContext {
  models: readonly LlmFakeModel[];
  answer: (prompt: FakePrompt) => string;
  chunkDelayMs: number;
  /** True once the current request was marked to get an unparsable body. */
  malformed: boolean;
}

/** The vendor-neutral view of a chat request given to the answer script. */
export interface FakePrompt {
  model: string;
  system: string;
  messages: readonly { role: string; content: string }[];
  /** The request asked for a JSON object (OpenAI `response_format`). */
  json: boolean;
}

export type LlmFakeHandler = (request: LlmFakeRequest, res: ServerResponse, context: LlmFakeContext) => Promise<void>;

/** A canned answer for the next request(s), e.g. 429 with `Retry-After`. */
export interface InjectedReply {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; defaults to the vendor's error body for the status. */
  body?: unknown;
  /** How many requests get it (default 1). */
  times?: number;
}

/** The switches every LLM fake offers to tests. */
export interface LlmFakeControls {
  url: string;
  requests: LlmFakeRequest[];
  failNext(reply: InjectedReply): void;
  /** The next `times` requests are read, then their connection is destroyed without an answer. */
  dropNext(times?: number): void;
  /** The next request gets a 200 whose body (or stream chunk) is not valid JSON. */
  malformNext(): void;
  /** Every answer waits this long before its first byte (0 to stop). */
  setFirstByteDelay(ms: number): void;
  /** Streamed answers wait this long between chunks (0 to stop). */
  setChunkDelay(ms: number): void;
  setModels(models: readonly LlmFakeModel[]): void;
  /** Scripts the answer text; `undefined` restores the deterministic default. */
  answerWith(answer: ((prompt: FakePrompt) => string) | undefined): void;
  reset(): void;
  close(): Promise<void>;
}

interface Pending {
  remaining: number;
  apply: (res: ServerResponse, context: LlmFakeContext) => boolean;
}

/** Deterministic default: echoes the last user message, as a JSON object when JSON was asked for. */
export function defaultAnswer(prompt: FakePrompt): string {
  const last = prompt.messages.at(-1)?.content ?? '';
  const text = `Fake ${prompt.model} answer to: ${last.split(/\s+/).slice(0, 12).join(' ')}`;
  return prompt.json ? JSON.stringify({ text }) : text;
}

/** Input tokens of a prompt, counted as words so tests can predict them. */
export function promptTokens(prompt: FakePrompt): number {
  return countTokens(prompt.system) + prompt.messages.reduce((sum, message) => sum + countTokens(message.content), 0);
}

/**
 * Starts a fake on 127.0.0.1 (OS-chosen port). `errorBody(status)` builds the vendor's error body
 * for injected failures that do not bring their own.
 */
export async function startLlmFakeServer(options: {
  handler: LlmFakeHandler;
  models: readonly LlmFakeModel[];
  errorBody: (status: number) => unknown;
}): Promise<LlmFakeControls> {
  const requests: LlmFakeRequest[] = [];
  let pending: Pending[] = [];
  let firstByteDelayMs = 0;
  const context: LlmFakeContext = { models: options.models, answer: defaultAnswer, chunkDelayMs: 0, malformed: false };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `fake crashed: ${String(error)}` } }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const raw = await readBody(req);
    const request: LlmFakeRequest = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://fake.invalid').pathname,
      headers: req.headers,
      body: parseJson(raw),
      receivedAt,
    };
    requests.push(request);
    const injection = pending.find((candidate) => candidate.remaining > 0);
    if (injection !== undefined) {
      injection.remaining -= 1;
      pending = pending.filter((candidate) => candidate.remaining > 0);
    }
    if (firstByteDelayMs > 0) await sleep(firstByteDelayMs, res);
    if (res.destroyed) return;
    const callContext = { ...context, malformed: false };
    if (injection?.apply(res, callContext) === true) return;
    await options.handler(request, res, callContext);
  }

  const address = await listenOnLoopback(server);

  return {
    url: address.url,
    requests,
    failNext(reply) {
      pending.push({
        remaining: reply.times ?? 1,
        apply: (res) => {
          const body = reply.body ?? options.errorBody(reply.status);
          const text = typeof body === 'string' ? body : JSON.stringify(body);
          res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
          res.end(text);
          return true;
        },
      });
    },
    dropNext(times = 1) {
      pending.push({
        remaining: times,
        apply: (res) => {
          res.socket?.destroy();
          return true;
        },
      });
    },
    malformNext() {
      pending.push({
        remaining: 1,
        apply: (_res, callContext) => {
          callContext.malformed = true;
          return false;
        },
      });
    },
    setFirstByteDelay(ms) {
      firstByteDelayMs = ms;
    },
    setChunkDelay(ms) {
      context.chunkDelayMs = ms;
    },
    setModels(models) {
      context.models = models;
    },
    answerWith(answer) {
      context.answer = answer ?? defaultAnswer;
    },
    reset() {
      requests.length = 0;
      pending = [];
      firstByteDelayMs = 0;
      Object.assign(context, { models: options.models, answer: defaultAnswer, chunkDelayMs: 0 });
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

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}
