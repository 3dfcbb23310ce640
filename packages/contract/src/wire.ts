/**
 * How values travel as JSON. Response schemas describe the wire: the server encodes into it and the web
 * app reads it as it is, so a field's type on the web is `Wire<typeof schema>` (dates stay ISO strings).
 */
import { z } from 'zod';

/**
 * An instant: a `Date` on the server, an ISO 8601 string on the wire and in the web app.
 * @example timestamp.encode(new Date(0)) // '1970-01-01T00:00:00.000Z'
 */
export const timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** The JSON a schema describes, as it is sent: what the web app receives and what it sends. */
export type Wire<Schema extends z.ZodType> = z.input<Schema>;

/** A list answer: `{ items }`. */
export const itemsOf = <Item extends z.ZodType>(item: Item) => z.object({ items: z.array(item) });

/** A page of a longer list: `{ items, nextCursor }` (null on the last page). */
export const pageOf = <Item extends z.ZodType>(item: Item) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** One field-level problem in a problem+json `errors` array (`path` like `body/email`). */
export const fieldProblemSchema = z.object({ path: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

/** An RFC 9457 problem+json error body with Plume's stable `code`. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(fieldProblemSchema).optional(),
});
