import { describe, expect, it } from 'vitest';
import { checkReferenceDraft, emptyReferenceDraft, referenceRequest } from './reference-draft.ts';

describe('a reference image', () => {
  it('needs an image', () => {
    expect(checkReferenceDraft(emptyReferenceDraft()).image).toBeDefined();
    expect(checkReferenceDraft({ ...emptyReferenceDraft(), mediaId: 'm1' })).toEqual({});
  });

  it('of a real person is refused without who consented, to what, and the consent on record', () => {
    const real = { ...emptyReferenceDraft(), mediaId: 'm1', depictsRealPerson: true };
    expect(Object.keys(checkReferenceDraft(real)).sort()).toEqual([
      'consentGivenBy',
      'consentRecorded',
      'consentStatement',
    ]);
    const unticked = { ...real, consentGivenBy: 'Mia Rossi', consentStatement: 'AI images for Acme' };
    expect(checkReferenceDraft(unticked)).toEqual({ consentRecorded: expect.stringMatching(/consent on record/) });
    expect(checkReferenceDraft({ ...unticked, consentRecorded: true })).toEqual({});
    expect(referenceRequest({ ...unticked, consentRecorded: true }, 'm2')).toEqual({
      mediaId: 'm2',
      depictsRealPerson: true,
      consentGivenBy: 'Mia Rossi',
      consentStatement: 'AI images for Acme',
    });
  });

  it('that is not a real person sends no consent', () => {
    const draft = { ...emptyReferenceDraft(), mediaId: 'm1', consentGivenBy: 'left over' };
    expect(referenceRequest(draft, 'm1')).toEqual({ mediaId: 'm1', depictsRealPerson: false });
  });
});
