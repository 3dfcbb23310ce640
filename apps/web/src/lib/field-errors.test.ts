import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { errorMessageOf, fieldErrorsOf, fieldLabel, namedProblemsOf } from './field-errors.ts';

const refused = (errors: { path: string; message: string }[]) =>
  new ApiError({
    status: 400,
    code: 'validation_failed',
    detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
    errors,
  });

describe('field errors in words', () => {
  it('never shows the API’s body/… paths: each problem is named by its field', () => {
    const error = refused([{ path: 'body/brand/voice/tone', message: 'Use at most 8 items (this has 9).' }]);
    expect(errorMessageOf(error)).toBe('Tone: Use at most 8 items (this has 9).');
    expect(errorMessageOf(error, { 'brand/voice/tone': 'Tone words' })).toBe(
      'Tone words: Use at most 8 items (this has 9).',
    );
    expect(errorMessageOf(error)).not.toContain('body/');
  });

  it('names fields in words, list items by position, and takes the longest matching label', () => {
    expect(fieldLabel('body/content/firstComment')).toBe('First comment');
    expect(fieldLabel('body/scheduledAt')).toBe('Publish time');
    expect(fieldLabel('body/brand/goals/1')).toBe('Goals, item 2');
    expect(fieldLabel('query/limit')).toBe('Limit');
    expect(fieldLabel('body/targets/0/text', { targets: 'Accounts', 'targets/0': 'Bluesky · ada.test' })).toBe(
      'Bluesky · ada.test',
    );
    expect(
      fieldLabel('body/targets/1/text', (path) => (path.startsWith('targets/1') ? 'Mastodon · @plume' : undefined)),
    ).toBe('Mastodon · @plume');
    expect(fieldLabel('body')).toBe('This form');
  });

  it('keeps the problem detail for refusals that are not about fields', () => {
    const conflict = new ApiError({ status: 409, code: 'conflict', detail: 'Someone changed this post.' });
    expect(errorMessageOf(conflict)).toBe('Someone changed this post.');
    expect(namedProblemsOf(conflict)).toEqual([]);
    const unreachable = new ApiError({
      status: 502,
      code: 'network_unavailable',
      detail: 'Plume could not reach pds.example from this server (DNS lookup failed).',
      errors: [
        {
          path: 'body/credentials/service',
          message: 'Plume could not reach pds.example from this server (DNS lookup failed).',
        },
      ],
    });
    expect(errorMessageOf(unreachable)).toBe('Plume could not reach pds.example from this server (DNS lookup failed).');
    expect(fieldErrorsOf(unreachable).service).toContain('DNS lookup failed');
  });

  it('keys field messages by the field, not by a list position', () => {
    const error = refused([
      { path: 'body/scopes/0', message: 'Choose one of: “read”, “write”.' },
      { path: 'body/name', message: 'This cannot be empty.' },
    ]);
    expect(fieldErrorsOf(error)).toEqual({ scopes: 'Choose one of: “read”, “write”.', name: 'This cannot be empty.' });
  });
});
