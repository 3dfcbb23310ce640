import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type PullView, pullView } from '@plume/contract/ollama/ollama-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf, hasErrorCode } from '../../lib/field-errors.ts';
import { ollamaKey } from './llm-queries.ts';
import { usePullProgress } from './use-pull-progress.ts';

const endings: Record<Exclude<PullView['status'], 'running'>, string> = {
  succeeded: 'Installed.',
  failed: 'The download failed.',
  cancelled: 'Cancelled.',
};

/** The live bar of one download: percent, Ollama's step, cancel while it runs, and how it ended. */
function PullProgress({
  pull,
  onCancel,
  isCancelling,
}: {
  pull: PullView;
  onCancel: () => void;
  isCancelling: boolean;
}) {
  const percent = Math.round(pull.percent);
  return (
    <div className="space-y-2 rounded-md border border-line p-3">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="font-medium text-ink">{pull.model}</span>
        <span className="text-muted" aria-live="polite">
          {pull.status === 'running' ? `${percent} % — ${pull.step}` : endings[pull.status]}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={`Downloading ${pull.model}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %, ${pull.step}`}
        className="h-2 overflow-hidden rounded-full bg-subtle"
      >
        <div
          className={`h-full ${pull.status === 'failed' ? 'bg-danger' : 'bg-accent'} transition-[width]`}
          style={{ width: `${percent}%` }}
        />
      </div>
      {pull.error ? (
        <p role="alert" className="text-sm text-danger">
          {pull.error.message}
        </p>
      ) : null}
      {pull.status === 'running' ? (
        <Button variant="secondary" onClick={onCancel} isPending={isCancelling} pendingLabel="Cancelling…">
          Cancel download
        </Button>
      ) : null}
    </div>
  );
}

/** "Pull a model" for the instance admin: refuses models too big for this machine unless pulled anyway. */
export function PullModelForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const start = useMutation({
    mutationFn: (force: boolean) => api.post('/ollama/models/install', { name: name.trim(), force }, pullView),
  });
  const pull = usePullProgress(start.data ?? null);
  const cancel = useMutation({
    mutationFn: (pullId: string) => api.delete(`/ollama/pulls/${encodeURIComponent(pullId)}`),
  });
  const status = pull?.status;
  useEffect(() => {
    // A finished pull changes the installed list (or not, but asking again is cheap).
    if (status !== undefined && status !== 'running') void queryClient.invalidateQueries({ queryKey: ollamaKey });
  }, [status, queryClient]);
  const tooBig = hasErrorCode(start.error, 'model_does_not_fit');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    start.mutate(false);
  }

  return (
    <div className="space-y-3">
      <form noValidate onSubmit={handleSubmit} aria-label="Pull a model" className="flex flex-wrap items-end gap-2">
        <TextField
          label="Model to pull"
          name="model"
          value={name}
          autoComplete="off"
          placeholder="llama3.2:3b"
          className="min-w-56 flex-1"
          hint="name:tag from ollama.com/library"
          error={fieldErrorsOf(start.error).name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button
          type="submit"
          isPending={start.isPending}
          pendingLabel="Starting…"
          disabled={name.trim() === '' || pull?.status === 'running'}
        >
          Pull model
        </Button>
      </form>
      <FormAlert error={start.error}>
        {tooBig ? (
          <Button variant="danger" className="mt-2" onClick={() => start.mutate(true)}>
            Pull anyway
          </Button>
        ) : null}
      </FormAlert>
      {pull ? (
        <PullProgress pull={pull} onCancel={() => cancel.mutate(pull.pullId)} isCancelling={cancel.isPending} />
      ) : null}
      <FormAlert error={cancel.error} />
    </div>
  );
}
