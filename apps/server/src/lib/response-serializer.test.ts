import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { timestamp } from '@plume/contract/wire';
import { z } from 'zod';
import { createResponseSerializerCompiler, isCompilable } from './response-serializer.ts';

const route = (schema: unknown) => ({ schema, method: 'GET', url: '/test', httpStatus: '200' });
const compiled = (schema: z.ZodType) => createResponseSerializerCompiler({ compareWithZod: false })(route(schema));
const checked = (schema: z.ZodType) => createResponseSerializerCompiler({ compareWithZod: true })(route(schema));
const viaZod = (schema: z.ZodType) =>
  zodSerializerCompiler(route(schema) as Parameters<typeof zodSerializerCompiler>[0]);

const event = z.object({
  id: z.number(),
  actorId: z.string().nullable(),
  actorType: z.enum(['user', 'api_key', 'system']),
  note: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
});

const cases: Array<[string, z.ZodType, unknown]> = [
  [
    'an audit-log page, with keys outside the schema',
    z.object({ items: z.array(event), nextCursor: z.string().nullable() }),
    {
      items: [
        {
          id: 2,
          workspaceId: 'ws_1',
          actorId: null,
          actorType: 'system',
          data: { n: 1, nested: { a: [1, 'b', null] } },
          createdAt: new Date('2026-01-02T03:04:05.006Z'),
        },
        {
          id: 1,
          actorId: 'u_1',
          actorType: 'user',
          note: 'x',
          data: {},
          createdAt: new Date(0),
          secret: 'never written',
        },
      ],
      nextCursor: 'MQ',
      total: 3,
    },
  ],
  [
    "the contract's timestamps, plain and nullable",
    z.object({ at: timestamp, maybe: timestamp.nullable(), none: timestamp.nullable(), later: timestamp.optional() }),
    { at: new Date('2026-12-07T02:20:33.807Z'), maybe: new Date(1), none: null },
  ],
  [
    'strings that need escaping',
    z.object({ text: z.string() }),
    { text: 'quote " backslash \\ newline \n tab \t nul \u0000 emoji 🫱🏻‍🫲🏿 lone \ud800 end' },
  ],
  ['long strings', z.object({ text: z.string() }), { text: 'é"'.repeat(300) }],
  [
    'numbers',
    z.object({ a: z.number(), b: z.number(), c: z.int(), d: z.number() }),
    { a: -0, b: 1.5e300, c: 42, d: 0.1 + 0.2 },
  ],
  [
    'optional keys absent, undefined and present',
    z.object({ a: z.string().optional(), b: z.number().optional(), c: z.boolean().optional() }),
    { b: undefined, c: false },
  ],
  [
    'nullable values',
    z.object({ a: z.date().nullable(), b: z.date().nullable(), c: z.array(z.string()).nullable() }),
    { a: null, b: new Date(1_700_000_000_123), c: ['x'] },
  ],
  [
    'string formats',
    z.object({ email: z.email(), id: z.uuid(), at: z.iso.datetime(), day: z.iso.date() }),
    {
      email: 'a@example.test',
      id: '8f0b1d5e-2c4a-4f8e-9b1a-3d2c1b0a9f8e',
      at: '2026-12-07T02:20:33.807Z',
      day: '2026-12-07',
    },
  ],
  [
    'literals and enums',
    z.object({ kind: z.literal('post'), ok: z.literal(true), state: z.enum(['draft', 'scheduled']) }),
    { kind: 'post', ok: true, state: 'draft' },
  ],
  [
    'a record of objects',
    z.record(z.string(), z.object({ count: z.number() })),
    { b: { count: 1, extra: true }, a: { count: 2 } },
  ],
  ['a top-level array', z.array(z.object({ id: z.string() })), [{ id: 'a', other: 1 }, { id: 'b' }]],
  [
    'nullable objects with keys outside the schema',
    z.object({
      owner: z.object({ id: z.string(), at: z.date() }).nullable(),
      none: z.object({ id: z.string() }).nullable(),
    }),
    { owner: { id: 'a', extra: 1, at: new Date(9) }, none: null },
  ],
  [
    'nullable arrays of objects',
    z.object({ list: z.array(z.object({ id: z.string() })).nullable() }),
    { list: [{ id: 'a', extra: 1 }] },
  ],
  ['unknown values', z.object({ value: z.unknown(), any: z.any() }), { value: { deep: [new Date(5), 'x'] }, any: 7 }],
];

describe('compiled response serializer', () => {
  it.each(cases)('writes %s exactly as zod does', (_name, schema, value) => {
    expect(isCompilable(schema, 'value')).toBe(true);
    expect(compiled(schema)(value)).toBe(viaZod(schema)(value));
    expect(checked(schema)(value)).toBe(viaZod(schema)(value));
  });

  it('leaves schemas it cannot write exactly as zod to zod', () => {
    const others = [
      z.union([z.string(), z.number()]),
      z.object({ a: z.string().transform((value) => value.length) }),
      z.strictObject({ a: z.string() }),
      z.looseObject({ a: z.string() }),
      z.object({ a: z.string().default('x') }),
      z.object({ a: z.string().trim() }),
      z.string().optional(),
      z.tuple([z.string()]),
      z.codec(z.iso.datetime(), z.date(), { decode: (text) => new Date(text), encode: (date) => date.toDateString() }),
    ];
    for (const schema of others) expect(isCompilable(schema, 'value')).toBe(false);
    const strict = z.strictObject({ a: z.string() });
    expect(() => compiled(strict)({ a: 'x', b: 'y' })).toThrow();
    expect(compiled(z.object({ a: z.string().trim() }))({ a: ' x ' })).toBe('{"a":"x"}');
  });

  it('still checks answers against the schema with zod in tests', () => {
    const schema = z.object({ state: z.enum(['draft', 'scheduled']) });
    expect(compiled(schema)({ state: 'deleted' })).toBe('{"state":"deleted"}');
    expect(() => checked(schema)({ state: 'deleted' })).toThrow(/Response doesn't match the schema/);
  });
});
