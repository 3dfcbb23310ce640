import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { startOllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { createUser, createWorkspaceAs, uniqueEmail, type TestUser } from '../test-support/factories.ts';
import { buildUrl, listApiRoutes, type ApiRoute } from '../test-support/openapi-routes.ts';
import { validInput, type SweepFixture } from '../test-support/route-sweep.ts';
import { createTestApp } from '../test-support/test-app.ts';

/**
 * Random input never makes a route answer 5xx. Every documented route gets random JSON bodies (some
 * derived from a valid one, so handlers run), random query strings and random path segments, sent as
 * the owner of a fresh workspace with real sub-resource ids, so a destructive route harms only its own.
 */

const runsPerRoute = 25;

// Model routes answer through a fake Ollama (as in the route sweep): with none running they rightly answer 503.
const ollama = await startOllamaFake({ recordRequests: false });
const t = await createTestApp({ OLLAMA_URL: ollama.url });
afterAll(async () => {
  await t.close();
  await ollama.close();
});
const owner = await createUser(t.app, t.db, { name: 'Property Owner' });
const routes = await listApiRoutes(t.app);

let requestCount = 0;
/** A new source address per request keeps the per-IP rate limit (600/min) out of the way. */
function nextAddress(): string {
  requestCount += 1;
  return `10.99.${(requestCount >> 8) & 255}.${requestCount & 255}`;
}

async function createdId(user: TestUser, url: string, payload: object): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url,
    headers: user.headers,
    payload,
    remoteAddress: nextAddress(),
  });
  if (response.statusCode !== 201) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

/** A workspace of the owner's own, with one of each sub-resource whose id a route takes. */
async function freshFixture(): Promise<SweepFixture> {
  const workspace = await createWorkspaceAs(t.app, owner);
  const base = `/api/v1/workspaces/${workspace.id}`;
  const members = await t.app.inject({
    method: 'GET',
    url: `${base}/members`,
    headers: owner.headers,
    remoteAddress: nextAddress(),
  });
  const memberId = members.json<{ items: Array<{ id: string }> }>().items[0]?.id ?? 'missing';
  const invitationId = await createdId(owner, `${base}/invitations`, {
    email: uniqueEmail('property-invitee'),
    role: 'editor',
  });
  const apiKeyId = await createdId(owner, `${base}/api-keys`, { name: 'Property key', scopes: ['read', 'write'] });
  const planId = await createdId(owner, `${base}/plans`, { month: '2031-07' });
  return {
    owner,
    viewer: owner,
    outsider: owner,
    workspaceId: workspace.id,
    // A plan of July 2031 and one of its Mondays, so the plan routes run their handlers on random input.
    params: { memberId, invitationId, apiKeyId, planId, week: '2031-07-14' },
  };
}

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '%', '../', ' '),
);
const idLike = fc.oneof(fc.uuid(), fc.stringMatching(/^[\w-]{1,70}$/), anyText);
const numberLike = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.constantFrom('', '0', '-1', '1e3', 'NaN', 'Infinity', '0x10'),
);
const cursorLike = fc.oneof(
  fc.bigInt({ min: -1n, max: 10n ** 20n }).map((value) => Buffer.from(String(value)).toString('base64url')),
  anyText.map((text) => Buffer.from(text).toString('base64url')),
);

function paramsArbitrary(route: ApiRoute, valid: Record<string, string>): fc.Arbitrary<Record<string, string>> {
  const entries = route.pathParams.map(
    (param) =>
      [
        param.name,
        fc.oneof({ arbitrary: fc.constant(valid[param.name] ?? ''), weight: 2 }, { arbitrary: idLike, weight: 1 }),
      ] as const,
  );
  return fc.record(Object.fromEntries(entries));
}

/** Calendar days, so date-range routes (analytics) get past validation and run their queries too. */
const dateLike = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

function queryArbitrary(route: ApiRoute): fc.Arbitrary<Array<[string, string]>> {
  const names = route.queryParams.map((param) => param.name);
  const key =
    names.length > 0
      ? fc.oneof({ arbitrary: fc.constantFrom(...names), weight: 4 }, { arbitrary: anyText, weight: 1 })
      : anyText;
  return fc.array(fc.tuple(key, fc.oneof(numberLike, cursorLike, dateLike, anyText)), { maxLength: 4 });
}

/** Raw payloads: arbitrary JSON, not-quite-JSON, or the valid body with properties replaced or dropped. */
function bodyArbitrary(route: ApiRoute, valid: unknown): fc.Arbitrary<string | undefined> {
  const randomJson = fc.jsonValue().map((value) => JSON.stringify(value));
  const validObject =
    typeof valid === 'object' && valid !== null && !Array.isArray(valid) ? (valid as Record<string, unknown>) : {};
  const names = Object.keys(route.body?.properties ?? {});
  const mutated = fc
    .record(
      Object.fromEntries(
        names.map((name) => [
          name,
          fc.option(fc.oneof(fc.constant(validObject[name]), fc.jsonValue(), anyText), { nil: undefined }),
        ]),
      ),
    )
    .map((body) => JSON.stringify(body));
  return fc.oneof(randomJson, fc.json(), anyText, mutated, fc.constant(JSON.stringify(valid)), fc.constant(undefined));
}

/**
 * Streams that stay open until the client leaves: `inject` would wait for their end, so they get random
 * path values only (never the owner's valid ids). notifications.test.ts and inbox-more.test.ts read their 200 over real HTTP.
 */
const endlessStreams = new Set([
  'GET /api/v1/workspaces/{workspaceId}/notifications/stream',
  'GET /api/v1/workspaces/{workspaceId}/inbox/events',
]);

describe('random input never answers 5xx', () => {
  it.each(routes.map((route) => ({ key: route.key, route })))('$key', async ({ route }) => {
    const fixture = await freshFixture();
    const valid = endlessStreams.has(route.key)
      ? { ...validInput(route, fixture), params: {} }
      : validInput(route, fixture);
    const takesBody = route.method !== 'GET';
    await fc.assert(
      fc.asyncProperty(
        paramsArbitrary(route, valid.params),
        queryArbitrary(route),
        takesBody ? bodyArbitrary(route, valid.body) : fc.constant(undefined),
        async (params, query, payload) => {
          const url = buildUrl(route.path, params).concat(
            query.length > 0 ? `?${new URLSearchParams(query).toString()}` : '',
          );
          const headers: Record<string, string> = {
            ...owner.headers,
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          };
          const response = await t.app.inject({
            method: route.method,
            url,
            headers,
            remoteAddress: nextAddress(),
            ...(payload === undefined ? {} : { payload }),
          });
          const context = `${route.method} ${url} ${payload ?? ''} → ${response.statusCode} ${response.body.slice(0, 300)}`;
          expect(response.statusCode, context).toBeLessThan(500);
          if (response.statusCode >= 400)
            expect(response.headers['content-type'], context).toMatch(/^application\/problem\+json/);
        },
      ),
      { numRuns: runsPerRoute },
    );
  });
});
