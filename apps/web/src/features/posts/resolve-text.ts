import { ApiError } from '../../lib/api.ts';

/** Splits what the person typed in the hashtags field into tags (`#a b, c` → `#a`, `#b`, `#c`). */
export function parseHashtags(input: string): string[] {
  return input.split(/[\s,]+/).map((tag) => tag.trim()).filter((tag) => tag.length > 0 && tag !== '#');
}

/** Hashtags with `#` and without duplicates, as the server normalizes them. */
export function normalizeHashtags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags) {
    const normalized = tag.startsWith('#') ? tag : `#${tag}`;
    if (seen.has(normalized.toLowerCase())) continue;
    seen.add(normalized.toLowerCase());
    result.push(normalized);
  }
  return result;
}

/** The text one target publishes: the body with the hashtags appended (as the server does). */
export function resolvedText(text: string, hashtags: readonly string[]): string {
  const tags = normalizeHashtags(hashtags);
  const body = text.trimEnd();
  if (tags.length === 0) return body;
  return body.length === 0 ? tags.join(' ') : `${body}\n\n${tags.join(' ')}`;
}

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
