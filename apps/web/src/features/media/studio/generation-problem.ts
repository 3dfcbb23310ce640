import { ApiError } from '../../../lib/api.ts';
import { fieldErrorsOf, type FieldErrors } from '../../../lib/field-errors.ts';

/**
 * How the studio shows a refused or failed generation: a refused prompt at the prompt field, an
 * exhausted budget or a missing provider with a way to the Models page, anything else in the alert.
 */
export type GenerationProblem =
  | { kind: 'fields'; fields: FieldErrors }
  | { kind: 'refused'; message: string }
  | { kind: 'budget'; message: string }
  | { kind: 'no_provider'; message: string }
  | { kind: 'other'; error: unknown };

const refusedCodes = /refus|content_policy|policy|safety|explicit|consent/;
const budgetCodes = /budget/;
/** `llm_unavailable`: no media provider is set up or none of them answered. */
const noProviderCodes = /no_provider|no_media_provider|not_configured|unavailable/;

/** Sorts an API failure (or a failed job's words) into what the page shows where. */
export function generationProblemOf(error: unknown): GenerationProblem {
  if (!(error instanceof ApiError)) return { kind: 'other', error };
  const fields = fieldErrorsOf(error);
  if (error.code === 'validation_failed' && Object.keys(fields).length > 0) {
    // The API names a refused prompt at its field too; keep it with the prompt.
    return { kind: 'fields', fields };
  }
  if (refusedCodes.test(error.code)) return { kind: 'refused', message: error.detail };
  if (budgetCodes.test(error.code)) return { kind: 'budget', message: error.detail };
  if (noProviderCodes.test(error.code)) return { kind: 'no_provider', message: error.detail };
  if (fields['prompt'] !== undefined) return { kind: 'fields', fields };
  return { kind: 'other', error };
}

/** The message to show at the prompt field, if the problem belongs there. */
export function promptMessageOf(problem: GenerationProblem | undefined): string | undefined {
  if (problem === undefined) return undefined;
  if (problem.kind === 'refused') return problem.message;
  if (problem.kind === 'fields') return problem.fields['prompt'] ?? problem.fields['text'];
  return undefined;
}

/**
 * Why a job failed, when the page can point at a fix: the worker writes the gateway's failure in words
 * (`No image provider is set up…`, `The workspace's budget is reached…`); the job carries no code.
 */
export function failedJobReason(job: { state: string; error: string | null }): 'budget' | 'no_provider' | undefined {
  if (job.state !== 'failed' || job.error === null) return undefined;
  if (/provider is set up|no provider|could not be reached|unavailable/i.test(job.error)) return 'no_provider';
  if (/budget/i.test(job.error)) return 'budget';
  return undefined;
}
