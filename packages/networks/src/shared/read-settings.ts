/**
 * A post's per-network settings as its publish operation reads them. They were validated when the post was
 * saved; if they no longer parse (edited in the database, or a schema that changed since), publishing fails
 * for good with a plain reason rather than sending with guessed defaults or crashing on a parser error.
 */
import type { z } from 'zod';
import { Permanent } from '../provider-errors.ts';

export function readSettings<S extends z.ZodType>(network: string, schema: S, settings: unknown): z.output<S> {
  const parsed = schema.safeParse(settings);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const detail =
    issue === undefined
      ? ''
      : ` (${issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message})`;
  throw new Permanent(
    `The ${network} settings of this post are not valid${detail}; edit the post and save its settings again.`,
  );
}
