import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '@plume/errors/error-codes';
import {
  allowedTypes,
  buildUrl,
  exampleValue,
  listApiRoutes,
  maxLengthOf,
  wrongTypeValue,
  type ApiRoute,
  type HttpMethod,
} from './openapi-routes.ts';

/**
 * The isolation & validation sweep: for every route in the OpenAPI document it checks auth (401),
 * workspace isolation (404 for an outsider), roles (403 for a viewer writing) and input validation
 * (400 problem+json naming the field). Routes are read from the running app, so a new route is swept
 * as soon as it is registered; a route only needs an example when the sweep cannot build valid input
 * itself (see `RouteExample`).
 */

export type SweepCheck =
  | 'control'
  | 'unauthenticated'
  | 'outsider'
  | 'viewer'
  | 'malformed-json'
  | 'wrong-type'
  | 'missing'
  | 'too-long'
  | 'nul-character'
  | 'unknown-property';

/** Valid input for one route, where the sweep's own (from the schema) would not do. */
export type RouteExample = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Checks that do not apply to this route, e.g. `['viewer']` for a write a viewer may make. */
  skip?: SweepCheck[];
};

type Caller = { headers: Record<string, string> };

export type SweepFixture = {
  /** Owner of `workspaceId` (and instance admin when created first). */
  owner: Caller;
  /** A `viewer` member of `workspaceId`. */
  viewer: Caller;
  /** A user who belongs to another workspace only. */
  outsider: Caller;
  workspaceId: string;
  /** Path parameters by name for every route, e.g. `{ memberId, apiKeyId }` (real ids of `workspaceId`). */
  params?: Record<string, string>;
  /** Per-route valid input; `route.key` is e.g. `'PATCH /api/v1/workspaces/{workspaceId}'`. */
  example?: (route: ApiRoute) => RouteExample | undefined;
};

export type SweepRequest = { method: HttpMethod; url: string; headers: Record<string, string>; payload?: string };
export type SweepExpectation = { status: 'success' } | { status: number; code: ErrorCode; path?: string };
export type SweepCase = {
  route: ApiRoute;
  check: SweepCheck;
  name: string;
  expected: SweepExpectation;
  request: () => SweepRequest;
};

type Input = { params: Record<string, string>; query: Record<string, string>; body: unknown };
type Tweak = {
  params?: (params: Record<string, string>) => Record<string, string>;
  query?: (query: Record<string, string>) => Record<string, string>;
  body?: (body: unknown) => unknown;
  rawBody?: string;
};

export const unknownProperty = 'sweepUnknownProperty';

/** Valid params, query and body for a route: fixture examples first, then values built from the schema. */
export function validInput(
  route: ApiRoute,
  fixture: SweepFixture,
  example: RouteExample = fixture.example?.(route) ?? {},
): Input {
  const params: Record<string, string> = {};
  for (const param of route.pathParams) {
    const given =
      example.params?.[param.name] ??
      (param.name === 'workspaceId' ? fixture.workspaceId : fixture.params?.[param.name]);
    params[param.name] = given ?? String(exampleValue(param.schema, `params/${param.name}`));
  }
  const query: Record<string, string> = {};
  for (const param of route.queryParams.filter((item) => item.required))
    query[param.name] = String(param.example ?? exampleValue(param.schema, `query/${param.name}`));
  Object.assign(query, example.query);
  const body =
    route.body === undefined ? undefined : example.body !== undefined ? example.body : exampleValue(route.body, 'body');
  return { params, query, body };
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new Error('the example body must be a JSON object for property checks');
  return body as Record<string, unknown>;
}

const setProperty = (name: string, value: unknown) => (body: unknown) => ({ ...asObject(body), [name]: value });
const dropKey =
  (name: string) =>
  <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => key !== name));
const setKey = (name: string, value: string) => (record: Record<string, string>) => ({ ...record, [name]: value });

