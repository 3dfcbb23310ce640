/**
 * JSON helpers on top of `request`: non-2xx becomes HttpStatusError and the body is validated
 * with the caller's zod schema, so provider responses are checked at the boundary.
 */
import type { z } from 'zod';
import { HttpNetworkError, HttpResponseShapeError, HttpStatusError, HttpTimeoutError } from './errors.ts';
import type { ResponseShapeIssue } from './errors.ts';
import { redactHeaders, redactUrl } from './redact.ts';
import { readTextPrefix } from './response-body.ts';
import { parseRetryAfter } from './retry-after.ts';
import type { HttpRequestInit } from './types.ts';

/** Error bodies are kept for diagnosis, but only this many characters of them. */
const MAX_ERROR_BODY_CHARS = 2048;

type RequestFn = (url: string | URL, init?: HttpRequestInit) => Promise<Response>;

/** Request options of the JSON helpers: everything but method and body, which they set. */
export type JsonRequestInit = Omit<HttpRequestInit, 'method' | 'body'>;
type JsonInitWithSchema<S extends z.ZodType> = JsonRequestInit & { schema: S };
type AnyJsonInit = JsonRequestInit & { schema?: z.ZodType };

/** Typed JSON calls. With a schema the result is the schema's output; without, `unknown`. */
export interface JsonMethods {
  /** GET, expect 2xx JSON. @example await http.getJson(url, { schema: UserSchema }) */
  getJson<S extends z.ZodType>(url: string | URL, init: JsonInitWithSchema<S>): Promise<z.output<S>>;
  getJson(url: string | URL, init?: JsonRequestInit): Promise<unknown>;
  /** POST a JSON body, expect 2xx JSON. Never retried unless `idempotent: true`. */
  postJson<S extends z.ZodType>(url: string | URL, body: unknown, init: JsonInitWithSchema<S>): Promise<z.output<S>>;
  postJson(url: string | URL, body: unknown, init?: JsonRequestInit): Promise<unknown>;
}

/** Builds the JSON helpers around a client's `request`. */
export function createJsonMethods(request: RequestFn, defaultTimeoutMs: number): JsonMethods {
  async function send(url: string | URL, init: AnyJsonInit, method: string, body?: string): Promise<unknown> {
    const { schema, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    if (body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    const response = await request(url, { ...rest, method, headers, body });
    const context = { method, url: redactUrl(url), signal: rest.signal ?? undefined };
    try {
      return await readJson(response, schema, context);
    } catch (error) {
      throw classifyBodyError(error, context, rest.timeoutMs ?? defaultTimeoutMs);
    }
  }

  function getJson<S extends z.ZodType>(url: string | URL, init: JsonInitWithSchema<S>): Promise<z.output<S>>;
  function getJson(url: string | URL, init?: JsonRequestInit): Promise<unknown>;
  function getJson(url: string | URL, init: AnyJsonInit = {}): Promise<unknown> {
    return send(url, init, 'GET');
  }

  function postJson<S extends z.ZodType>(
    url: string | URL,
    body: unknown,
    init: JsonInitWithSchema<S>,
  ): Promise<z.output<S>>;
  function postJson(url: string | URL, body: unknown, init?: JsonRequestInit): Promise<unknown>;
  function postJson(url: string | URL, body: unknown, init: AnyJsonInit = {}): Promise<unknown> {
    return send(url, init, 'POST', JSON.stringify(body));
  }

  return { getJson, postJson };
}

interface ReadContext {
  method: string;
  url: string;
  signal: AbortSignal | undefined;
}

async function readJson(response: Response, schema: z.ZodType | undefined, context: ReadContext): Promise<unknown> {
  if (!response.ok) {
    throw new HttpStatusError({
      ...context,
      status: response.status,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      bodyText: await readTextPrefix(response, MAX_ERROR_BODY_CHARS),
      headers: redactHeaders(response.headers),
    });
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw new HttpResponseShapeError(context.method, context.url, [{ path: '', message: 'Body is not valid JSON' }]);
  }
  if (schema === undefined) return data;
  const result = schema.safeParse(data);
  if (!result.success) {
    const issues: ResponseShapeIssue[] = result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    throw new HttpResponseShapeError(context.method, context.url, issues);
  }
  return result.data;
}

/** The attempt's timeout and the caller's signal also cover the body, so map those failures too. */
function classifyBodyError(error: unknown, context: ReadContext, timeoutMs: number): unknown {
  if (error instanceof HttpStatusError || error instanceof HttpResponseShapeError) return error;
  if (context.signal?.aborted === true) return context.signal.reason;
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new HttpTimeoutError(context.method, context.url, timeoutMs);
  }
  if (error instanceof TypeError) return new HttpNetworkError(context.method, context.url, error);
  return error;
}
