/**
 * A fake Ollama server: real HTTP on 127.0.0.1, raw `node:http` so streams can be slowed or cut.
 * Follows Ollama's REST API as documented at https://github.com/ollama/ollama/blob/main/docs/api.md:
 * `/api/chat` and `/api/generate` (NDJSON stream by default, one JSON with `stream: false`),
 * `/api/tags`, `/api/ps`, `/api/show`, `/api/pull` (NDJSON progress), `/api/delete`, `/api/version`.
 *
 * Every request is recorded (method, path, parsed body, time received) so tests can check what was
 * sent (`options.num_ctx`, `keep_alive`, `format`). Switches inject what real servers do: an error
 * status for the next N requests (429 + Retry-After, 5xx), a slow first byte, slow chunks, and a
 * connection dropped mid-stream. Per-request work is one JSON parse and one write when no delay or
 * drop is set, so the fake can serve as a benchmark baseline too.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseJson, readBody, sendJson, streamLines } from './ollama-fake-http.ts';
import type { StreamControl } from './ollama-fake-http.ts';
import { deltaChunk, echoAnswer, finalChunk, isRecord, planAnswer, toPrompt } from './ollama-fake-answers.ts';
import type { FakeOllamaAnswer, FakeOllamaPrompt } from './ollama-fake-answers.ts';
import { DEFAULT_INSTALLED_MODELS, DEFAULT_LIBRARY_MODELS, normalizeModelName } from './ollama-fake-models.ts';
import type { FakeOllamaModel } from './ollama-fake-models.ts';
import { keepAliveMs, psEntry, showBody, tagsEntry } from './ollama-fake-models.ts';
import { pullLines, UNKNOWN_MODEL_PULL_ERROR } from './ollama-fake-pull.ts';
import { listenOnLoopback } from '../../listen-loopback.ts';

export type { FakeOllamaModel } from './ollama-fake-models.ts';
export type { FakeOllamaAnswer, FakeOllamaPrompt } from './ollama-fake-answers.ts';

export interface OllamaFakeOptions {
  /** Installed models (default: llama3.2:3b and qwen2.5:0.5b). */
  installed?: readonly FakeOllamaModel[];
  /** Models `/api/pull` can download (default: a few small ones and one 243 GB model). */
  library?: readonly FakeOllamaModel[];
  /** Scripted answers (default: echo the last user message). */
  answer?: FakeOllamaAnswer;
  /** Reported by `/api/version`. */
  version?: string;
  /** Keep `requests` (default true); a long benchmark turns it off to keep memory flat. */
  recordRequests?: boolean;
}

export interface RecordedOllamaRequest {
  method: string;
  path: string;
  /** Parsed JSON body, or undefined when there was none (or it was not JSON). */
  body: Record<string, unknown> | undefined;
  /** Date.now() when the request's headers arrived. */
  receivedAt: number;
}

/** Which requests an injection applies to: all (default) or one path such as `/api/chat`. */
export interface InjectionTarget {
  path?: string;
  /** How many matching requests get it (default 1). */
  times?: number;
}

export interface OllamaFake {
  url: string;
  port: number;
  requests: RecordedOllamaRequest[];
  /** Installed models by `name:tag`; tests may add or remove entries directly. */
  installed: Map<string, FakeOllamaModel>;
  /** The next matching request(s) get this status and body (objects as JSON, strings as they are) instead of an answer. */
  failNext(failure: InjectionTarget & { status: number; body?: unknown; headers?: Record<string, string> }): void;
  /** The next matching request(s) wait `ms` before any header is sent. */
  delayFirstByte(ms: number, target?: InjectionTarget): void;
  /** Every streamed chunk after the first waits this long (0 to stop). */
  setChunkDelay(ms: number): void;
  /** The next matching stream sends `afterChunks` lines, then its connection is destroyed. */
  dropMidStream(afterChunks: number, target?: InjectionTarget): void;
  setAnswer(answer: FakeOllamaAnswer): void;
  /** Clears recorded requests, injections and delays (installed models stay as they are). */
  reset(): void;
  close(): Promise<void>;
}

interface Injection {
  path: string | undefined;
  remaining: number;
  failure?: { status: number; body: unknown; headers: Record<string, string> };
  firstByteDelayMs?: number;
  dropAfterChunks?: number;
}

