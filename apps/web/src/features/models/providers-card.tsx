import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { providersQueryOptions } from './llm-queries.ts';
import { ProviderForm } from './provider-form.tsx';
import { ProviderRow } from './provider-row.tsx';

/** Where models come from: the server's (Ollama, env keys) and the workspace's own, each checked. */
export function ProvidersCard({ workspaceId, canAdmin }: { workspaceId: string; canAdmin: boolean }) {
  const providers = useQuery(providersQueryOptions(workspaceId));
  // A provider id, 'new' for the add form, or null.
  const [editing, setEditing] = useState<string | null>(null);
  const edited = providers.data?.find((provider) => provider.providerId === editing);
  const add =
    canAdmin && editing === null ? (
      <Button variant="secondary" onClick={() => setEditing('new')}>
        Add a provider
      </Button>
    ) : null;
  return (
    <Card
      title="Providers"
      description="Local models first; cloud providers answer when a policy falls back to them."
      action={add}
    >
      <div className="space-y-4">
        {!canAdmin ? (
          <p className="text-sm text-muted">Only admins and owners can add, test or remove providers.</p>
        ) : null}
        {editing !== null ? (
          <ProviderForm key={editing} workspaceId={workspaceId} editing={edited} onDone={() => setEditing(null)} />
        ) : null}
        {providers.isPending ? (
          <LoadingState label="Checking providers…" />
        ) : providers.isError ? (
          <ErrorState error={providers.error} onRetry={() => void providers.refetch()} />
        ) : providers.data.length === 0 ? (
          <EmptyState title="No providers yet">
            Start Ollama on this server or add a cloud provider with its API key.
          </EmptyState>
        ) : (
          <TableScroller>
            <table className="w-full text-left text-sm text-muted" aria-label="Providers">
              <TableHead columns={['Provider', 'Address', 'Key', 'Status']} hasActions />
              <tbody className="divide-y divide-line">
                {providers.data.map((provider) => (
                  <ProviderRow
                    key={provider.providerId}
                    workspaceId={workspaceId}
                    provider={provider}
                    canAdmin={canAdmin}
                    onEdit={() => setEditing(provider.providerId)}
                  />
                ))}
              </tbody>
            </table>
          </TableScroller>
        )}
      </div>
    </Card>
  );
}
