import type { TestContext } from 'vitest';
import { describe, expect, it } from 'vitest';
import { isContinuousIntegration } from '@plume/config/ci-environment';
import { missingSharedSpecs, requireSharedSpecs } from './shared-specs.ts';

/** A test context that records the skip note instead of skipping the test that checks it. */
function contextRecordingSkip(): { context: TestContext; notes: string[] } {
  const notes: string[] = [];
  const skip = (note?: string) => {
    notes.push(note ?? '');
  };
  return { context: { skip } as unknown as TestContext, notes };
}

describe('contract tests without ../shared/specs', () => {
  it('names what is missing, and nothing when everything is there', () => {
    expect(missingSharedSpecs(['/specs/a.json', '/specs/b.json'], (path) => path.endsWith('a.json'))).toBe(
      '/specs/b.json is missing (../shared/specs beside the clone)',
    );
    expect(missingSharedSpecs(['/specs/a.json'], () => true)).toBeUndefined();
  });

  it('skip with the reason outside CI', () => {
    const { context, notes } = contextRecordingSkip();
    requireSharedSpecs(context, '/specs/x.json is missing', false);
    expect(notes).toEqual(['skipped: /specs/x.json is missing']);
  });

  it('fail in CI instead of skipping', () => {
    const { context, notes } = contextRecordingSkip();
    expect(() => requireSharedSpecs(context, '/specs/x.json is missing', true)).toThrow(/CI runs with \.\.\/shared/);
    expect(notes).toEqual([]);
  });

  it('run when the specs are there', () => {
    const { context, notes } = contextRecordingSkip();
    requireSharedSpecs(context, undefined, true);
    expect(notes).toEqual([]);
  });

  it('know CI by its CI variable', () => {
    expect(isContinuousIntegration({ CI: 'true' })).toBe(true);
    expect(isContinuousIntegration({ CI: '1' })).toBe(true);
    expect(isContinuousIntegration({ CI: 'false' })).toBe(false);
    expect(isContinuousIntegration({ CI: '' })).toBe(false);
    expect(isContinuousIntegration({})).toBe(false);
  });
});
