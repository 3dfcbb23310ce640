import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installPlainValidationMessages } from './plain-validation-messages.ts';

installPlainValidationMessages();

/** The message zod gives for `input` against `schema`, with the plain messages installed. */
function messageOf(schema: z.ZodType, input: unknown): string | undefined {
  const result = schema.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe('plain validation messages', () => {
  it('says how many items or characters are allowed, and how many there are', () => {
    expect(
      messageOf(
        z.array(z.string()).max(8),
        Array.from({ length: 9 }, () => 'warm'),
      ),
    ).toBe('Use at most 8 items (this has 9).');
    expect(messageOf(z.string().max(80), 'x'.repeat(95))).toBe('Use at most 80 characters (this has 95).');
    expect(messageOf(z.string().length(4), 'abc')).toBe('Use exactly 4 characters.');
    expect(messageOf(z.array(z.string()).min(2), ['a'])).toBe('Add at least 2 items.');
    expect(messageOf(z.string().min(12), 'short')).toBe('Use at least 12 characters.');
  });

  it('says a field is required or empty in words', () => {
    expect(messageOf(z.object({ name: z.string() }), {})).toBe('This is required.');
    expect(messageOf(z.string().min(1), '')).toBe('This cannot be empty.');
    expect(messageOf(z.array(z.string()).min(1), [])).toBe('Add at least one item.');
    expect(messageOf(z.string(), null)).toBe('This cannot be empty.');
  });

  it('names the expected kind of value, the range of a number and the choices', () => {
    expect(messageOf(z.number(), 'three')).toBe('Must be a number.');
    expect(messageOf(z.boolean(), 'yes')).toBe('Must be true or false.');
    expect(messageOf(z.number().max(1), 3)).toBe('Must be at most 1.');
    expect(messageOf(z.number().min(0), -1)).toBe('Must be at least 0.');
    expect(messageOf(z.number().lt(5), 5)).toBe('Must be less than 5.');
    expect(messageOf(z.number().int(), 1.5)).toBe('Must be a whole number.');
    expect(messageOf(z.enum(['brand', 'character']), 'zzz')).toBe('Choose one of: “brand”, “character”.');
    expect(messageOf(z.literal('yes'), 'no')).toBe('Must be “yes”.');
    expect(messageOf(z.number().multipleOf(5), 7)).toBe('Must be a multiple of 5.');
  });

  it('explains formats with an example', () => {
    expect(messageOf(z.email(), 'ada')).toBe('Enter an email address, like name@example.com.');
    expect(messageOf(z.url(), 'nope')).toBe('Enter a full web address, like https://example.com.');
    expect(messageOf(z.uuid(), 'x')).toBe('This is not a valid id.');
    expect(messageOf(z.iso.datetime({ offset: true }), 'tomorrow')).toBe(
      'Enter a date and time with its offset, like 2030-07-01T09:00:00+02:00.',
    );
    expect(messageOf(z.string().regex(/^\d+$/), 'abc')).toBe('This is not in the expected format.');
    expect(messageOf(z.string().startsWith('plume_'), 'key')).toBe('Must start with “plume_”.');
  });

  it('names unknown fields and the choices of a discriminated union', () => {
    expect(messageOf(z.strictObject({ a: z.string() }), { a: 'x', b: 1 })).toBe('Unknown field: b.');
    const action = z.discriminatedUnion('type', [
      z.object({ type: z.literal('submit') }),
      z.object({ type: z.literal('approve') }),
    ]);
    expect(messageOf(action, { type: 'dance' })).toBe('Choose one of: “submit”, “approve”.');
  });

  it('keeps a message the schema sets itself', () => {
    expect(messageOf(z.string().min(1, 'Enter your Bluesky handle'), '')).toBe('Enter your Bluesky handle');
  });

  it('never leaks zod’s developer wording', () => {
    const schemas: [z.ZodType, unknown][] = [
      [z.object({ tags: z.array(z.string()).max(1) }), { tags: ['a', 'b'] }],
      [z.object({ n: z.number().gt(0) }), { n: 0 }],
      [z.record(z.enum(['a']), z.string()), { b: 'x' }],
      [z.union([z.string(), z.number()]), true],
      [z.string().refine(() => false), 'x'],
    ];
    for (const [schema, input] of schemas) {
      expect(messageOf(schema, input)).not.toMatch(/Too big|Too small|Invalid input|expected|received|<=|>=/);
    }
  });
});
