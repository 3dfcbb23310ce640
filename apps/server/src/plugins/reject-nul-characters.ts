import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '@plume/errors/app-error';

const nulMessage = 'The NUL character (U+0000) is not allowed';
const maxReported = 20;
/** Deeper than any request Plume takes; far below what recursive code (zod, JSON.stringify) survives. */
export const maxNestingDepth = 64;
const depthMessage = `Lists and objects may be nested at most ${maxNestingDepth} levels deep`;

type Pending = { value: unknown; path: string; depth: number };

/**
 * Walks a parsed request value with an explicit stack (a recursive walk overflows on
 * `[[[[…]]]]` 100,000 levels deep). Stops at the first value nested too deep.
 */
function inspectValue(root: unknown, rootPath: string, found: FieldError[]): void {
  const stack: Pending[] = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length > 0 && found.length < maxReported) {
    const { value, path, depth } = stack.pop() as Pending;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) found.push({ path, message: nulMessage });
      continue;
    }
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) continue;
    if (depth >= maxNestingDepth) {
      found.push({ path: rootPath, message: depthMessage });
      return;
    }
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, item] = entries[index] as readonly [string, unknown];
      if (key.includes('\u0000')) found.push({ path, message: nulMessage });
      else stack.push({ value: item, path: `${path}/${key}`, depth: depth + 1 });
    }
  }
}

/**
 * PostgreSQL stores no U+0000 in `text` or `jsonb`: a string holding one fails deep inside a query
 * (a 500). Every route, auth included, answers 400 `validation_failed` naming the field instead.
 * JSON nested deeper than `maxNestingDepth` is refused the same way, before zod or anything else
 * recursive sees it.
 */
export function registerNulCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found: FieldError[] = [];
    inspectValue(request.params, 'params', found);
    inspectValue(request.query, 'query', found);
    inspectValue(request.body, 'body', found);
    if (found.length === 0) return;
    throw new AppError('validation_failed', {
      detail: found.map((error) => `${error.path}: ${error.message}`).join('; '),
      errors: found,
    });
  });
}
