import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api.ts';
import { generationProblemOf, promptMessageOf } from './generation-problem.ts';

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
