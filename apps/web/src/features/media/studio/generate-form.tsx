import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { TextAreaField } from '../../brand/text-area-field.tsx';
import type { Character } from '@plume/contract/media/character-schemas';
import { CharacterPicker } from './character-picker.tsx';
import {
  checkGenerateDraft,
  emptyGenerateDraft,
  generateRequest,
  MAX_COUNT,
  VIDEO_DURATIONS,
  type DraftErrors,
  type GenerateDraft,
} from './generate-draft.ts';
import { generationProblemOf, promptMessageOf } from './generation-problem.ts';
import { AnimateFromField } from './animate-from-field.tsx';
import { KindSwitch } from './kind-switch.tsx';
import { ModelsPageNote } from './models-page-note.tsx';
import { useStartGeneration } from './studio-queries.ts';
import { imageStyleOptions, isAspectRatio, shapeOptions, videoStyleOptions } from './studio-labels.ts';
import type { Generation } from '@plume/contract/media/generation-schemas';
import { VoiceField } from './voice-field.tsx';

interface GenerateFormProps {
  workspaceId: string;
  characters: readonly Character[];
  onStarted: (generation: Generation) => void;
}

const promptLabels = { image: 'Prompt', video: 'Prompt', speech: 'Text to speak' } as const;

/** The studio's request: kind, prompt, style, shape, count, character, voice; starts a job. */
export function GenerateForm({ workspaceId, characters, onStarted }: GenerateFormProps) {
  const start = useStartGeneration(workspaceId);
  const [draft, setDraft] = useState<GenerateDraft>(emptyGenerateDraft);
  const [checked, setChecked] = useState<DraftErrors>({});
  const problem = start.isError ? generationProblemOf(start.error) : undefined;
  const apiFields = problem?.kind === 'fields' ? problem.fields : {};
  const errors: DraftErrors = { ...apiFields, ...checked, prompt: checked.prompt ?? promptMessageOf(problem) };
  const update = (change: Partial<GenerateDraft>) => setDraft((current) => ({ ...current, ...change }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkGenerateDraft(draft);
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    start.mutate(generateRequest(draft), { onSuccess: onStarted });
  }

  return (
    <form aria-label="Generate" noValidate className="space-y-4" onSubmit={submit}>
      <KindSwitch value={draft.kind} onChange={(kind) => update({ kind })} />
      <TextAreaField
        label={promptLabels[draft.kind]}
        name="prompt"
        rows={3}
        value={draft.prompt}
        error={errors.prompt}
        hint={
          draft.kind === 'speech'
            ? 'The words of the voice-over or audio message.'
            : 'Say what it shows: the subject, the place, the light. The style and shape are added for you.'
        }
        onChange={(e) => update({ prompt: e.target.value })}
      />
      {draft.kind === 'speech' ? (
        <VoiceField value={draft.voice} error={errors.voice} onChange={(voice) => update({ voice })} />
      ) : (
        <LookFields draft={draft} errors={errors} update={update} />
      )}
      <CharacterPicker
        characters={characters}
        characterId={draft.characterId}
        variationId={draft.variationId}
        onChange={update}
      />
      {draft.kind === 'video' ? (
        <AnimateFromField
          workspaceId={workspaceId}
          value={draft.imageMediaId}
          error={apiFields['imageMediaId']}
          onChange={(imageMediaId) => update({ imageMediaId })}
        />
      ) : null}
      {draft.kind === 'speech' ? null : <AdvancedFields draft={draft} errors={errors} update={update} />}
      {problem?.kind === 'budget' || problem?.kind === 'no_provider' ? (
        <FormAlert message={problem.message}>
          <ModelsPageNote workspaceId={workspaceId} reason={problem.kind} />
        </FormAlert>
      ) : problem?.kind === 'other' ? (
        <FormAlert error={start.error} />
      ) : null}
      <Button type="submit" isPending={start.isPending} pendingLabel="Starting…">
        {draft.kind === 'image' ? 'Generate images' : draft.kind === 'video' ? 'Generate video' : 'Generate voice'}
      </Button>
    </form>
  );
}

interface FieldsProps {
  draft: GenerateDraft;
  errors: DraftErrors;
  update: (change: Partial<GenerateDraft>) => void;
}

function LookFields({ draft, errors, update }: FieldsProps) {
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      {draft.kind === 'image' ? (
        <SelectField
          label="Style"
          options={imageStyleOptions}
          value={draft.imageStyle}
          onChange={(e) => update({ imageStyle: e.target.value as GenerateDraft['imageStyle'] })}
        />
      ) : (
        <SelectField
          label="Style"
          options={videoStyleOptions}
          value={draft.videoStyle}
          onChange={(e) => update({ videoStyle: e.target.value as GenerateDraft['videoStyle'] })}
        />
      )}
      <SelectField
        label="Shape"
        options={shapeOptions}
        value={draft.aspectRatio}
        onChange={(e) => {
          if (isAspectRatio(e.target.value)) update({ aspectRatio: e.target.value });
        }}
      />
      {draft.kind === 'image' ? (
        <TextField
          label="How many"
          name="count"
          type="number"
          min={1}
          max={MAX_COUNT}
          inputMode="numeric"
          value={draft.count}
          error={errors.count}
          hint={`1 to ${MAX_COUNT}; each is a separate result to approve.`}
          onChange={(e) => update({ count: e.target.value })}
        />
      ) : (
        <SelectField
          label="Length"
          options={VIDEO_DURATIONS.map((seconds) => ({ value: String(seconds), label: `${seconds} seconds` }))}
          value={draft.durationSec}
          onChange={(e) => update({ durationSec: e.target.value })}
        />
      )}
    </div>
  );
}

function AdvancedFields({ draft, errors, update }: FieldsProps) {
  return (
    <details className="rounded-md border border-line p-3" open={Boolean(errors.seed) || undefined}>
      <summary className="cursor-pointer text-sm font-medium text-ink">Advanced</summary>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <TextField
          label="Negative prompt"
          name="negativePrompt"
          value={draft.negativePrompt}
          hint="What the result must not show, where the provider takes it."
          onChange={(e) => update({ negativePrompt: e.target.value })}
        />
        <TextField
          label="Seed"
          name="seed"
          inputMode="numeric"
          value={draft.seed}
          error={errors.seed}
          hint="The same seed and prompt give the same picture, where the provider supports it."
          onChange={(e) => update({ seed: e.target.value })}
        />
      </div>
    </details>
  );
}
