import type { z } from 'zod';

/**
 * A job is an id, a zod payload schema and a handler that takes its dependencies. Handlers must be
 * idempotent: the queue may run a job again after a crash.
 */
export type JobDefinition<Deps, Schema extends z.ZodType> = {
  id: string;
  payload: Schema;
  run: (deps: Deps, payload: z.infer<Schema>) => Promise<unknown>;
};

export function defineJob<Deps, Schema extends z.ZodType>(
  definition: JobDefinition<Deps, Schema>,
): JobDefinition<Deps, Schema> {
  return definition;
}
