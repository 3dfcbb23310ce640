import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { fieldErrorsOf } from '../../../lib/field-errors.ts';
import { TextAreaField } from '../../brand/text-area-field.tsx';
import { imageStyleOptions } from '../studio/studio-labels.ts';
import { VoiceField } from '../studio/voice-field.tsx';
import {
  APPEARANCE_FIELDS,
  characterRequest,
  checkCharacterDraft,
  type CharacterDraft,
  type CharacterErrors,
} from './character-draft.ts';
import { useSaveCharacter } from './character-queries.ts';
import type { Character } from '@plume/contract/media/character-schemas';

interface CharacterEditorProps {
  workspaceId: string;
  characterId: string | undefined;
  initial: CharacterDraft;
  onSaved: (character: Character) => void;
  onCancel: () => void;
}

const labels = {
  referenceStrength: 'Reference strength',
  skinTone: 'Skin tone',
  bodyType: 'Build',
  extra: 'Always add',
};

/** Create or change a character: name, description, look, style, seed, reference strength and voice. */
export function CharacterEditor({ workspaceId, characterId, initial, onSaved, onCancel }: CharacterEditorProps) {
  const save = useSaveCharacter(workspaceId, characterId);
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState<CharacterErrors>({});
  const errors: Record<string, string | undefined> = { ...fieldErrorsOf(save.error), ...checked };
  const update = (change: Partial<CharacterDraft>) => setDraft((current) => ({ ...current, ...change }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkCharacterDraft(draft);
    setChecked(found);
    if (Object.keys(found).length === 0) save.mutate(characterRequest(draft), { onSuccess: onSaved });
  }

  return (
    <form aria-label="Character" noValidate className="space-y-4" onSubmit={submit}>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Name"
          name="name"
          value={draft.name}
          error={errors['name']}
          onChange={(e) => update({ name: e.target.value })}
        />
        <SelectField
          label="Style"
          value={draft.style}
          options={[{ value: '', label: 'Any style' }, ...imageStyleOptions]}
          onChange={(e) => update({ style: e.target.value })}
        />
      </div>
      <TextAreaField
        label="Description"
        name="description"
        rows={2}
        value={draft.description}
        error={errors['description']}
        hint="Who they are, in a sentence or two: it goes with every prompt for this character."
        onChange={(e) => update({ description: e.target.value })}
      />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-ink">Appearance</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {APPEARANCE_FIELDS.map((field) => (
            <TextField
              key={field.key}
              label={field.label}
              name={field.key}
              placeholder={field.placeholder}
              value={draft.appearance[field.key]}
              error={errors[field.key]}
              onChange={(e) => update({ appearance: { ...draft.appearance, [field.key]: e.target.value } })}
            />
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label="Seed"
          name="seed"
          inputMode="numeric"
          value={draft.seed}
          error={errors['seed']}
          hint="A fixed seed keeps the same face where the provider takes one."
          onChange={(e) => update({ seed: e.target.value })}
        />
        <TextField
          label="Reference strength"
          name="referenceStrength"
          type="number"
          min={0}
          max={1}
          step={0.05}
          value={draft.referenceStrength}
          error={errors['referenceStrength']}
          hint="0 to 1: how closely results follow the reference images."
          onChange={(e) => update({ referenceStrength: e.target.value })}
        />
        <VoiceField
          value={draft.voice}
          error={errors['voice']}
          hint="The voice of this character's voice-overs (optional)."
          onChange={(voice) => update({ voice })}
        />
      </div>
      {save.isError ? <FormAlert error={save.error} labels={labels} /> : null}
      <div className="flex gap-2">
        <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
          {characterId === undefined ? 'Create character' : 'Save character'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
