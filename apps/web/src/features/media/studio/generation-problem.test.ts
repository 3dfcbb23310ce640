import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api.ts';
import { failedJobReason, generationProblemOf, promptMessageOf } from './generation-problem.ts';

const apiError = (code: string, detail: string, errors: { path: string; message: string }[] = []) =>
  new ApiError({ status: 422, code, detail, errors });

describe('a refused or failed generation', () => {
  it('puts a refused prompt at the prompt field, whether named by a code or a field', () => {
    const refused = generationProblemOf(apiError('content_refused', 'This prompt asks for explicit content.'));
    expect(refused.kind).toBe('refused');
    expect(promptMessageOf(refused)).toBe('This prompt asks for explicit content.');
    const field = generationProblemOf(
      apiError('validation_failed', 'Check the fields', [{ path: 'body/prompt', message: 'Not allowed.' }]),
    );
    expect(promptMessageOf(field)).toBe('Not allowed.');
  });

  it('tells a spent budget and a missing provider apart from other failures', () => {
    expect(generationProblemOf(apiError('llm_budget_exceeded', 'Spent.')).kind).toBe('budget');
    expect(generationProblemOf(apiError('no_media_provider', 'None.')).kind).toBe('no_provider');
    expect(generationProblemOf(apiError('llm_unavailable', 'No provider answered.')).kind).toBe('no_provider');
    expect(generationProblemOf(apiError('internal', 'Oops')).kind).toBe('other');
    expect(generationProblemOf(new Error('x')).kind).toBe('other');
    expect(promptMessageOf(generationProblemOf(apiError('llm_budget_exceeded', 'Spent.')))).toBeUndefined();
  });
});

describe('a failed job', () => {
  it('points at the Models page when no provider is set up or the budget is spent', () => {
    const failed = (error: string) => failedJobReason({ state: 'failed', error });
    expect(failed('No image provider is set up: add one on the Models page.')).toBe('no_provider');
    expect(failed("The workspace's budget is reached, so no image was made.")).toBe('budget');
    expect(failed('The provider refused to make this image (its content policy).')).toBeUndefined();
    expect(failedJobReason({ state: 'cancelled', error: null })).toBeUndefined();
  });
});