/** Every check that applies to one route, as data: feed them to `it.each` or run them with `runSweepCase`. */
export function sweepCases(route: ApiRoute, fixture: SweepFixture): SweepCase[] {
  const example = fixture.example?.(route) ?? {};
  const skipped = new Set(example.skip ?? []);
  const cases: SweepCase[] = [];
  const add = (
    check: SweepCheck,
    name: string,
    caller: Caller | undefined,
    expected: SweepExpectation,
    tweak: Tweak = {},
  ) => {
    if (skipped.has(check)) return;
    cases.push({
      route,
      check,
      name: `${check}: ${name}`,
      expected,
      request: () => buildRequest(route, validInput(route, fixture, example), caller, tweak),
    });
  };
  const invalid = (path: string): SweepExpectation => ({ status: 400, code: 'validation_failed', path });

  if (!route.isPublic && route.method === 'GET')
    add('control', 'the owner gets a 2xx', fixture.owner, { status: 'success' });
  if (!route.isPublic)
    add('unauthenticated', 'no credentials → 401', undefined, { status: 401, code: 'unauthenticated' });
  if (route.isWorkspaceScoped)
    add('outsider', 'a member of another workspace → 404', fixture.outsider, { status: 404, code: 'not_found' });
  if (route.isWorkspaceScoped && route.isWrite)
    add('viewer', 'a viewer → 403', fixture.viewer, { status: 403, code: 'forbidden' });

  const owner = fixture.owner;
  if (route.body) {
    add(
      'malformed-json',
      'a truncated JSON body → 400',
      owner,
      { status: 400, code: 'malformed_json' },
      { rawBody: '{"a":' },
    );
    const properties = Object.entries(route.body.properties ?? {});
    for (const [name, schema] of properties) {
      const wrong = wrongTypeValue(schema);
      if (wrong !== undefined)
        add('wrong-type', `body/${name} as ${JSON.stringify(wrong)} → 400`, owner, invalid(`body/${name}`), {
          body: setProperty(name, wrong),
        });
    }
    for (const name of route.body.required ?? [])
      add('missing', `body/${name} left out → 400`, owner, invalid(`body/${name}`), {
        body: (body) => dropKey(name)(asObject(body)),
      });
    for (const [name, schema] of properties) {
      const limit = maxLengthOf(schema);
      if (limit !== undefined)
        add('too-long', `body/${name} of ${limit + 1} characters → 400`, owner, invalid(`body/${name}`), {
          body: setProperty(name, 'x'.repeat(limit + 1)),
        });
    }
    for (const [name, schema] of properties) {
      if (allowedTypes(schema).has('string'))
        add('nul-character', `body/${name} holding U+0000 → 400`, owner, invalid(`body/${name}`), {
          body: setProperty(name, 'a\u0000b'),
        });
    }
    if (route.body.additionalProperties === false)
      add('unknown-property', `body/${unknownProperty} → 400`, owner, invalid(`body/${unknownProperty}`), {
        body: setProperty(unknownProperty, 1),
      });
  }
  for (const param of route.queryParams) {
    const types = allowedTypes(param.schema);
    if (types.has('number') && !types.has('string'))
      add('wrong-type', `query/${param.name}=not-a-number → 400`, owner, invalid(`query/${param.name}`), {
        query: setKey(param.name, 'not-a-number'),
      });
    if (param.required)
      add('missing', `query/${param.name} left out → 400`, owner, invalid(`query/${param.name}`), {
        query: dropKey(param.name),
      });
    const limit = maxLengthOf(param.schema);
    if (limit !== undefined)
      add('too-long', `query/${param.name} of ${limit + 1} characters → 400`, owner, invalid(`query/${param.name}`), {
        query: setKey(param.name, 'q'.repeat(limit + 1)),
      });
  }
  for (const param of route.pathParams) {
    const limit = maxLengthOf(param.schema);
    add('nul-character', `params/${param.name} holding U+0000 → 400`, owner, invalid(`params/${param.name}`), {
      params: setKey(param.name, 'a\u0000b'),
    });
    if (limit !== undefined)
      add('too-long', `params/${param.name} of ${limit + 1} characters → 400`, owner, invalid(`params/${param.name}`), {
        params: setKey(param.name, 'p'.repeat(limit + 1)),
      });
  }
  return cases;
}

