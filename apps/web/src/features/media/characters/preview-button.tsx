import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { api } from '../../../lib/api.ts';
import { GenerationPanel } from '../studio/generation-panel.tsx';
import { generationSchema } from '@plume/contract/media/generation-schemas';
import { charactersPath } from './character-queries.ts';

interface PreviewButtonProps {
  workspaceId: string;
  characterId: string;
  variationId?: string;
  label: string;
}

/** "Generate preview": one image of the character (or a variation) with its look, shown as it is made. */
export function PreviewButton({ workspaceId, characterId, variationId, label }: PreviewButtonProps) {
  const [generationId, setGenerationId] = useState<string>();
  const start = useMutation({
    mutationFn: () =>
      api.post(
        `${charactersPath(workspaceId)}/${encodeURIComponent(characterId)}/preview`,
        variationId === undefined ? {} : { variationId },
        generationSchema,
      ),
    onSuccess: (generation) => setGenerationId(generation.id),
  });
  return (
    <div className="space-y-3">
      <Button variant="secondary" isPending={start.isPending} pendingLabel="Starting…" onClick={() => start.mutate()}>
        {label}
      </Button>
      {start.isError ? <FormAlert error={start.error} /> : null}
      {generationId === undefined ? null : (
        <GenerationPanel workspaceId={workspaceId} generationId={generationId} canEdit />
      )}
    </div>
  );
}
