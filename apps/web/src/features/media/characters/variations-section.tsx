import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { fieldErrorsOf } from '../../../lib/field-errors.ts';
import { mediaFileUrl } from '../studio/media-url.ts';
import { imageStyleOptions, styleLabel } from '../studio/studio-labels.ts';
import { appearanceOf } from './character-draft.ts';
import { useAddVariation, useRemoveVariation } from './character-queries.ts';
import type { CharacterVariation } from '@plume/contract/media/character-schemas';
import { PreviewButton } from './preview-button.tsx';

interface VariationsSectionProps {
  workspaceId: string;
  characterId: string;
  characterName: string;
  variations: readonly CharacterVariation[];
  canEdit: boolean;
}

function describe(variation: CharacterVariation): string {
  const parts = Object.values(variation.appearance).filter((value): value is string => Boolean(value));
  if (variation.style) parts.unshift(styleLabel(variation.style));
  return parts.join(' · ') || 'Same look, another name';
}

/** Saved variations of the look (another outfit, setting or style), each with a preview. */
export function VariationsSection(props: VariationsSectionProps) {
  const { workspaceId, characterId, characterName, variations, canEdit } = props;
  const [adding, setAdding] = useState(false);
  const remove = useRemoveVariation(workspaceId, characterId);
  return (
    <section aria-label={`Variations of ${characterName}`} className="space-y-2">
      <h4 className="text-sm font-medium text-ink">Variations</h4>
      {variations.length === 0 ? (
        <p className="text-sm text-muted">None yet: add one for another outfit, place or style.</p>
      ) : (
        <ul className="space-y-3">
          {variations.map((variation) => (
            <li key={variation.id} aria-label={variation.name} className="flex gap-3">
              {variation.previewMediaId ? (
                <img
                  src={mediaFileUrl(workspaceId, { id: variation.previewMediaId })}
                  alt={`Preview of ${characterName}, ${variation.name}`}
                  className="size-16 rounded bg-subtle object-cover"
                />
              ) : null}
              <div className="min-w-0 flex-1 space-y-1">
                <p className="text-sm font-medium">{variation.name}</p>
                <p className="text-xs text-muted">{describe(variation)}</p>
                {canEdit ? (
                  <Button variant="ghost" className="px-0 py-0 text-xs" onClick={() => remove.mutate(variation.id)}>
                    Remove {variation.name}
                  </Button>
                ) : null}
                {canEdit ? (
                  <PreviewButton
                    workspaceId={workspaceId}
                    characterId={characterId}
                    variationId={variation.id}
                    label={`Preview ${variation.name}`}
                  />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {remove.isError ? <FormAlert error={remove.error} /> : null}
      {canEdit ? (
        adding ? (
          <VariationForm workspaceId={workspaceId} characterId={characterId} onDone={() => setAdding(false)} />
        ) : (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            Add a variation
          </Button>
        )
      ) : null}
    </section>
  );
}

function VariationForm({
  workspaceId,
  characterId,
  onDone,
}: {
  workspaceId: string;
  characterId: string;
  onDone: () => void;
}) {
  const add = useAddVariation(workspaceId, characterId);
  const [name, setName] = useState('');
  const [style, setStyle] = useState('');
  const [clothing, setClothing] = useState('');
  const [setting, setSetting] = useState('');
  const [nameError, setNameError] = useState<string>();
  const errors = fieldErrorsOf(add.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    setNameError(name.trim() === '' ? 'Name the variation, for example "Summer outfit".' : undefined);
    if (name.trim() === '') return;
    const body = {
      name: name.trim(),
      style: style === '' ? null : style,
      appearance: appearanceOf({ clothing, setting }),
    };
    add.mutate(body, { onSuccess: onDone });
  }

  return (
    <form aria-label="Add a variation" noValidate className="grid gap-3 sm:grid-cols-2" onSubmit={submit}>
      <TextField
        label="Variation name"
        name="name"
        value={name}
        error={nameError ?? errors['name']}
        onChange={(e) => setName(e.target.value)}
      />
      <SelectField
        label="Variation style"
        value={style}
        options={[{ value: '', label: "The character's style" }, ...imageStyleOptions]}
        onChange={(e) => setStyle(e.target.value)}
      />
      <TextField label="Clothing" name="clothing" value={clothing} onChange={(e) => setClothing(e.target.value)} />
      <TextField label="Setting" name="setting" value={setting} onChange={(e) => setSetting(e.target.value)} />
      {add.isError ? (
        <div className="sm:col-span-2">
          <FormAlert error={add.error} />
        </div>
      ) : null}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" isPending={add.isPending} pendingLabel="Saving…">
          Save variation
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