function buildRequest(route: ApiRoute, input: Input, caller: Caller | undefined, tweak: Tweak): SweepRequest {
  const params = tweak.params ? tweak.params(input.params) : input.params;
  const query = tweak.query ? tweak.query(input.query) : input.query;
  const body = tweak.body ? tweak.body(input.body) : input.body;
  const payload = tweak.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  const headers: Record<string, string> = { ...caller?.headers };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  return {
    method: route.method,
    url: buildUrl(route.path, params, query),
    headers,
    ...(payload === undefined ? {} : { payload }),
  };
}

type Problem = {
  status?: number;
  code?: string;
  requestId?: string;
  errors?: Array<{ path: string; message: string }>;
};

/** A 4xx is problem+json with the status and `code`, carries `x-request-id`, and names `path` when given. */
export function expectProblem(
  response: LightMyRequestResponse,
  expected: { status: number; code: string; path?: string },
  label = '',
): void {
  const context = `${label} → ${response.statusCode} ${response.body.slice(0, 400)}`;
  expect(response.statusCode, context).toBe(expected.status);
  expect(response.headers['content-type'], context).toMatch(/^application\/problem\+json/);
  const requestId = response.headers['x-request-id'];
  expect(requestId, context).toEqual(expect.any(String));
  const problem = response.json<Problem>();
  expect(problem, context).toMatchObject({ status: expected.status, code: expected.code, requestId });
  if (expected.path === undefined) return;
  const paths = (problem.errors ?? []).map((item) => item.path);
  expect(paths, context).toContain(expected.path);
  for (const path of paths)
    expect(
      path === expected.path || path.startsWith(`${expected.path}/`),
      `${context}: unrelated error path ${path}`,
    ).toBe(true);
}

/** Sends one case and checks the answer. `remoteAddress` keeps big sweeps clear of the per-IP rate limit. */
export async function runSweepCase(app: FastifyInstance, sweepCase: SweepCase, remoteAddress?: string): Promise<void> {
  const request = sweepCase.request();
  const response = await app.inject({ ...request, ...(remoteAddress ? { remoteAddress } : {}) });
  const label = `${request.method} ${request.url} [${sweepCase.name}]`;
  if (sweepCase.expected.status === 'success') {
    expect(
      response.statusCode,
      `${label} → ${response.statusCode} ${response.body.slice(0, 400)}`,
    ).toBeGreaterThanOrEqual(200);
    expect(response.statusCode, `${label}: the example input must succeed for the owner`).toBeLessThan(300);
    return;
  }
  expectProblem(response, sweepCase.expected, label);
}

/**
 * Registers one `describe` per documented route with one `it` per check. Call with top-level await
 * in a test file, after the app and fixture exist (the route list comes from the running app).
 */
export async function registerRouteSweep(
  app: FastifyInstance,
  fixture: SweepFixture,
  options: { include?: (route: ApiRoute) => boolean } = {},
): Promise<void> {
  const routes = (await listApiRoutes(app)).filter((route) => options.include?.(route) ?? true);
  if (routes.length === 0) throw new Error('the route sweep found no routes to check');
  routes.forEach((route, index) => {
    const cases = sweepCases(route, fixture);
    if (cases.length === 0) return;
    const remoteAddress = `10.77.${(index >> 8) & 255}.${index & 255}`;
    describe(route.key, () => {
      it.each(cases)('$name', (sweepCase) => runSweepCase(app, sweepCase, remoteAddress));
    });
  });
}
