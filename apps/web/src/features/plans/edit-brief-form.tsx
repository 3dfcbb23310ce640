import { useState, type FormEvent } from 'react';
import type { PlanBrief } from '@plume/contract/planning/plan-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { TextAreaField } from '../brand/text-area-field.tsx';
import { FORMAT_OPTIONS } from './brief-formats.ts';
import { useUpdateBrief } from './plan-queries.ts';

type Props = { workspaceId: string; planId: string; brief: PlanBrief; onDone: () => void };

/** Edits a brief's topic, pillar, format and notes in place; errors at their fields. */
export function EditBriefForm({ workspaceId, planId, brief, onDone }: Props) {
  const update = useUpdateBrief(workspaceId, planId);
  const [topic, setTopic] = useState(brief.topic);
  const [pillar, setPillar] = useState(brief.pillar);
  const [format, setFormat] = useState<string>(brief.format);
  const [notes, setNotes] = useState(brief.notes ?? '');
  const errors = fieldErrorsOf(update.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ briefId: brief.id, changes: { topic, pillar, format, notes } }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="mt-2 space-y-2" aria-label={`Edit "${brief.topic}"`} noValidate>
      <TextField
        label="Topic"
        value={topic}
        onChange={(event) => setTopic(event.target.value)}
        error={errors['topic']}
      />
      <TextField
        label="Pillar"
        value={pillar}
        onChange={(event) => setPillar(event.target.value)}
        error={errors['pillar']}
      />
      <SelectField
        label="Format"
        value={format}
        onChange={(event) => setFormat(event.target.value)}
        options={FORMAT_OPTIONS}
        error={errors['format']}
      />
      <TextAreaField
        label="Notes for the writer"
        rows={2}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        error={errors['notes']}
      />
      {brief.postId ? (
        <p className="text-muted">
          Its draft is written already; a replacement (Reject) is written from the new words.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-1">
        <Button type="submit" isPending={update.isPending} pendingLabel="Saving…">
          Save
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
      {update.isError && Object.keys(errors).length === 0 ? <FormAlert error={update.error} /> : null}
    </form>
  );
}
