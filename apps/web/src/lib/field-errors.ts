import { ApiError } from './api.ts';

/** Field name → message, keyed by the last segment of each problem path (`body/email` → `email`). */
export type FieldErrors = Record<string, string>;

/**
 * How a form names its fields in an error summary: `brand/voice/tone` → `Tone words`. A record maps a
 * path (or the start of one) to a label; a function may answer undefined to fall back to the default.
 */
export type FieldLabels = Readonly<Record<string, string>> | ((path: string) => string | undefined);

/** One field problem, ready to show: where it is (in words) and what is wrong. */
export interface NamedProblem {
  path: string;
  label: string;
  message: string;
}

/** Names the API gives fields that do not read well once split into words. */
const commonLabels: Readonly<Record<string, string>> = {
  scheduledAt: 'Publish time',
  accountId: 'Account',
  accountIds: 'Accounts',
  mediaIds: 'Media',
  instanceUrl: 'Server',
  baseUrl: 'Base URL',
  apiKey: 'API key',
  url: 'Link',
  webhookUrl: 'Webhook URL',
  ctaDefaults: 'Calls to action',
  expiresInDays: 'Expires in (days)',
  weekStartsOn: 'Week starts on',
};

/** `body/brand/voice/tone` → `brand/voice/tone`: the path inside the request part it names. */
export function relativePath(path: string): string {
  return path.replace(/^(body|query|params|headers)(?:[/.]|$)/, '').replace(/\./g, '/');
}

function words(name: string): string {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function labelFrom(labels: FieldLabels | undefined, path: string): string | undefined {
  if (labels === undefined) return undefined;
  if (typeof labels === 'function') return labels(path);
  const key = Object.keys(labels)
    .filter((candidate) => path === candidate || path.startsWith(`${candidate}/`))
    .sort((a, b) => b.length - a.length)[0];
  return key === undefined ? undefined : labels[key];
}

/**
 * The words for a field path: the form's own label when it gives one, else the field's name in words,
 * with the position of a list item (`goals/1` → `Goals, item 2`).
 * @example fieldLabel('body/content/firstComment') // 'First comment'
 */
export function fieldLabel(path: string, labels?: FieldLabels): string {
  const relative = relativePath(path);
  const own = labelFrom(labels, relative);
  if (own !== undefined) return own;
  const segments = relative.split('/').filter(Boolean);
  const nameAt = segments.findLastIndex((segment) => !/^\d+$/.test(segment));
  if (nameAt < 0) return 'This form';
  const name = segments[nameAt] ?? '';
  const item = segments[nameAt + 1];
  const label = commonLabels[name] ?? words(name);
  return item === undefined ? label : `${label}, item ${Number(item) + 1}`;
}

/**
 * The field problems of a request refused for its fields, each named in words. Other refusals that
 * point at a field (a server that could not be reached, named in the form) keep their own sentence.
 */
export function namedProblemsOf(error: unknown, labels?: FieldLabels): NamedProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
  return error.errors.map((problem) => ({
    path: problem.path,
    label: fieldLabel(problem.path, labels),
    message: problem.message,
  }));
}

/**
 * Reads the per-field messages of a failed request so a form can show them beside its inputs.
 * @example fieldErrorsOf(mutation.error).email
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const result: FieldErrors = {};
  for (const problem of error.errors) {
    const field = problem.path
      .split(/[/.]/)
      .filter((segment) => segment && !/^\d+$/.test(segment))
      .pop();
    if (field && !(field in result)) result[field] = problem.message;
  }
  return result;
}

function sentence(message: string): string {
  return /[.!?…]$/.test(message.trim()) ? message.trim() : `${message.trim()}.`;
}

/**
 * The human sentence for an alert region. A request refused for its fields reads as the fields'
 * problems in words (`Tone words: Use at most 8 items.`), never the API's `body/…` paths.
 */
export function errorMessageOf(error: unknown, labels?: FieldLabels): string {
  const named = namedProblemsOf(error, labels);
  if (named.length > 0) return named.map((problem) => `${problem.label}: ${sentence(problem.message)}`).join(' ');
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

/** True when the failure is an ApiError with one of the given stable codes. */
export function hasErrorCode(error: unknown, ...codes: string[]): boolean {
  return error instanceof ApiError && codes.includes(error.code);
}
