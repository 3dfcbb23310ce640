import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { timestamp } from '@plume/contract/wire';
import { z } from 'zod';
import {
  $ZodAny,
  $ZodArray,
  $ZodBoolean,
  $ZodDate,
  $ZodEnum,
  $ZodLiteral,
  $ZodNull,
  $ZodNullable,
  $ZodNumber,
  $ZodObject,
  $ZodOptional,
  $ZodRecord,
  $ZodRegistry,
  $ZodString,
  $ZodType,
  $ZodUnknown,
} from 'zod/v4/core';

type Serialize = (data: unknown) => string;

/**
 * How Fastify writes each route's answers. fastify-type-provider-zod checks an answer against its zod
 * response schema (copying every object) and then JSON.stringify writes it: a sixth of the CPU of an
 * authenticated list of 50 events (bench:api, docs/benchmarks.md). Routes answer with data Plume built
 * and checked itself, so this writes it with fast-json-stringify instead, compiled (on a schema's
 * first answer) from the JSON Schema zod gives for it: the same bytes, keys outside the schema left
 * out as zod leaves them out, without checking the values again.
 *
 * With `compareWithZod` (NODE_ENV=test) every answer is written both ways and must be identical, so
 * the tests still see zod's checks, and any answer on which the two differ fails the test.
 * A schema outside the subset both write alike (unions, transforms, defaults, strict or loose objects,
 * tuples…) keeps zod's serializer.
 */
export function createResponseSerializerCompiler(options: {
  compareWithZod: boolean;
}): FastifySerializerCompiler<unknown> {
  return (route) => {
    const viaZod = zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]) as Serialize;
    const { schema } = route;
    if (!(schema instanceof $ZodType) || !isCompilable(schema, 'value')) return viaZod;
    let compiled: Serialize | null = null;
    const fast: Serialize = (data) => {
      compiled ??= compile(schema) ?? viaZod;
      return compiled(data);
    };
    if (!options.compareWithZod) return fast;
    return (data) => {
      const expected = viaZod(data);
      const actual = fast(data);
      if (actual !== expected) {
        throw new Error(
          `The compiled serializer of ${route.method} ${route.url} (${route.httpStatus ?? ''}) wrote ${actual.slice(0, 400)} where zod writes ${expected.slice(0, 400)}`,
        );
      }
      return actual;
    };
  };
}

/** Whether fast-json-stringify writes every valid value of `schema` exactly as zod's encode + JSON.stringify does. */
export function isCompilable(schema: $ZodType, position: 'value' | 'property'): boolean {
  const def = schema._zod.def;
  // Overwriting checks (`.trim()`, `.toLowerCase()`…) change the value zod writes.
  if (def.checks?.some((check) => check._zod.def.check === 'overwrite')) return false;
  // The contract's instants: a Date encoded with toISOString, as fast-json-stringify's date-time writes it.
  if (schema === timestamp) return true;
  // The core classes: every string format (z.email(), z.iso.datetime()…) is a $ZodString, every number one a $ZodNumber.
  if (
    schema instanceof $ZodString ||
    schema instanceof $ZodNumber ||
    schema instanceof $ZodBoolean ||
    schema instanceof $ZodNull
  )
    return true;
  if (
    schema instanceof $ZodDate ||
    schema instanceof $ZodEnum ||
    schema instanceof $ZodUnknown ||
    schema instanceof $ZodAny
  )
    return true;
  if (schema instanceof $ZodLiteral)
    return schema._zod.def.values.every((value) => ['string', 'number', 'boolean'].includes(typeof value));
  if (schema instanceof $ZodNullable) return isCompilable(schema._zod.def.innerType, 'value');
  if (schema instanceof $ZodOptional)
    return position === 'property' && isCompilable(schema._zod.def.innerType, 'value');
  if (schema instanceof $ZodArray) return isCompilable(schema._zod.def.element, 'value');
  if (schema instanceof $ZodRecord) {
    const key = schema._zod.def.keyType;
    return (
      key instanceof $ZodString &&
      (key._zod.def.checks ?? []).length === 0 &&
      isCompilable(schema._zod.def.valueType, 'value')
    );
  }
  if (schema instanceof $ZodObject) {
    // Only zod's default object, which drops unknown keys (strict ones reject them, loose ones keep them).
    const { catchall, shape } = schema._zod.def;
    return catchall === undefined && Object.values(shape).every((property) => isCompilable(property, 'property'));
  }
  return false;
}

type JsonSchema = { [keyword: string]: unknown };

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * zod's JSON Schema, rewritten where fast-json-stringify would write it differently:
 * - an object's required properties come first there, while zod keeps the schema's order; without
 *   `required` it keeps the order and leaves out undefined values as JSON.stringify does (whether
 *   required values are there is zod's check, made in tests);
 * - a nullable object or array is `anyOf: [it, null]`, which fast-json-stringify resolves by validating
 *   the value against each branch (slow, and failing on keys outside the schema): `type: [it, 'null']`.
 */
function forFastJson(schema: JsonSchema): JsonSchema {
  const { required: _required, properties, items, additionalProperties, anyOf, ...rest } = schema;
  const nullable = Array.isArray(anyOf) && anyOf.length === 2 ? nullableBranch(anyOf as unknown[]) : null;
  if (nullable) return forFastJson({ ...rest, ...nullable, type: [...[nullable.type].flat(), 'null'] });
  return {
    ...rest,
    ...(isSchema(properties)
      ? {
          properties: Object.fromEntries(
            Object.entries(properties).map(([key, value]) => [key, isSchema(value) ? forFastJson(value) : value]),
          ),
        }
      : {}),
    ...(isSchema(items) ? { items: forFastJson(items) } : {}),
    ...(isSchema(additionalProperties)
      ? { additionalProperties: forFastJson(additionalProperties) }
      : additionalProperties === undefined
        ? {}
        : { additionalProperties }),
    ...(Array.isArray(anyOf)
      ? { anyOf: (anyOf as unknown[]).map((branch) => (isSchema(branch) ? forFastJson(branch) : branch)) }
      : {}),
  };
}

/** The other branch of `anyOf: [schema, { type: 'null' }]` (either order), when it has a plain `type`. */
function nullableBranch(anyOf: unknown[]): JsonSchema | null {
  const isNull = (branch: unknown) => isSchema(branch) && branch.type === 'null' && Object.keys(branch).length === 1;
  const other = anyOf.find((branch) => !isNull(branch));
  if (anyOf.filter(isNull).length !== 1 || !isSchema(other) || other.anyOf !== undefined) return null;
  return typeof other.type === 'string' || Array.isArray(other.type) ? other : null;
}

/** The serializer, or null when zod cannot express the schema as JSON Schema after all. */
function compile(schema: $ZodType): Serialize | null {
  try {
    const jsonSchema: JsonSchema = z.toJSONSchema(schema, {
      io: 'output',
      target: 'draft-2020-12',
      // A schema's metadata (ids, examples) is the OpenAPI document's business: inline everything here.
      metadata: new $ZodRegistry(),
      reused: 'inline',
      unrepresentable: 'any',
      override: (context) => {
        // zod writes a Date as its ISO string (Date.prototype.toJSON, or the contract's `timestamp` codec);
        // fast-json-stringify's date-time writes the same.
        if (context.zodSchema instanceof $ZodDate || context.zodSchema === timestamp)
          Object.assign(context.jsonSchema, { type: 'string', format: 'date-time' });
      },
    });
    return fastJson(forFastJson(jsonSchema) as fastJson.AnySchema) as Serialize;
  } catch {
    return null;
  }
}
