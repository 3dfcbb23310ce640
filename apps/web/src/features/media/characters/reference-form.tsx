import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.tsx';
import { CheckboxField } from '../../../components/checkbox-field.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { fieldErrorsOf } from '../../../lib/field-errors.ts';
import { TextAreaField } from '../../brand/text-area-field.tsx';
import { uploadMedia } from '../../posts/media-upload.ts';
import { useVaultImages } from '../studio/vault-images.ts';
import { useAddReference } from './character-queries.ts';
import {
  checkReferenceDraft,
  emptyReferenceDraft,
  referenceRequest,
  type ReferenceDraft,
  type ReferenceErrors,
} from './reference-draft.ts';

interface ReferenceFormProps {
  workspaceId: string;
  characterId: string;
  onDone: () => void;
}

/** Adds a reference image from the library or an upload; a real person's likeness needs their recorded consent. */
export function ReferenceForm({ workspaceId, characterId, onDone }: ReferenceFormProps) {
  const add = useAddReference(workspaceId, characterId);
  const images = useVaultImages(workspaceId);
  const fileId = useId();
  const [draft, setDraft] = useState<ReferenceDraft>(emptyReferenceDraft);
  const [checked, setChecked] = useState<ReferenceErrors>({});
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>();
  const errors: Record<string, string | undefined> = { ...fieldErrorsOf(add.error), ...checked };
  const update = (change: Partial<ReferenceDraft>) => setDraft((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkReferenceDraft(draft);
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    let mediaId = draft.mediaId;
    if (draft.file !== undefined) {
      setUploading(true);
      setUploadError(undefined);
      try {
        mediaId = (await uploadMedia(workspaceId, draft.file)).id;
      } catch (error) {
        setUploadError(error);
        return;
      } finally {
        setUploading(false);
      }
    }
    add.mutate(referenceRequest(draft, mediaId), { onSuccess: onDone });
  }

  const consentError = errors['consentRecorded'] ?? errors['consent'];
  return (
    <form aria-label="Add a reference image" noValidate className="space-y-3" onSubmit={(e) => void submit(e)}>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="From the library"
          value={draft.mediaId}
          error={errors['image'] ?? errors['mediaId']}
          options={[
            { value: '', label: images.isPending ? 'Loading images…' : 'Choose an image' },
            ...(images.data ?? []).map((media) => ({ value: media.id, label: media.fileName })),
          ]}
          onChange={(e) => update({ mediaId: e.target.value, file: undefined })}
        />
        <div>
          <label htmlFor={fileId} className="mb-1 block text-sm font-medium text-ink">
            Or upload an image
          </label>
          <input
            id={fileId}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            className="block text-sm text-muted file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:text-ink"
            onChange={(e) => update({ file: e.target.files?.[0], mediaId: '' })}
          />
        </div>
      </div>
      <CheckboxField
        label="This image shows a real person"
        description="A photo of you, a team member, a customer, a model: anyone who exists."
        checked={draft.depictsRealPerson}
        onChange={(e) => update({ depictsRealPerson: e.target.checked })}
      />
      {draft.depictsRealPerson ? (
        <fieldset className="space-y-3 rounded-md border border-line p-3">
          <legend className="px-1 text-sm font-medium text-ink">Their consent</legend>
          <TextField
            label="Who gave consent"
            name="consentGivenBy"
            value={draft.consentGivenBy}
            error={errors['consentGivenBy']}
            hint="The person shown (or their guardian), by name."
            onChange={(e) => update({ consentGivenBy: e.target.value })}
          />
          <TextAreaField
            label="What they agreed to"
            name="consentStatement"
            rows={2}
            value={draft.consentStatement}
            error={errors['consentStatement']}
            onChange={(e) => update({ consentStatement: e.target.value })}
          />
          <div>
            <CheckboxField
              label="I have their consent on record"
              description="A signed release, an email or a recording that you keep. Your name and the time are saved with it."
              checked={draft.consentRecorded}
              aria-invalid={consentError ? true : undefined}
              aria-errormessage={consentError ? `${fileId}-consent-error` : undefined}
              onChange={(e) => update({ consentRecorded: e.target.checked })}
            />
            {consentError ? (
              <p id={`${fileId}-consent-error`} className="mt-1 text-sm text-danger">
                {consentError}
              </p>
            ) : null}
          </div>
        </fieldset>
      ) : null}
      {uploadError ? <FormAlert error={uploadError} /> : null}
      {add.isError ? <FormAlert error={add.error} /> : null}
      <div className="flex gap-2">
        <Button type="submit" isPending={uploading || add.isPending} pendingLabel="Adding…">
          Add reference
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
