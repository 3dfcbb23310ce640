import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROUTING_MODES, type RoutingMode } from '@plume/contract/llm/llm-enums';
import type { Candidate, PolicyView } from '@plume/contract/llm/llm-settings-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { problemsByPath } from '../posts/problems-by-path.ts';
import { moveItem, replaceItem } from './candidate-list.ts';
import { humanizeId } from './format-llm.ts';
import { llmKey, llmPath } from './llm-queries.ts';

const modeOptions = ROUTING_MODES.map((mode) => ({ value: mode, label: humanizeId(mode) }));
const isMode = (value: string): value is RoutingMode => (ROUTING_MODES as readonly string[]).includes(value);

/** `candidates/1/model` → `Model 2`, as the form labels it. */
function candidateLabel(path: string): string | undefined {
  const match = /^candidates\/(\d+)\/(provider|model)/.exec(path);
  return match ? `${match[2] === 'model' ? 'Model' : 'Provider'} ${Number(match[1]) + 1}` : undefined;
}

interface PolicyEditorProps {
  workspaceId: string;
  /** A text task's policy, or a media task's (`image`, `video`, `speech`) with `policiesPath`. */
  policy: Omit<PolicyView, 'task'> & { task: string };
  providerIds: string[];
  onDone: () => void;
  /** Where the policies live; default the text tasks' `…/llm/policies`. */
  policiesPath?: string;
}

/** A task's routing: a mode and the ordered candidates it chooses among. */
export function PolicyEditor({ workspaceId, policy, providerIds, onDone, policiesPath }: PolicyEditorProps) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<RoutingMode>(policy.mode);
  const [candidates, setCandidates] = useState<Candidate[]>(policy.candidates);
  const path = `${policiesPath ?? `${llmPath(workspaceId)}/policies`}/${policy.task}`;
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: llmKey(workspaceId) });
    onDone();
  };
  const save = useMutation({ mutationFn: () => api.put(path, { mode, candidates }), onSuccess: done });
  const reset = useMutation({ mutationFn: () => api.delete(path), onSuccess: done });
  const problems = problemsByPath(save.error);
  const providerOptions = [...new Set([...providerIds, ...candidates.map((c) => c.provider)])].map((id) => ({
    value: id,
    label: id,
  }));
  const task = humanizeId(policy.task);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      aria-label={`Routing for ${task}`}
      className="space-y-3 rounded-md border border-line p-4"
    >
      <FormAlert error={save.error ?? reset.error} labels={candidateLabel} />
      <SelectField
        label="Mode"
        name="mode"
        options={modeOptions}
        value={mode}
        onChange={(e) => {
          if (isMode(e.target.value)) setMode(e.target.value);
        }}
      />
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-ink">Candidates, in order</legend>
        {candidates.map((candidate, index) => (
          <div key={index} className="flex flex-wrap items-end gap-2">
            <SelectField
              label={`Provider ${index + 1}`}
              options={providerOptions}
              value={candidate.provider}
              className="w-40"
              error={problems[`candidates/${index}/provider`]}
              onChange={(e) =>
                setCandidates(replaceItem(candidates, index, { ...candidate, provider: e.target.value }))
              }
            />
            <TextField
              label={`Model ${index + 1}`}
              value={candidate.model}
              className="min-w-40 flex-1"
              autoComplete="off"
              hint={index === 0 ? '`auto`: the first suitable installed model.' : undefined}
              error={problems[`candidates/${index}/model`]}
              onChange={(e) => setCandidates(replaceItem(candidates, index, { ...candidate, model: e.target.value }))}
            />
            <Button
              variant="ghost"
              onClick={() => setCandidates(moveItem(candidates, index, -1))}
              disabled={index === 0}
            >
              <span aria-hidden="true">↑</span>
              <span className="sr-only">Move candidate {index + 1} up</span>
            </Button>
            <Button
              variant="ghost"
              onClick={() => setCandidates(moveItem(candidates, index, 1))}
              disabled={index === candidates.length - 1}
            >
              <span aria-hidden="true">↓</span>
              <span className="sr-only">Move candidate {index + 1} down</span>
            </Button>
            <Button
              variant="ghost"
              onClick={() => setCandidates(candidates.filter((_, i) => i !== index))}
              disabled={candidates.length === 1}
            >
              Remove<span className="sr-only"> candidate {index + 1}</span>
            </Button>
          </div>
        ))}
        {problems.candidates ? <p className="text-sm text-danger">{problems.candidates}</p> : null}
        <Button
          variant="secondary"
          disabled={candidates.length >= 8}
          onClick={() =>
            setCandidates([...candidates, { provider: providerOptions[0]?.value ?? 'ollama', model: 'auto' }])
          }
        >
          Add a candidate
        </Button>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
          Save routing
        </Button>
        <Button
          variant="secondary"
          onClick={() => reset.mutate()}
          isPending={reset.isPending}
          pendingLabel="Resetting…"
          disabled={policy.isDefault}
        >
          Reset to default
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
