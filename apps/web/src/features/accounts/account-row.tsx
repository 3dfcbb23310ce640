import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Account, accountSchema, retryReportSchema } from '@plume/contract/accounts/account-schemas';
import { Button } from '../../components/button.tsx';
import { api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { formatTime } from '../../lib/format-time.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { accountsQueryOptions, startOAuth } from './accounts-query.ts';
import { useTimeZone } from '../workspaces/use-time-zone.ts';

interface AccountRowProps {
  workspaceId: string;
  account: Account;
  networkName: string;
  canReconnect: boolean;
  canAdmin: boolean;
}

/** One connected account with Check, Reconnect and Remove. */
export function AccountRow({ workspaceId, account, networkName, canReconnect, canAdmin }: AccountRowProps) {
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const base = `${workspacePath(workspaceId)}/accounts/${encodeURIComponent(account.id)}`;
  const invalidate = () => queryClient.invalidateQueries({ queryKey: accountsQueryOptions(workspaceId).queryKey });
  const check = useMutation({ mutationFn: () => api.post(`${base}/health`, {}, accountSchema), onSettled: invalidate });
  const reconnect = useMutation({
    mutationFn: () => startOAuth(workspaceId, { network: account.network, reconnectAccountId: account.id }),
  });
  const remove = useMutation({ mutationFn: () => api.delete(base), onSuccess: invalidate });
  const retryFailed = useMutation({
    mutationFn: () => api.post(`${base}/retry-failed`, {}, retryReportSchema),
    onSettled: invalidate,
  });
  const failed = account.status === 'connected' ? (account.failedWhileDisconnected ?? 0) : 0;
  const name = `${networkName} ${account.handle}`;
  const error = check.error ?? reconnect.error ?? remove.error ?? retryFailed.error;

  function handleRemove() {
    if (
      window.confirm(
        `Remove ${account.handle} (${networkName})? Unpublished posts to it are dropped; published posts stay on ${networkName}.`,
      )
    ) {
      remove.mutate();
    }
  }

  return (
    <tr className="align-top">
      <td className="py-3 pr-4 text-ink">{networkName}</td>
      <td className="py-3 pr-4">
        <span className="font-medium text-ink">{account.handle}</span>
        {account.displayName && account.displayName !== account.handle ? (
          <span className="block text-xs">{account.displayName}</span>
        ) : null}
        {account.profileUrl ? (
          <a href={account.profileUrl} target="_blank" rel="noreferrer" className="block text-xs text-accent underline">
            Profile<span className="sr-only"> of {account.handle}</span>
          </a>
        ) : null}
      </td>
      <td className="py-3 pr-4">
        <span className={account.status === 'connected' ? 'text-success' : 'font-medium text-danger'}>
          {account.status === 'connected' ? 'Connected' : 'Disconnected'}
        </span>
        {account.disconnectedReason ? <span className="block text-xs">{account.disconnectedReason}</span> : null}
        {account.healthError ? <span className="block text-xs text-danger">Health: {account.healthError}</span> : null}
        {account.metricsError ? (
          <span className="block text-xs text-warning">Metrics: {account.metricsError}</span>
        ) : null}
        {account.status === 'connected' && account.tokenExpiresAt ? (
          <span className="block text-xs">
            Access renews before {formatTime(account.tokenExpiresAt, timeZone, { withZone: false })}
            {account.lastRefreshedAt
              ? ` (last renewed ${formatTime(account.lastRefreshedAt, timeZone, { withZone: false })})`
              : ''}
          </span>
        ) : null}
        {failed > 0 ? (
          <span className="mt-1 block text-xs text-warning">
            {failed === 1 ? '1 post' : `${failed} posts`} failed while this account was disconnected.{' '}
            <Button
              variant="secondary"
              onClick={() => retryFailed.mutate()}
              isPending={retryFailed.isPending}
              pendingLabel="Retrying…"
            >
              Retry them<span className="sr-only"> for {name}</span>
            </Button>
          </span>
        ) : null}
        {retryFailed.data && retryFailed.data.skipped.length > 0 ? (
          <span role="status" className="block text-xs text-danger">
            {retryFailed.data.retried} retried; {retryFailed.data.skipped.length} could not go out:{' '}
            {retryFailed.data.skipped.map((item) => item.reason).join(' ')}
          </span>
        ) : null}
        {account.rateLimitedUntil && new Date(account.rateLimitedUntil).getTime() > Date.now() ? (
          <span className="block text-xs text-warning">
            Rate-limited until {formatTime(account.rateLimitedUntil, timeZone, { withZone: false })}
          </span>
        ) : null}
      </td>
      <td className="py-3 pr-4 whitespace-nowrap">
        {formatTime(account.healthCheckedAt, timeZone, { withZone: false })}
      </td>
      <td className="py-3 text-right">
        <div className="flex flex-wrap justify-end gap-2">
          <Button
            variant="secondary"
            onClick={() => check.mutate()}
            isPending={check.isPending}
            pendingLabel="Checking…"
          >
            Check<span className="sr-only"> {name}</span>
          </Button>
          {canAdmin && canReconnect ? (
            <Button
              variant="secondary"
              onClick={() => reconnect.mutate()}
              isPending={reconnect.isPending}
              pendingLabel="Opening…"
            >
              Reconnect<span className="sr-only"> {name}</span>
            </Button>
          ) : null}
          {canAdmin ? (
            <Button variant="secondary" onClick={handleRemove} isPending={remove.isPending} pendingLabel="Removing…">
              Remove<span className="sr-only"> {name}</span>
            </Button>
          ) : null}
        </div>
        {error ? (
          <p role="alert" className="mt-1 text-xs text-danger">
            {errorMessageOf(error)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
