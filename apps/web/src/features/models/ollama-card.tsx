import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InstalledModel } from '@plume/contract/ollama/ollama-schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { formatBytes, ollamaDownMessage } from './format-llm.ts';
import { installedModelsQueryOptions, ollamaKey, ollamaVersionQueryOptions } from './llm-queries.ts';
import { PullModelForm } from './pull-model-form.tsx';

function ModelRow({ model, isInstanceAdmin }: { model: InstalledModel; isInstanceAdmin: boolean }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete(`/ollama/models/${encodeURIComponent(model.name)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ollamaKey }),
  });
  function handleDelete() {
    if (
      window.confirm(
        `Delete ${model.name} (${formatBytes(model.sizeBytes)}) from Ollama? Every workspace on this server loses it.`,
      )
    )
      remove.mutate();
  }
  return (
    <tr className="align-top">
      <td className="py-3 pr-4">
        <span className="font-medium text-ink">{model.name}</span>
        {model.running ? (
          <span className="ml-2 rounded-full bg-success-soft px-2 py-0.5 text-xs font-medium text-success">
            Running
          </span>
        ) : null}
      </td>
      <td className="py-3 pr-4">{formatBytes(model.sizeBytes)}</td>
      <td className="py-3 pr-4">{model.parameterSize || '—'}</td>
      <td className="py-3 pr-4">{model.quantization || '—'}</td>
      <td className="py-3 text-right">
        {isInstanceAdmin ? (
          <Button variant="secondary" onClick={handleDelete} isPending={remove.isPending} pendingLabel="Deleting…">
            Delete<span className="sr-only"> {model.name}</span>
          </Button>
        ) : null}
        {remove.error ? (
          <p role="alert" className="mt-1 text-xs text-danger">
            {errorMessageOf(remove.error)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

function InstalledModels({ isInstanceAdmin }: { isInstanceAdmin: boolean }) {
  const models = useQuery(installedModelsQueryOptions);
  if (models.isPending) return <LoadingState label="Loading models…" />;
  if (models.isError) return <ErrorState error={models.error} onRetry={() => void models.refetch()} />;
  if (models.data.length === 0) {
    return (
      <EmptyState title="No models installed">
        Pull one below, e.g. llama3.2:3b (about 2 GB), or run <code>ollama pull llama3.2:3b</code> on the server.
      </EmptyState>
    );
  }
  return (
    <TableScroller>
      <table className="w-full text-left text-sm text-muted" aria-label="Installed models">
        <TableHead columns={['Model', 'Size', 'Parameters', 'Quantization']} hasActions />
        <tbody className="divide-y divide-line">
          {models.data.map((model) => (
            <ModelRow key={model.name} model={model} isInstanceAdmin={isInstanceAdmin} />
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

/** Ollama on this server: whether it runs, its models, and (for the instance admin) pulling and deleting. */
export function OllamaCard({ isInstanceAdmin }: { isInstanceAdmin: boolean }) {
  const version = useQuery(ollamaVersionQueryOptions);
  const description = version.data?.running
    ? `Ollama ${version.data.version ?? ''} at ${version.data.url}`
    : 'Local models, shared by every workspace on this server.';
  return (
    <Card title="Ollama" description={description}>
      {version.isPending ? (
        <LoadingState label="Looking for Ollama…" />
      ) : version.isError ? (
        <ErrorState error={version.error} onRetry={() => void version.refetch()} />
      ) : !version.data.running ? (
        <EmptyState
          title="Ollama is not running"
          action={
            <Button variant="secondary" onClick={() => void version.refetch()}>
              Check again
            </Button>
          }
        >
          <p>{ollamaDownMessage(version.data)}</p>
          <p className="mt-1">
            If Ollama runs on another machine, set <code>OLLAMA_URL</code> to its address.
          </p>
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <InstalledModels isInstanceAdmin={isInstanceAdmin} />
          {isInstanceAdmin ? (
            <PullModelForm />
          ) : (
            <p className="text-sm text-muted">
              Only the instance admin (the first person who signed up) can pull or delete models: Ollama is shared by
              every workspace.
            </p>
          )}
        </div>
      )}
    </Card>
  );
}
