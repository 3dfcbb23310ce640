import { Fragment, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { healthSchema } from '@plume/contract/llm/llm-provider-schemas';
import type { MediaProviderStatus } from '@plume/contract/media/media-provider-schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { formatLatency, humanizeId } from './format-llm.ts';
import { makesInWords, mediaKindName } from './media-kind-name.ts';
import { MediaProviderForm } from './media-provider-form.tsx';
import { mediaModelsKey, mediaPath, mediaPoliciesQueryOptions, mediaProvidersQueryOptions } from './media-queries.ts';
import { PolicyEditor } from './policy-editor.tsx';

function MediaProviderRow({
  workspaceId,
  provider,
  canAdmin,
}: {
  workspaceId: string;
  provider: MediaProviderStatus;
  canAdmin: boolean;
}) {
  const queryClient = useQueryClient();
  const path = `${mediaPath(workspaceId)}/providers/${encodeURIComponent(provider.providerId)}`;
  const test = useMutation({ mutationFn: () => api.post(`${path}/test`, {}, healthSchema) });
  const remove = useMutation({
    mutationFn: () => api.delete(path),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mediaModelsKey(workspaceId) }),
  });
  const health = test.data ?? provider.health;
  return (
    <tr className="align-top">
      <td className="py-3 pr-4">
        <span className="font-medium text-ink">{provider.providerId}</span>
        <span className="block text-xs text-muted">
          {mediaKindName(provider.kind)} · {provider.source === 'workspace' ? 'this workspace' : 'server-wide'}
        </span>
      </td>
      <td className="py-3 pr-4">{makesInWords(provider.makes)}</td>
      <td className="py-3 pr-4" aria-live="polite">
        {!health ? (
          <span className="text-muted">Not checked</span>
        ) : health.ok ? (
          <span className="text-success">
            Reachable <span className="text-xs text-muted">({formatLatency(health.latencyMs)})</span>
          </span>
        ) : (
          <span className="font-medium text-danger">
            Not reachable{health.reason ? <span className="block text-xs font-normal">{health.reason}</span> : null}
          </span>
        )}
        {provider.circuit.state === 'open' ? (
          <span className="block text-xs text-warning">Paused after {provider.circuit.failures} failures</span>
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
          >
            Test connection<span className="sr-only"> of {provider.providerId}</span>
          </Button>
          {canAdmin && provider.source === 'workspace' ? (
            <Button
              variant="secondary"
              onClick={() => remove.mutate()}
              isPending={remove.isPending}
              pendingLabel="Removing…"
            >
              Remove<span className="sr-only"> {provider.providerId}</span>
            </Button>
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

function MediaRouting({
  workspaceId,
  canAdmin,
  providerIds,
}: {
  workspaceId: string;
  canAdmin: boolean;
  providerIds: string[];
}) {
  const policies = useQuery(mediaPoliciesQueryOptions(workspaceId));
  const [editing, setEditing] = useState<string | null>(null);
  if (policies.isPending) return <LoadingState label="Loading media routing…" />;
  if (policies.isError) return <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />;
  return (
    <TableScroller>
      <table className="w-full text-left text-sm text-muted" aria-label="Media routing">
        <TableHead columns={['Makes', 'Mode', 'Candidates']} hasActions />
        <tbody className="divide-y divide-line">
          {policies.data.map((policy) => (
            <Fragment key={policy.task}>
              <tr className="align-top">
                <td className="py-2 pr-4 text-ink">{humanizeId(policy.task)}</td>
                <td className="py-2 pr-4">
                  {humanizeId(policy.mode)}
                  {policy.isDefault ? <span className="block text-xs">Default</span> : null}
                </td>
                <td className="py-2 pr-4">
                  {policy.candidates.length === 0 ? (
                    <span>No provider can make this yet.</span>
                  ) : (
                    <ol className="list-decimal pl-4">
                      {policy.candidates.map((c, i) => (
                        <li key={i}>
                          {c.provider} · {c.model}
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
                <td className="py-2 text-right">
                  {canAdmin && editing !== policy.task ? (
                    <Button variant="secondary" onClick={() => setEditing(policy.task)}>
                      Edit<span className="sr-only"> routing for {humanizeId(policy.task)}</span>
                    </Button>
                  ) : null}
                </td>
              </tr>
              {editing === policy.task ? (
                <tr>
                  <td colSpan={4} className="pb-4">
                    <PolicyEditor
                      workspaceId={workspaceId}
                      policy={policy}
                      providerIds={providerIds}
                      policiesPath={`${mediaPath(workspaceId)}/policies`}
                      onDone={() => {
                        setEditing(null);
                        void policies.refetch();
                      }}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

/** Media models: who makes images, video and speech (local servers first), their health, and the routing per media task. */
export function MediaModelsCard({ workspaceId, canAdmin }: { workspaceId: string; canAdmin: boolean }) {
  const providers = useQuery(mediaProvidersQueryOptions(workspaceId));
  const [adding, setAdding] = useState(false);
  const add =
    canAdmin && !adding ? (
      <Button variant="secondary" onClick={() => setAdding(true)}>
        Add a media provider
      </Button>
    ) : null;
  const items = providers.data?.items ?? [];
  return (
    <Card
      title="Media models"
      description="Who makes images, video and speech. Local servers are asked first; the budget above covers these calls too."
      action={add}
    >
      <div className="space-y-4">
        {adding ? <MediaProviderForm workspaceId={workspaceId} onDone={() => setAdding(false)} /> : null}
        {providers.isPending ? (
          <LoadingState label="Checking media providers…" />
        ) : providers.isError ? (
          <ErrorState error={providers.error} onRetry={() => void providers.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No media providers yet">
            Run a local Stable Diffusion server (AUTOMATIC1111 or ComfyUI), install espeak-ng for speech, or add an
            OpenAI, Stability or Google key.
          </EmptyState>
        ) : (
          <>
            <p className="text-sm text-muted">
              Images: {providers.data.canMake.image ? 'yes' : 'no provider yet'} · Video:{' '}
              {providers.data.canMake.video ? 'yes' : 'no provider yet'} · Speech:{' '}
              {providers.data.canMake.speech ? 'yes' : 'no provider yet'}
            </p>
            <TableScroller>
              <table className="w-full text-left text-sm text-muted" aria-label="Media providers">
                <TableHead columns={['Provider', 'Makes', 'Status']} hasActions />
                <tbody className="divide-y divide-line">
                  {items.map((provider) => (
                    <MediaProviderRow
                      key={provider.providerId}
                      workspaceId={workspaceId}
                      provider={provider}
                      canAdmin={canAdmin}
                    />
                  ))}
                </tbody>
              </table>
            </TableScroller>
          </>
        )}
        <MediaRouting
          workspaceId={workspaceId}
          canAdmin={canAdmin}
          providerIds={items.map((item) => item.providerId)}
        />
      </div>
    </Card>
  );
}
