/** Adding a reference image: which file, and the consent when it shows a real person. */
export interface ReferenceDraft {
  /** A vault item, or '' when a file is uploaded. */
  mediaId: string;
  file: File | undefined;
  depictsRealPerson: boolean;
  consentGivenBy: string;
  consentStatement: string;
  consentRecorded: boolean;
}

export function emptyReferenceDraft(): ReferenceDraft {
  return {
    mediaId: '',
    file: undefined,
    depictsRealPerson: false,
    consentGivenBy: '',
    consentStatement: '',
    consentRecorded: false,
  };
}

export type ReferenceErrors = Partial<
  Record<'image' | 'consentGivenBy' | 'consentStatement' | 'consentRecorded', string>
>;

/**
 * The product rule, checked before anything is sent (the API and the database check it again): a
 * real person's likeness only with a consent that says who gave it, to what, and that it is on record.
 */
export function checkReferenceDraft(draft: ReferenceDraft): ReferenceErrors {
  const errors: ReferenceErrors = {};
  if (draft.mediaId === '' && draft.file === undefined)
    errors.image = 'Choose an image from the library or upload one.';
  if (!draft.depictsRealPerson) return errors;
  if (draft.consentGivenBy.trim().length < 2) errors.consentGivenBy = 'Name the person who gave their consent.';
  if (draft.consentStatement.trim().length < 10)
    errors.consentStatement = 'Write what they agreed to, for example "AI images of me for Acme\'s social media".';
  if (!draft.consentRecorded)
    errors.consentRecorded =
      "Plume uses a real person's likeness only with their consent on record. Tick this once you hold it.";
  return errors;
}

/**
 * The request body once the image is in the vault. The tick itself is not sent: the API records who
 * entered the consent and when.
 */
export function referenceRequest(draft: ReferenceDraft, mediaId: string): Record<string, unknown> {
  if (!draft.depictsRealPerson) return { mediaId, depictsRealPerson: false };
  return {
    mediaId,
    depictsRealPerson: true,
    consentGivenBy: draft.consentGivenBy.trim(),
    consentStatement: draft.consentStatement.trim(),
  };
}
