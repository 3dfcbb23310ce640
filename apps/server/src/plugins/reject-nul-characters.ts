import type { FastifyInstance } from 'fastify';
import { AppError } from '@plume/errors/app-error';

const message = 'The NUL character (U+0000) is not allowed';
const maxReported = 20;

function collectNulPaths(value: unknown, path: string, found: string[]): void {
  if (found.length >= maxReported) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collectNulPaths(item, `${path}/${index}`, found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push(path);
      else collectNulPaths(item, `${path}/${key}`, found);
    }
  }
}

/**
 * PostgreSQL stores no U+0000 in `text` or `jsonb`: a string holding one fails deep inside a query
 * (a 500). Every route, auth included, answers 400 `validation_failed` naming the field instead.
 */
export function registerNulCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found: string[] = [];
    collectNulPaths(request.params, 'params', found);
    collectNulPaths(request.query, 'query', found);
    collectNulPaths(request.body, 'body', found);
    if (found.length === 0) return;
    throw new AppError('validation_failed', { detail: found.map((path) => `${path}: ${message}`).join('; '), errors: found.map((path) => ({ path, message })) });
  });
}
