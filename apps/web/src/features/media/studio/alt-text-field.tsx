import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { altTextSuggestionSchema } from '@plume/contract/media/generation-schemas';
import { mediaSchema } from '@plume/contract/media/media-schemas';
import { Button } from '../../../components/button.tsx';
import { api } from '../../../lib/api.ts';
import { errorMessageOf } from '../../../lib/field-errors.ts';
import { TextAreaField } from '../../brand/text-area-field.tsx';
import { workspacePath } from '../../workspaces/workspace-queries.ts';

interface AltTextFieldProps {
  workspaceId: string;
  mediaId: string;
  initial: string | null;
  /** Viewers read the alt text; editors change it. */
  canEdit: boolean;
}

/** An image's alt text: editable, with "Suggest alt text" from a vision model filling the field to review. */
export function AltTextField({ workspaceId, mediaId, initial, canEdit }: AltTextFieldProps) {
  const [text, setText] = useState(initial ?? '');
  const [saved, setSaved] = useState(initial ?? '');
  const path = `${workspacePath(workspaceId)}/media/${encodeURIComponent(mediaId)}`;
  const suggest = useMutation({
    mutationFn: () => api.post(`${path}/alt-text/suggest`, {}, altTextSuggestionSchema),
    onSuccess: (answer) => setText(answer.altText),
  });
  const save = useMutation({
    mutationFn: () => api.patch(path, { altText: text.trim() || null }, mediaSchema),
    onSuccess: (media) => setSaved(media.altText ?? ''),
  });
  const error = suggest.error ?? save.error;
  return (
    <div className="space-y-2">
      <TextAreaField
        label="Alt text"
        rows={2}
        value={text}
        readOnly={!canEdit}
        error={error ? errorMessageOf(error) : undefined}
        hint="What the image shows, for people who cannot see it."
        onChange={(e) => setText(e.target.value)}
      />
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            variant="secondary"
            isPending={suggest.isPending}
            pendingLabel="Looking at the image…"
            onClick={() => suggest.mutate()}
          >
            Suggest alt text
          </Button>
          <Button
            variant="ghost"
            disabled={text.trim() === saved.trim()}
            isPending={save.isPending}
            pendingLabel="Saving…"
            onClick={() => save.mutate()}
          >
            Save alt text
          </Button>
          {save.isSuccess && text.trim() === saved.trim() ? <span className="text-sm text-success">Saved.</span> : null}
        </div>
      ) : null}
    </div>
  );
}
