import type { z } from 'zod';
import type { FieldProblem, Wire } from '@plume/contract/wire';

/** Base path of the Plume HTTP API; the dev server and the production server both serve it same-origin. */
export const API_BASE = '/api/v1';

/**
 * An API failure decoded from an RFC 9457 problem+json body.
 * Network failures use status 0 and code `network_error` so forms can treat every failure alike.
 * @example
 *   try { await api.post('/workspaces', body) } catch (e) { if (e instanceof ApiError) e.code }
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldProblem[];
  /** The whole decoded error body, for problems that carry more than `errors` (e.g. an import's `rows`). */
  readonly body: unknown;

  constructor(init: { status: number; code: string; detail: string; errors?: FieldProblem[]; body?: unknown }) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.body = init.body;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function parseFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (!isRecord(item)) return [];
    const path = stringField(item, 'path');
    const message = stringField(item, 'message');
    return path && message ? [{ path, message }] : [];
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Builds an ApiError from any error body: problem+json first, then `{ code, message }` shapes. */
export function toApiError(status: number, statusText: string, text: string): ApiError {
  const body = parseJson(text);
  if (!isRecord(body)) {
    return new ApiError({ status, code: `http_${status}`, detail: statusText || 'Request failed' });
  }
  const code = stringField(body, 'code')?.toLowerCase() ?? `http_${status}`;
  const detail =
    stringField(body, 'detail') ?? stringField(body, 'message') ?? stringField(body, 'title') ?? statusText;
  return new ApiError({
    status,
    code,
    detail: detail || 'Request failed',
    errors: parseFieldProblems(body.errors),
    body,
  });
}

/** Answers are checked against the contract in development, in unit tests and in the browser journeys; production trusts them. */
export function checksAnswers(): boolean {
  return import.meta.env.DEV || (typeof window !== 'undefined' && window.__PLUME_CHECK_API__ === true);
}

/**
 * The answer as the contract's schema describes it. When answers are checked, one that does not match
 * is an error (code `contract_mismatch`) naming the method, path and the first fields at fault; in
 * production the JSON is taken as it is, to spare the cost.
 */
export function readAnswer<Schema extends z.ZodType>(schema: Schema, body: unknown, where: string): Wire<Schema> {
  if (checksAnswers()) {
    const result = schema.safeParse(body);
    if (!result.success) {
      const fields = result.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('/') || '(root)'}: ${issue.message}`);
      const detail = `The answer to ${where} does not match the API contract (${fields.join('; ')}).`;
      console.error(`[contract] ${detail}`, body);
      throw new ApiError({ status: 0, code: 'contract_mismatch', detail, body });
    }
  }
  return body as Wire<Schema>;
}

/**
 * Calls the Plume API with the session cookie and JSON bodies; resolves with the parsed JSON
 * (or `undefined` for empty answers such as 204) and rejects with an ApiError.
 */
async function send(method: Method, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network_error',
      detail: 'Could not reach the Plume server. Check your connection and try again.',
    });
  }
  const text = await response.text();
  if (!response.ok) throw toApiError(response.status, response.statusText, text);
  return text.length > 0 ? parseJson(text) : undefined;
}

/** A request whose answer is read through the contract's schema for it. */
export async function apiRequest<Schema extends z.ZodType>(
  method: Method,
  path: string,
  body: unknown,
  schema: Schema,
): Promise<Wire<Schema>> {
  return readAnswer(schema, await send(method, path, body), `${method} ${path}`);
}

function post<Schema extends z.ZodType>(path: string, body: unknown, schema: Schema): Promise<Wire<Schema>>;
function post(path: string, body?: unknown): Promise<unknown>;
function post(path: string, body: unknown = {}, schema?: z.ZodType): Promise<unknown> {
  return schema === undefined ? send('POST', path, body) : apiRequest('POST', path, body, schema);
}

function put<Schema extends z.ZodType>(path: string, body: unknown, schema: Schema): Promise<Wire<Schema>>;
function put(path: string, body: unknown): Promise<unknown>;
function put(path: string, body: unknown, schema?: z.ZodType): Promise<unknown> {
  return schema === undefined ? send('PUT', path, body) : apiRequest('PUT', path, body, schema);
}

function patch<Schema extends z.ZodType>(path: string, body: unknown, schema: Schema): Promise<Wire<Schema>>;
function patch(path: string, body: unknown): Promise<unknown>;
function patch(path: string, body: unknown, schema?: z.ZodType): Promise<unknown> {
  return schema === undefined ? send('PATCH', path, body) : apiRequest('PATCH', path, body, schema);
}

/**
 * Shorthands, each reading the answer through the contract's schema (a schema is required for reads):
 * @example const workspace = await api.get(`/workspaces/${id}`, workspaceSchema)
 */
export const api = {
  get: <Schema extends z.ZodType>(path: string, schema: Schema) => apiRequest('GET', path, undefined, schema),
  post,
  put,
  patch,
  delete: (path: string) => send('DELETE', path).then(() => undefined),
};
