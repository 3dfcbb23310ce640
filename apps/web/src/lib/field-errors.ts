import { ApiError } from './api.ts';

/** Field name → message, keyed by the last segment of each problem path (`body/email` → `email`). */
export type FieldErrors = Record<string, string>;

/**
 * Reads the per-field messages of a failed request so a form can show them beside its inputs.
 * @example fieldErrorsOf(mutation.error).email
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const result: FieldErrors = {};
  for (const problem of error.errors) {
    const field = problem.path.split(/[/.]/).filter(Boolean).pop();
    if (field && !(field in result)) result[field] = problem.message;
  }
  return result;
}

/** The human sentence for an alert region: the problem `detail`, or a generic fallback. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

/** True when the failure is an ApiError with one of the given stable codes. */
export function hasErrorCode(error: unknown, ...codes: string[]): boolean {
  return error instanceof ApiError && codes.includes(error.code);
}
