import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { mediaFileUrl } from '../studio/media-url.ts';
import { styleLabel } from '../studio/studio-labels.ts';
import { APPEARANCE_FIELDS } from './character-draft.ts';
import { useDeleteCharacter } from './character-queries.ts';
import type { Character } from '@plume/contract/media/character-schemas';
import { PreviewButton } from './preview-button.tsx';
import { ReferencesList } from './references-list.tsx';
import { VariationsSection } from './variations-section.tsx';

interface CharacterCardProps {
  workspaceId: string;
  character: Character;
  zone: string;
  canEdit: boolean;
  /** Opened: its references, variations and the preview generation. */
  expanded: boolean;
  onEdit: () => void;
  onToggle: () => void;
}

function lookOf(character: Character): string {
  const parts = APPEARANCE_FIELDS.flatMap((field) => {
    const value = character.appearance[field.key];
    return value ? [value] : [];
  });
  return parts.join(' · ');
}

/** One character: preview, look, style, voice; opened: references, variations and the preview generation. */
export function CharacterCard(props: CharacterCardProps) {
  const { workspaceId, character, zone, canEdit, expanded, onEdit, onToggle } = props;
  const remove = useDeleteCharacter(workspaceId);
  return (
    <li aria-label={character.name} className="rounded-lg border border-line bg-surface p-4">
      <div className="flex gap-3">
        {character.previewMediaId ? (
          <img
            src={mediaFileUrl(workspaceId, { id: character.previewMediaId })}
            alt={`Preview of ${character.name}`}
            className="size-20 shrink-0 rounded bg-subtle object-cover"
          />
        ) : (
          <div
            aria-hidden="true"
            className="flex size-20 shrink-0 items-center justify-center rounded bg-subtle text-2xl text-muted"
          >
            {character.name.slice(0, 1).toUpperCase()}
          </div>
        )}
        <div className="min-w-0 flex-1">
          <h3 className="font-semibold text-ink">{character.name}</h3>
          {character.description ? <p className="text-sm text-muted">{character.description}</p> : null}
          <p className="mt-1 text-xs text-muted">
            {[
              styleLabel(character.style),
              lookOf(character),
              character.voice ? `Voice ${character.voice.voice}` : 'No voice',
              character.seed === null ? 'Random seed' : `Seed ${character.seed}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" aria-expanded={expanded} onClick={onToggle}>
          {expanded ? 'Close' : 'Open'}
        </Button>
        {canEdit ? (
          <>
            <Button variant="secondary" onClick={onEdit}>
              Edit
            </Button>
            <Button
              variant="ghost"
              isPending={remove.isPending}
              onClick={() => {
                if (window.confirm(`Delete ${character.name}? Generated media stays in the library.`))
                  remove.mutate(character.id);
              }}
            >
              Delete
            </Button>
          </>
        ) : null}
      </div>
      {remove.isError ? <FormAlert error={remove.error} /> : null}
      {expanded ? (
        <div className="mt-4 space-y-5 border-t border-line pt-4">
          {canEdit ? (
            <PreviewButton workspaceId={workspaceId} characterId={character.id} label="Generate preview" />
          ) : null}
          <ReferencesList
            workspaceId={workspaceId}
            characterId={character.id}
            characterName={character.name}
            references={character.references}
            zone={zone}
            canEdit={canEdit}
          />
          <VariationsSection
            workspaceId={workspaceId}
            characterId={character.id}
            characterName={character.name}
            variations={character.variations}
            canEdit={canEdit}
          />
        </div>
      ) : null}
    </li>
  );
}
