import { useQuery } from '@tanstack/react-query';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { TableCaption } from '../../components/table-caption.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { useTimeZone } from '../workspaces/use-time-zone.ts';
import { ApiKeyRow } from './api-key-row.tsx';
import { apiKeysQueryOptions } from './api-keys-query.ts';

/** The workspace's API keys, or an empty state. */
export function ApiKeyList({ workspaceId }: { workspaceId: string }) {
  const keys = useQuery(apiKeysQueryOptions(workspaceId));
  const timeZone = useTimeZone();
  if (keys.isPending) return <LoadingState label="Loading API keys…" />;
  if (keys.isError) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />;
  if (keys.data.length === 0) {
    return (
      <EmptyState title="No API keys yet">
        Create a key to let scripts and other tools use Plume’s API on behalf of this workspace.
      </EmptyState>
    );
  }
  return (
    <TableScroller>
      <table className="w-full min-w-[44rem] text-left text-sm text-muted">
        <TableCaption title="API keys" timeZone={timeZone} />
        <TableHead columns={['Name', 'Prefix', 'Scopes', 'Created', 'Last used', 'Expires']} hasActions />
        <tbody className="divide-y divide-line">
          {keys.data.map((apiKey) => (
            <ApiKeyRow key={apiKey.id} workspaceId={workspaceId} apiKey={apiKey} />
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
