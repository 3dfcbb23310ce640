import { Link } from '@tanstack/react-router';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Account } from '@plume/contract/accounts/account-schemas';
import type { Network } from '@plume/contract/networks/network-schemas';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';

interface ComposerAccountsProps {
  workspaceId: string;
  accounts: UseQueryResult<Account[]>;
  networks: Network[];
  chosenIds: string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
}

/** "Publish to": one checkbox per connected account, or the way to connect one. */
export function ComposerAccounts({
  workspaceId,
  accounts,
  networks,
  chosenIds,
  onChange,
  error,
}: ComposerAccountsProps) {
  if (accounts.isPending) return <LoadingState label="Loading accounts…" />;
  if (accounts.isError) return <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />;
  if (accounts.data.length === 0) {
    return (
      <EmptyState
        title="No accounts connected"
        action={
          <Link to="/w/$workspaceId/accounts" params={{ workspaceId }} className={textLinkClasses}>
            Connect an account
          </Link>
        }
      >
        Connect an account to publish to it. You can still save a draft.
      </EmptyState>
    );
  }
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-ink">Publish to</legend>
      {accounts.data.map((account) => (
        <CheckboxField
          key={account.id}
          label={`${networks.find((n) => n.id === account.network)?.name ?? account.network} · ${account.handle}`}
          description={account.status === 'connected' ? undefined : 'Disconnected — reconnect it before publishing.'}
          checked={chosenIds.includes(account.id)}
          onChange={(e) =>
            onChange(e.target.checked ? [...chosenIds, account.id] : chosenIds.filter((id) => id !== account.id))
          }
        />
      ))}
      {error ? <p className="text-sm text-danger">{error}</p> : null}
    </fieldset>
  );
}
