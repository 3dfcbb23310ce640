/**
 * Finishes the OpenAPI document @fastify/swagger builds from the routes' zod schemas, in one place
 * instead of in every route file: `servers`, tag definitions, an `operationId` on every operation,
 * the better-auth routes, and every error status an operation can answer as `application/problem+json`
 * (shared responses under `components.responses`). Which statuses: see `statusesFor`.
 */
import { authOperations, authSchemas } from './auth-operations.ts';
import { derivedOperationId, operationNotes, type OperationNote } from './operation-notes.ts';
import {
  problemMediaType,
  problemResponse,
  problemResponseName,
  problemSchema,
  problemStatuses,
} from './problem-responses.ts';
import { describedTags } from './tag-descriptions.ts';
import { webhookOperations } from './webhook-operations.ts';

type JsonObject = Record<string, unknown>;
type Operation = JsonObject & {
  tags?: string[];
  security?: JsonObject[];
  parameters?: JsonObject[];
  responses?: Record<string, JsonObject>;
};
export type OpenApiDocument = JsonObject & {
  paths?: Record<string, Record<string, Operation>>;
  components?: Record<string, JsonObject>;
  tags?: Array<{ name: string; description?: string }>;
};

/** What the document cannot see in a route's schema; collected while routes are transformed. */
export type RouteFacts = { rateLimited: boolean };

const methods = new Set(['get', 'put', 'post', 'patch', 'delete']);
const idempotencyKey = {
  in: 'header',
  name: 'Idempotency-Key',
  required: false,
  description:
    'Run this request at most once: a retry with the same key and body within 24 h gets the first answer; another body answers 409.',
  schema: { type: 'string', pattern: '^[\\w\\-:.]{1,255}$' },
};

const isPublic = (operation: Operation) =>
  Array.isArray(operation.security) &&
  (operation.security.length === 0 || operation.security.some((entry) => Object.keys(entry).length === 0));

/**
 * Every operation: 400 (a NUL character or a malformed value anywhere), 500, and 429 unless exempt
 * from the rate limit. Signed-in operations: 401 and 403 (role, API key scope). A path with ids: 404.
 * A method with a body: 413 (over the body limit) and 415 (a content type the route does not read).
 */
function statusesFor(
  method: string,
  path: string,
  operation: Operation,
  facts: RouteFacts | undefined,
  extra: readonly number[],
): number[] {
  const statuses = new Set([400, 500, ...extra]);
  if (facts?.rateLimited !== false) statuses.add(429);
  if (!isPublic(operation)) [401, 403].forEach((status) => statuses.add(status));
  if (path.includes('{') && !isPublic(operation)) statuses.add(404);
  if (method !== 'get') [413, 415].forEach((status) => statuses.add(status));
  return [...statuses].filter((status) => problemStatuses.includes(status));
}

function isProblemResponse(response: JsonObject | undefined): boolean {
  const content = (response?.['content'] ?? {}) as Record<string, { schema?: { properties?: JsonObject } }>;
  return Object.values(content).some((media) =>
    ['type', 'title', 'status', 'code'].every((key) => media.schema?.properties?.[key] !== undefined),
  );
}

const problemFields = new Set(Object.keys(problemSchema['properties'] as JsonObject));

/** A route's own problem answer that carries more than a problem (the import's per-row `rows`): kept, as problem+json. */
function asOwnProblem(response: JsonObject): JsonObject | undefined {
  const content = (response['content'] ?? {}) as Record<string, { schema?: { properties?: JsonObject } }>;
  const schema = Object.values(content)[0]?.schema;
  if (Object.keys(schema?.properties ?? {}).every((field) => problemFields.has(field))) return undefined;
  return { description: response['description'], content: { [problemMediaType]: { schema } } };
}

function completeOperation(
  method: string,
  path: string,
  operation: Operation,
  note: OperationNote | undefined,
  statuses: number[],
  used: Set<number>,
): void {
  operation.operationId ??= note?.id ?? derivedOperationId(method, path);
  if (note?.requestBody && operation['requestBody'] === undefined) operation['requestBody'] = note.requestBody;
  if (note?.idempotent) operation.parameters = [...(operation.parameters ?? []), idempotencyKey];
  const responses = (operation.responses ??= {});
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400 && isProblemResponse(response)) statuses.push(Number(status));
  }
  for (const status of new Set(statuses)) {
    const declared = responses[status];
    if (declared !== undefined && !isProblemResponse(declared)) continue;
    const own = declared === undefined ? undefined : asOwnProblem(declared);
    if (own !== undefined) {
      responses[status] = own;
      continue;
    }
    responses[status] = { $ref: `#/components/responses/${problemResponseName(status)}` };
    used.add(status);
  }
}

/** zod writes `z.unknown().nullable()` as `anyOf: [{}, { type: 'null' }]`, which means every value is allowed: said plainly. */
function dropEmptyAnyOf(node: unknown): void {
  if (Array.isArray(node)) node.forEach(dropEmptyAnyOf);
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
  const record = node as JsonObject;
  const anyOf = record['anyOf'];
  const isEmpty = (branch: unknown) =>
    typeof branch === 'object' && branch !== null && Object.keys(branch).length === 0;
  if (Array.isArray(anyOf) && (anyOf as unknown[]).some(isEmpty)) delete record['anyOf'];
  Object.values(record).forEach(dropEmptyAnyOf);
}

/** Returns `document` completed (it is changed in place). */
export function completeDocument(
  document: OpenApiDocument,
  options: { serverUrl: string; facts: ReadonlyMap<string, RouteFacts> },
): OpenApiDocument {
  const paths = (document.paths ??= {});
  const auth = new Map(authOperations.map((entry) => [`${entry.method.toUpperCase()} ${entry.path}`, entry]));
  for (const entry of authOperations) (paths[entry.path] ??= {})[entry.method] = structuredClone(entry.operation);
  dropEmptyAnyOf(paths);
  const used = new Set<number>();
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!methods.has(method)) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const note = operationNotes[key];
      const extra = [...(note?.statuses ?? []), ...(note?.idempotent ? [409] : []), ...(auth.get(key)?.statuses ?? [])];
      completeOperation(
        method,
        path,
        operation,
        note,
        statusesFor(method, path, operation, options.facts.get(key), extra),
        used,
      );
    }
  }
  const components = (document.components ??= {});
  components['schemas'] = { ...components['schemas'], Problem: problemSchema, ...authSchemas };
  components['responses'] = Object.fromEntries(
    [...used].sort((a, b) => a - b).map((status) => [problemResponseName(status), problemResponse(status)]),
  );
  document['servers'] = [{ url: options.serverUrl, description: 'This Plume instance' }];
  document['webhooks'] = webhookOperations();
  document.tags = describedTags(
    Object.values(paths).flatMap((operations) =>
      Object.values(operations).flatMap((operation) => operation.tags ?? []),
    ),
  );
  return document;
}
