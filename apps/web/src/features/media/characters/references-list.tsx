import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { formatTime } from '../../../lib/format-time.ts';
import { mediaFileUrl } from '../studio/media-url.ts';
import { useRemoveReference } from './character-queries.ts';
import type { CharacterReference } from '@plume/contract/media/character-schemas';
import { ReferenceForm } from './reference-form.tsx';

interface ReferencesListProps {
  workspaceId: string;
  characterId: string;
  characterName: string;
  references: readonly CharacterReference[];
  zone: string;
  canEdit: boolean;
}

/** A character's reference images, each with its recorded consent when it shows a real person. */
export function ReferencesList(props: ReferencesListProps) {
  const { workspaceId, characterId, characterName, references, zone, canEdit } = props;
  const remove = useRemoveReference(workspaceId, characterId);
  const [adding, setAdding] = useState(false);
  return (
    <section aria-label={`References of ${characterName}`} className="space-y-2">
      <h4 className="text-sm font-medium text-ink">Reference images</h4>
      {references.length === 0 ? (
        <p className="text-sm text-muted">
          None yet. A reference image keeps the face the same from one result to the next.
        </p>
      ) : (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {references.map((reference) => (
            <li key={reference.id} className="space-y-1 text-xs">
              <img
                src={mediaFileUrl(workspaceId, { id: reference.mediaId })}
                alt={`Reference image of ${characterName}`}
                className="aspect-square w-full rounded bg-subtle object-cover"
              />
              <p className="text-muted">
                {reference.depictsRealPerson
                  ? `Real person · consent by ${reference.consentGivenBy ?? '?'}, recorded ${formatTime(reference.consentRecordedAt, zone)}`
                  : 'Not a real person'}
              </p>
              {canEdit ? (
                <Button variant="ghost" className="px-0 py-0 text-xs" onClick={() => remove.mutate(reference.id)}>
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {remove.isError ? <FormAlert error={remove.error} /> : null}
      {canEdit ? (
        adding ? (
          <ReferenceForm workspaceId={workspaceId} characterId={characterId} onDone={() => setAdding(false)} />
        ) : (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            Add a reference image
          </Button>
        )
      ) : null}
    </section>
  );
}
