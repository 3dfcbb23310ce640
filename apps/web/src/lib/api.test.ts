import { describe, expect, it } from 'vitest';
import { postSchema } from '@plume/contract/posts/post-schemas';
import { workspaceSchema } from '@plume/contract/workspaces/workspace-schemas';
import { ApiError, checksAnswers, readAnswer } from './api.ts';

const workspace = {
  id: 'w1',
  name: 'Bakery',
  slug: 'bakery',
  kind: 'brand',
  timezone: 'UTC',
  locale: 'en',
  role: 'owner',
  createdAt: '2026-01-01T00:00:00.000Z',
};

function failureOf(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the answer to be refused');
}

describe('readAnswer', () => {
  it('checks answers in unit tests', () => {
    expect(checksAnswers()).toBe(true);
  });

  it('returns a matching answer as it came, dates still ISO strings', () => {
    const answer = readAnswer(workspaceSchema, workspace, 'GET /workspaces/w1');
    expect(answer).toBe(workspace);
    expect(answer.createdAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses an answer that drifted from the contract, naming the request and the field', () => {
    const error = failureOf(() =>
      readAnswer(workspaceSchema, { ...workspace, role: 'superuser' }, 'GET /workspaces/w1'),
    );
    expect(error.code).toBe('contract_mismatch');
    expect(error.detail).toContain('GET /workspaces/w1');
    expect(error.detail).toContain('role');
  });

  it('refuses a post without the actions its caller may take', () => {
    const post = {
      id: 'p',
      state: 'draft',
      content: { text: '', mediaIds: [], thread: [], hashtags: [] },
      scheduledAt: null,
      version: 1,
      reviewNote: null,
      approvedAt: null,
      createdAt: '',
      updatedAt: '',
      targets: [],
    };
    expect(failureOf(() => readAnswer(postSchema, post, 'GET /posts/p')).detail).toContain('actions');
    expect(readAnswer(postSchema, { ...post, actions: ['edit', 'submit'] }, 'GET /posts/p').actions).toEqual([
      'edit',
      'submit',
    ]);
  });
});
