import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** The part of JSON Schema that zod emits for our request schemas and that the sweeps read. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `example` is where the document generator puts a parameter's `.meta({ examples })`. */
export type RouteParameter = { name: string; required: boolean; schema: JsonSchema; example?: unknown };

/** One operation of the OpenAPI document, with what the sweeps need to know about it. */
export type ApiRoute = {
  method: HttpMethod;
  /** OpenAPI form: `/api/v1/workspaces/{workspaceId}`. */
  path: string;
  /** `PATCH /api/v1/workspaces/{workspaceId}`: how tests and fixtures name the route. */
  key: string;
  pathParams: RouteParameter[];
  queryParams: RouteParameter[];
  /** The JSON request body schema, when the route takes one. */
  body: JsonSchema | undefined;
  /** `security: []` on the operation: no credentials needed. */
  isPublic: boolean;
  isWorkspaceScoped: boolean;
  isWrite: boolean;
};

/** Operational routes that answer everyone and take no input. */
const notSwept = new Set(['/api/v1/health', '/api/v1/ready']);
/** better-auth's routes: documented, but they follow better-auth's rules (and have their own tests). */
const authPrefix = '/api/v1/auth/';
const methods: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

type Operation = {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema; example?: unknown }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
};
type OpenApiDocument = { paths: Record<string, Partial<Record<Lowercase<HttpMethod>, Operation>>> };

/** Every route the app documents, read from its own `GET /api/v1/openapi.json`: new routes join by existing. */
export async function listApiRoutes(app: FastifyInstance): Promise<ApiRoute[]> {
  const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  if (response.statusCode !== 200) throw new Error(`openapi.json answered ${response.statusCode}`);
  const document = response.json<OpenApiDocument>();
  const routes: ApiRoute[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    if (notSwept.has(path) || path.startsWith(authPrefix)) continue;
    for (const method of methods) {
      const operation = operations[method.toLowerCase() as Lowercase<HttpMethod>];
      if (!operation) continue;
      const parameters = (operation.parameters ?? []).map((item) => ({
        in: item.in,
        name: item.name,
        required: item.required === true || item.in === 'path',
        schema: item.schema ?? {},
        ...(item.example === undefined ? {} : { example: item.example }),
      }));
      routes.push({
        method,
        path,
        key: `${method} ${path}`,
        pathParams: parameters.filter((item) => item.in === 'path'),
        queryParams: parameters.filter((item) => item.in === 'query'),
        body: operation.requestBody?.content?.['application/json']?.schema,
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
        isWorkspaceScoped: path.includes('{workspaceId}'),
        isWrite: method !== 'GET',
      });
    }
  }
  return routes;
}

/** Fills `{name}` segments of an OpenAPI path and appends a query string. */
export function buildUrl(path: string, params: Record<string, string>, query: Record<string, string> = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${path}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams(query).toString();
  return search ? `${filled}?${search}` : filled;
}

/** The schema's branches (anyOf/oneOf/allOf flattened), itself included. */
export function branchesOf(schema: JsonSchema): JsonSchema[] {
  const nested = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  return [schema, ...nested.flatMap(branchesOf)];
}

/** JSON types a value may have; empty when the schema says nothing (anything goes). */
export function allowedTypes(schema: JsonSchema): Set<string> {
  const types = new Set<string>();
  for (const branch of branchesOf(schema)) {
    const declared = branch.type === undefined ? [] : Array.isArray(branch.type) ? branch.type : [branch.type];
    for (const type of declared) types.add(type === 'integer' ? 'number' : type);
    for (const value of branch.enum ?? []) types.add(jsonTypeOf(value));
    if ('const' in branch) types.add(jsonTypeOf(branch.const));
  }
  return types;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const wrongValues: ReadonlyArray<[string, unknown]> = [
  ['number', 12345],
  ['string', 'not-the-right-type'],
  ['boolean', true],
  ['object', { unexpected: 1 }],
  ['array', [1]],
  ['null', null],
];

/** A JSON value of a type the schema does not allow, or undefined when every type is allowed. */
export function wrongTypeValue(schema: JsonSchema): unknown {
  const allowed = allowedTypes(schema);
  if (allowed.size === 0) return undefined;
  return wrongValues.find(([type]) => !allowed.has(type))?.[1];
}

/** The smallest `maxLength` a string branch declares. */
export function maxLengthOf(schema: JsonSchema): number | undefined {
  const limits = branchesOf(schema).flatMap((branch) =>
    typeof branch.maxLength === 'number' ? [branch.maxLength] : [],
  );
  return limits.length > 0 ? Math.min(...limits) : undefined;
}

function fitsString(schema: JsonSchema, value: string): boolean {
  if (schema.minLength !== undefined && value.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return false;
  return schema.pattern === undefined || new RegExp(schema.pattern).test(value);
}

const formatExamples: Record<string, () => string> = {
  email: () => `sweep-${randomUUID().slice(0, 8)}@example.test`,
  uri: () => 'https://example.test/sweep',
  url: () => 'https://example.test/sweep',
  uuid: () => randomUUID(),
  'date-time': () => new Date().toISOString(),
};

/**
 * A valid value for the schema: its own example or default first, else one built from type, format,
 * enum and bounds. Throws when nothing fits (a refinement or pattern the sweep cannot guess): give the
 * schema `.meta({ examples: [...] })` or the fixture an example then.
 */
export function exampleValue(schema: JsonSchema, where: string): unknown {
  if (schema.examples && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if ('const' in schema) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const branch =
    (schema.anyOf ?? schema.oneOf ?? []).find((item) => !allowedTypes(item).has('null')) ?? schema.allOf?.[0];
  if (branch) return exampleValue(branch, where);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      const byFormat = schema.format ? formatExamples[schema.format]?.() : undefined;
      const candidates = [
        byFormat,
        randomUUID(),
        'sweep-example',
        'en',
        's'.repeat(Math.max(schema.minLength ?? 1, 1)),
      ];
      const fitting = candidates.find((candidate) => candidate !== undefined && fitsString(schema, candidate));
      if (fitting === undefined)
        throw new Error(
          `no example fits the string at ${where}; give it .meta({ examples: [...] }) or a fixture example`,
        );
      return fitting;
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const item = schema.items;
      const count = schema.minItems ?? 0;
      if (!item) return [];
      const distinct = item.enum ?? [];
      return Array.from(
        { length: count },
        (_unused, index) => distinct[index] ?? exampleValue(item, `${where}/${index}`),
      );
    }
    case 'object':
    case undefined:
      return exampleObject(schema, where);
    default:
      throw new Error(`cannot build an example for type ${type} at ${where}`);
  }
}

/** An object holding only the required properties, each with an example value. */
export function exampleObject(schema: JsonSchema, where: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const name of schema.required ?? [])
    result[name] = exampleValue(schema.properties?.[name] ?? {}, `${where}/${name}`);
  return result;
}
