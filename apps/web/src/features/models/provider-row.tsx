import { useMutation, useQueryClient } from '@tanstack/react-query';
import { healthSchema, type ProviderHealth, type ProviderStatus } from '@plume/contract/llm/llm-provider-schemas';
import { Button } from '../../components/button.tsx';
import { api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { formatTime } from '../../lib/format-time.ts';
import { formatLatency, providerKindName } from './format-llm.ts';
import { llmKey, llmPath } from './llm-queries.ts';
import { useTimeZone } from '../workspaces/use-time-zone.ts';

interface ProviderRowProps {
  workspaceId: string;
  provider: ProviderStatus;
  canAdmin: boolean;
  onEdit: () => void;
}

function Reachability({ health }: { health: ProviderHealth | undefined }) {
  if (!health) return <span className="text-muted">Not checked</span>;
  return health.ok ? (
    <span className="text-success">
      Reachable <span className="text-xs text-muted">({formatLatency(health.latencyMs)})</span>
    </span>
  ) : (
    <span className="font-medium text-danger">
      Not reachable{health.reason ? <span className="block text-xs font-normal">{health.reason}</span> : null}
    </span>
  );
}

/** One provider: kind, address, key badge, reachability, and its test, edit and remove actions. */
export function ProviderRow({ workspaceId, provider, canAdmin, onEdit }: ProviderRowProps) {
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const path = `${llmPath(workspaceId)}/providers/${encodeURIComponent(provider.providerId)}`;
  const test = useMutation({ mutationFn: () => api.post(`${path}/test`, {}, healthSchema) });
  const remove = useMutation({
    mutationFn: () => api.delete(path),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: llmKey(workspaceId) }),
  });
  const isOwn = provider.source === 'workspace';
  const health = test.data ?? provider.health;

  function handleRemove() {
    if (
      window.confirm(`Remove the provider ${provider.providerId} and its key? Policies naming it skip it from now on.`)
    )
      remove.mutate();
  }

  return (
    <tr className="align-top">
      <td className="py-3 pr-4">
        <span className="font-medium text-ink">{provider.providerId}</span>
        <span className="block text-xs text-muted">
          {providerKindName(provider.kind)} · {isOwn ? 'this workspace' : 'server-wide'}
        </span>
      </td>
      <td className="py-3 pr-4 text-xs break-all">{provider.baseUrl ?? 'Vendor default'}</td>
      <td className="py-3 pr-4">
        {provider.hasKey ? (
          <span className="rounded-full bg-success-soft px-2 py-0.5 text-xs font-medium text-success">Key set</span>
        ) : (
          <span className="text-xs text-muted">No key</span>
        )}
        {!provider.enabled ? (
          <span className="ml-1 rounded-full bg-subtle px-2 py-0.5 text-xs text-muted">Disabled</span>
        ) : null}
      </td>
      <td className="py-3 pr-4" aria-live="polite">
        <Reachability health={health} />
        {provider.circuit.state === 'open' ? (
          <span className="block text-xs text-warning">
            Paused after {provider.circuit.failures} failures until {formatTime(provider.circuit.retryAt, timeZone)}
          </span>
        ) : null}
      </td>
      <td className="py-3 text-right">
        <div className="flex flex-wrap justify-end gap-2">
          <Button
            variant="secondary"
            onClick={() => test.mutate()}
            isPending={test.isPending}
            pendingLabel="Testing…"
            disabled={!canAdmin}
            title={canAdmin ? undefined : 'Only admins and owners can test providers'}
          >
            Test connection<span className="sr-only"> of {provider.providerId}</span>
          </Button>
          {canAdmin && isOwn ? (
            <>
              <Button variant="secondary" onClick={onEdit}>
                Edit<span className="sr-only"> {provider.providerId}</span>
              </Button>
              <Button variant="secondary" onClick={handleRemove} isPending={remove.isPending} pendingLabel="Removing…">
                Remove<span className="sr-only"> {provider.providerId}</span>
              </Button>
            </>
          ) : null}
        </div>
        {(test.error ?? remove.error) ? (
          <p role="alert" className="mt-1 text-xs text-danger">
            {errorMessageOf(test.error ?? remove.error)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
