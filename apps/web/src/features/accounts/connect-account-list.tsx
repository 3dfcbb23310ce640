import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { networksQueryOptions } from '../networks/networks-query.ts';
import { ConnectNetworkItem } from './connect-network-item.tsx';

/** Every network, ready ones first, each with its way to connect. */
export function ConnectAccountList({ workspaceId }: { workspaceId: string }) {
  const networks = useQuery(networksQueryOptions);
  if (networks.isPending) return <LoadingState label="Loading networks…" />;
  if (networks.isError) return <ErrorState error={networks.error} onRetry={() => void networks.refetch()} />;
  const sorted = [...networks.data].sort((a, b) => Number(b.ready) - Number(a.ready) || a.name.localeCompare(b.name));
  return (
    <ul aria-label="Networks" className="grid items-start gap-2 sm:grid-cols-2">
      {sorted.map((network) => (
        <ConnectNetworkItem key={network.id} workspaceId={workspaceId} network={network} />
      ))}
    </ul>
  );
}
