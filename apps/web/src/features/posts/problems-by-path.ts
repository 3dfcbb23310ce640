import { ApiError } from '../../lib/api.ts';

/** Field problems of a failed request keyed by their full path without the `body/` prefix (`targets/0/text`). */
export function problemsByPath(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const problem of error.errors) {
    const path = problem.path.replace(/^body[/.]/, '').replace(/\./g, '/');
    if (!(path in result)) result[path] = problem.message;
  }
  return result;
}
