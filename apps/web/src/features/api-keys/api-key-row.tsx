import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiKey } from '@plume/contract/api-keys/api-key-schemas';
import { Button } from '../../components/button.tsx';
import { api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { formatDate, formatTime } from '../../lib/format-time.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { apiKeysQueryOptions } from './api-keys-query.ts';
import { useTimeZone } from '../workspaces/use-time-zone.ts';

/** One API key with its Revoke button. */
export function ApiKeyRow({ workspaceId, apiKey }: { workspaceId: string; apiKey: ApiKey }) {
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const revoke = useMutation({
    mutationFn: () => api.delete(`${workspacePath(workspaceId)}/api-keys/${encodeURIComponent(apiKey.id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryOptions(workspaceId).queryKey }),
  });
  return (
    <tr className="align-top">
      <td className="py-3 pr-4 font-medium text-ink">{apiKey.name}</td>
      <td className="py-3 pr-4">
        <code className="rounded bg-subtle px-1.5 py-0.5 text-xs">{apiKey.prefix}…</code>
      </td>
      <td className="py-3 pr-4">{apiKey.scopes.join(', ')}</td>
      <td className="py-3 pr-4 whitespace-nowrap">{formatDate(apiKey.createdAt, timeZone)}</td>
      <td className="py-3 pr-4 whitespace-nowrap">
        {apiKey.lastUsedAt ? formatTime(apiKey.lastUsedAt, timeZone, { withZone: false }) : 'Never'}
      </td>
      <td className="py-3 pr-4 whitespace-nowrap">
        {apiKey.expiresAt ? formatDate(apiKey.expiresAt, timeZone) : 'Never'}
      </td>
      <td className="py-3 text-right">
        <Button
          variant="secondary"
          onClick={() => revoke.mutate()}
          isPending={revoke.isPending}
          pendingLabel="Revoking…"
        >
          Revoke<span className="sr-only"> {apiKey.name}</span>
        </Button>
        {revoke.isError ? (
          <p role="alert" className="mt-1 text-xs text-danger">
            {errorMessageOf(revoke.error)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
