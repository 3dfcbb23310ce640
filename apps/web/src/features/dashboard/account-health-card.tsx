import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buttonClasses } from '../../components/button-classes.ts';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { accountsQueryOptions } from '../accounts/accounts-query.ts';
import { useNetworkName } from '../networks/use-network-name.ts';
import { accountProblems } from './dashboard-summary.ts';

/** Whether every connected account can publish, and what to do about those that cannot. */
export function AccountHealthCard({ workspaceId }: { workspaceId: string }) {
  const accounts = useQuery(accountsQueryOptions(workspaceId));
  const networkName = useNetworkName();
  const manage = (
    <Link to="/w/$workspaceId/accounts" params={{ workspaceId }} className={textLinkClasses}>
      Manage accounts
    </Link>
  );
  return (
    <Card title="Account health" description="Accounts that cannot publish until someone acts." action={manage}>
      {accounts.isPending ? (
        <LoadingState label="Loading accounts…" />
      ) : accounts.isError ? (
        <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : accounts.data.length === 0 ? (
        <EmptyState
          title="No accounts connected yet"
          action={
            <Link to="/w/$workspaceId/accounts" params={{ workspaceId }} className={buttonClasses('secondary')}>
              Connect an account
            </Link>
          }
        >
          Connect a social account so this workspace can publish.
        </EmptyState>
      ) : (
        (() => {
          const problems = accountProblems(accounts.data, new Date());
          if (problems.length === 0) {
            const count = accounts.data.length;
            return (
              <p className="text-sm text-success">
                {count === 1 ? 'The account is' : `All ${count} accounts are`} connected and healthy.
              </p>
            );
          }
          return (
            <ul aria-label="Accounts that need attention" className="divide-y divide-line">
              {problems.map(({ account, problem }) => (
                <li key={account.id} className="py-3 text-sm">
                  <p className="font-medium text-ink">
                    {networkName(account.network)} · {account.handle}
                  </p>
                  <p className="text-danger">{problem}</p>
                </li>
              ))}
            </ul>
          );
        })()
      )}
    </Card>
  );
}