/** Starts the fake on 127.0.0.1 with an OS-chosen port. */
export async function startOllamaFake(options: OllamaFakeOptions = {}): Promise<OllamaFake> {
  const installed = new Map(
    (options.installed ?? DEFAULT_INSTALLED_MODELS).map((model) => [normalizeModelName(model.name), model]),
  );
  const library = new Map(
    (options.library ?? DEFAULT_LIBRARY_MODELS).map((model) => [normalizeModelName(model.name), model]),
  );
  const loaded = new Map<string, { expiresAt: Date; contextLength: number }>();
  const modifiedAt = new Date().toISOString();
  const requests: RecordedOllamaRequest[] = [];
  let injections: Injection[] = [];
  let answer = options.answer ?? echoAnswer;
  let chunkDelayMs = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: `fake crashed: ${String(error)}` });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    const body = parseJson(raw);
    if (options.recordRequests !== false) requests.push({ method, path, body, receivedAt });

    const injection = takeInjection(path);
    if (injection?.firstByteDelayMs !== undefined) await sleep(injection.firstByteDelayMs);
    if (injection?.failure !== undefined) {
      sendJson(res, injection.failure.status, injection.failure.body, injection.failure.headers);
      return;
    }
    const control: StreamControl = { chunkDelayMs, dropAfterChunks: injection?.dropAfterChunks };
    await route(method, path, body ?? {}, res, control);
  }

  function takeInjection(path: string): Injection | undefined {
    const injection = injections.find((candidate) => candidate.path === undefined || candidate.path === path);
    if (injection === undefined) return undefined;
    injection.remaining -= 1;
    if (injection.remaining <= 0) injections = injections.filter((candidate) => candidate !== injection);
    return injection;
  }

  async function route(
    method: string,
    path: string,
    body: Record<string, unknown>,
    res: ServerResponse,
    control: StreamControl,
  ): Promise<void> {
    const key = `${method} ${path}`;
    if (key === 'POST /api/chat') return answerPrompt(toPrompt('chat', body), body, res, control);
    if (key === 'POST /api/generate') return answerPrompt(toPrompt('generate', body), body, res, control);
    if (key === 'GET /api/tags')
      return sendJson(res, 200, { models: [...installed.values()].map((model) => tagsEntry(model, modifiedAt)) });
    if (key === 'GET /api/ps') return sendJson(res, 200, { models: runningModels() });
    if (key === 'GET /api/version') return sendJson(res, 200, { version: options.version ?? '0.12.6' });
    if (key === 'POST /api/show') return show(modelName(body), res);
    if (key === 'DELETE /api/delete') return remove(modelName(body), res);
    if (key === 'POST /api/pull') return pull(modelName(body), body['stream'] !== false, res, control);
    sendJson(res, 404, { error: `the Ollama fake has no route ${key}` });
  }

  async function answerPrompt(
    prompt: FakeOllamaPrompt,
    body: Record<string, unknown>,
    res: ServerResponse,
    control: StreamControl,
  ): Promise<void> {
    const name = normalizeModelName(prompt.model);
    const model = installed.get(name);
    if (model === undefined)
      return sendJson(res, 404, { error: `model "${prompt.model}" not found, try pulling it first` });
    const plan = planAnswer(prompt, answer(prompt));
    markLoaded(name, body);
    if (body['stream'] === false)
      return sendJson(res, 200, finalChunk(prompt.endpoint, name, plan, plan.pieces.join('')));
    const lines = plan.pieces.map((piece) => deltaChunk(prompt.endpoint, name, piece));
    lines.push(finalChunk(prompt.endpoint, name, plan, ''));
    await streamLines(res, lines, control);
  }

  function markLoaded(name: string, body: Record<string, unknown>): void {
    const ttl = keepAliveMs(body['keep_alive']);
    const options = isRecord(body['options']) ? body['options'] : {};
    const contextLength = typeof options['num_ctx'] === 'number' ? options['num_ctx'] : 4096;
    if (ttl === 0) loaded.delete(name);
    else loaded.set(name, { expiresAt: new Date(Math.min(Date.now() + ttl, 8.64e15)), contextLength });
  }

  function runningModels(): Record<string, unknown>[] {
    const now = Date.now();
    return [...loaded.entries()].flatMap(([name, state]) => {
      const model = installed.get(name);
      return model === undefined || state.expiresAt.getTime() <= now
        ? []
        : [psEntry(model, state.expiresAt, state.contextLength)];
    });
  }

  function show(name: string, res: ServerResponse): void {
    const model = installed.get(name);
    if (model === undefined) return sendJson(res, 404, { error: `model '${name}' not found` });
    sendJson(res, 200, showBody(model, modifiedAt));
  }

  function remove(name: string, res: ServerResponse): void {
    if (!installed.delete(name)) return sendJson(res, 404, { error: `model '${name}' not found` });
    loaded.delete(name);
    res.writeHead(200).end();
  }

  async function pull(name: string, isStream: boolean, res: ServerResponse, control: StreamControl): Promise<void> {
    const model = library.get(name) ?? installed.get(name);
    if (!isStream) {
      if (model === undefined) return sendJson(res, 500, { error: UNKNOWN_MODEL_PULL_ERROR });
      installed.set(name, model);
      return sendJson(res, 200, { status: 'success' });
    }
    const isComplete = await streamLines(res, pullLines(model), control);
    if (isComplete && model !== undefined) installed.set(name, model);
  }

  const address = await listenOnLoopback(server);

  const inject = (target: InjectionTarget | undefined, fields: Partial<Injection>): void => {
    injections.push({ path: target?.path, remaining: target?.times ?? 1, ...fields });
  };
  return {
    url: address.url,
    port: address.port,
    requests,
    installed,
    failNext: (failure) => {
      const body = failure.body ?? { error: `injected status ${failure.status}` };
      inject(failure, { failure: { status: failure.status, body, headers: failure.headers ?? {} } });
    },
    delayFirstByte: (ms, target) => inject(target, { firstByteDelayMs: ms }),
    setChunkDelay: (ms) => {
      chunkDelayMs = ms;
    },
    dropMidStream: (afterChunks, target) => inject(target, { dropAfterChunks: afterChunks }),
    setAnswer: (next) => {
      answer = next;
    },
    reset: () => {
      requests.length = 0;
      injections = [];
      chunkDelayMs = 0;
      answer = options.answer ?? echoAnswer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `model` per the current docs; older clients (ollama-js pull/delete) still send `name`. */
function modelName(body: Record<string, unknown>): string {
  const name = body['model'] ?? body['name'];
  return normalizeModelName(typeof name === 'string' ? name : '');
}
